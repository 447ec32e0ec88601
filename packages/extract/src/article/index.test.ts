import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepareArticle } from "./index.ts";

const story = (text: string) => {
  const a = prepareArticle(text);
  return a.segments.map((s) => text.slice(s.start, s.end));
};

describe("article cleaning", () => {
  it("parses an inline date header and keeps it out of the story", () => {
    const text = " date 2023-09-10 Leaders met in Delhi on Saturday\n\nThe summit opened.";
    const a = prepareArticle(text);
    expect(a.date).toBe("2023-09-10");
    expect(story(text)).toEqual(["Leaders met in Delhi on Saturday", "The summit opened."]);
  });

  it("ignores a date header that is not a real date", () => {
    expect(prepareArticle("date 2023-02-30 Text.").date).toBeUndefined();
  });

  it("drops photo captions with credits, repeated captions, separators and footers", () => {
    const text = [
      "Farmers blocked roads near Lyon on Monday as protests spread across France.",
      "Tractors on a motorway near Lyon (Jean Dupont/AFP)",
      "The government promised new aid for growers.",
      "Farmers blocked roads near Lyon on Monday",
      "Farmers blocked roads near Lyon on Monday",
      "***",
      "Read more at Example.com",
    ].join("\n\n");
    const a = prepareArticle(text);
    expect(story(text)).toEqual(["Farmers blocked roads near Lyon on Monday as protests spread across France.", "The government promised new aid for growers."]);
    expect(a.dropped.map((d) => d.reason)).toEqual(["caption", "repeated", "repeated", "separator", "footer"]);
  });

  it("keeps one copy of a line repeated word for word, with either kind of quote", () => {
    const text = "He said ‘no deal’ was possible.\n\nHe said 'no deal' was possible.\n";
    expect(story(text)).toEqual(["He said ‘no deal’ was possible."]);
  });

  it("reads a single line break inside a paragraph as a space: a hard-wrapped paragraph is one block", () => {
    const text = "Acme Corp said it would buy the\nshipping unit of Globex Inc for 20\nmln dlrs.\n    The deal needs the approval of\nregulators, Acme said.\n Reuter\n";
    expect(story(text)).toEqual(["Acme Corp said it would buy the\nshipping unit of Globex Inc for 20\nmln dlrs.", "The deal needs the approval of\nregulators, Acme said."]);
    expect(prepareArticle(text).dropped.map((d) => [text.slice(d.start, d.end), d.reason])).toEqual([["Reuter", "signoff"]]);
  });

  it("starts a block at a blank line, an indented line, a heading in capitals and a row of a table", () => {
    const text = [
      "Grain board figures show registrations",
      "as follows:",
      "    Wheat 1,655.8 (4,161.0)",
      "    Maize 48.0 (nil)",
      "    SUBPRODUCTS",
      "Soybean   100.9   45.1",
      "Linseed   34.8    32.9",
      "",
      "The board gave no",
      "forecast.",
    ].join("\n");
    expect(story(text)).toEqual(["Grain board figures show registrations\nas follows:", "Wheat 1,655.8 (4,161.0)", "Maize 48.0 (nil)", "SUBPRODUCTS", "Soybean   100.9   45.1", "Linseed   34.8    32.9", "The board gave no\nforecast."]);
  });

  it("keeps a headline before a blank line as the title, on its own", () => {
    const text = "Ad sales lift Example Media profit\n\nQuarterly profits at Example Media rose 10%\nin the three months to December.\n";
    const a = prepareArticle(text);
    expect(a.title).toBe("Ad sales lift Example Media profit");
    expect(story(text)).toEqual(["Ad sales lift Example Media profit", "Quarterly profits at Example Media rose 10%\nin the three months to December."]);
  });

  it("joins the lines of a story written all in capitals, and reads Windows and old Mac line endings", () => {
    expect(story("THE BANK SAID IT WOULD\r\nRAISE ITS PRIME RATE.\r\n\r\nTHE RATE IS\rNOW 7.5 PCT.\r\n")).toEqual(["THE BANK SAID IT WOULD\r\nRAISE ITS PRIME RATE.", "THE RATE IS\rNOW 7.5 PCT."]);
  });

  it("leaves the wire's control characters out of a block, and out of its indentation", () => {
    expect(story("\u0002Acme said it would\nbuy Globex.\u0003\n")).toEqual(["Acme said it would\nbuy Globex."]);
  });

  it("reads a dateline opening the story as its place and date, not as the first sentence", () => {
    const text = "MOSCOW, Feb 26 (Reuters) - The Soviet Union said it\nwould cut oil exports.";
    const a = prepareArticle(text, "1987-02-27");
    expect(a.dateline).toEqual(expect.objectContaining({ text: "MOSCOW, Feb 26 (Reuters) -", place: "Moscow", date: "1987-02-26" }));
    expect(story(text)).toEqual(["The Soviet Union said it\nwould cut oil exports."]);
    // after a headline, and alone on its line
    const titled = "Soviets to cut oil exports\n\nNEW YORK, March 3 -\nThe Soviet Union said it would cut oil exports.";
    expect(prepareArticle(titled).dateline).toEqual(expect.objectContaining({ place: "New York" }));
    expect(prepareArticle(titled).dateline?.date).toBeUndefined(); // no year to put it in
    expect(story(titled)).toEqual(["Soviets to cut oil exports", "The Soviet Union said it would cut oil exports."]);
  });

  it("takes no dateline from a headline with a dash, or from later in the story", () => {
    expect(prepareArticle("UK - China trade talks resume\n\nTalks resumed.").dateline).toBeUndefined();
    expect(prepareArticle("Talks resumed.\n\nLONDON, Feb 26 - More talks.").dateline).toBeUndefined();
  });

  it("never loses or rewrites story text: every segment is an exact slice, in order, not overlapping", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const a = prepareArticle(text);
        let last = 0;
        for (const s of a.segments) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
