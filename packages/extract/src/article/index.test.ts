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
