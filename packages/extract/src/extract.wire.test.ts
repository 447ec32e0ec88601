import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract.ts";
import type { ArticleExtraction } from "./types.ts";

// Wire copy of our own, written the way Reuters-21578 is: lines wrapped at about 40-70 characters,
// paragraphs indented, a dateline, a sign-off.
const WIRED = [
  "MOSCOW, Feb 26 (Reuters) - Soviet leader Mikhail",
  "Gorbachev met Margaret Thatcher in the Kremlin on Thursday",
  "and discussed arms control.",
  "    Britain sent a trade delegation to",
  "Moscow last month, officials said.",
  " Reuter",
  "",
].join("\n");

const facts = (x: ArticleExtraction) => x.triples.map((t) => `${t.subject.name} -${t.predicate}-> ${t.object.name}`).sort();

describe("newswire habits", () => {
  const wired = extractArticle({ id: "wire", text: WIRED, date: "1987-02-26" });

  it("reads a sentence wrapped over three lines as the sentence it is", () => {
    const oneLine = extractArticle({ id: "wire", text: WIRED.replace(/\n(?=\S)/g, " ").replace(/\n {4}/g, "\n\n"), date: "1987-02-26" });
    expect(facts(wired)).toContain("Mikhail Gorbachev -meet-> Margaret Thatcher");
    expect(facts(wired)).toEqual(facts(oneLine));
    for (const t of wired.triples) {
      expect(WIRED.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
      for (const m of [t.evidence.subject!, t.evidence.object!]) expect(WIRED.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it("keeps the dateline out of the first sentence and records it as the story's place and date", () => {
    expect(wired.article.dateline).toEqual({ text: "MOSCOW, Feb 26 (Reuters) -", place: "Moscow", date: "1987-02-26" });
    const first = wired.triples.find((t) => t.predicate === "meet")!;
    expect(first.evidence.text).toBe("Soviet leader Mikhail\nGorbachev met Margaret Thatcher in the Kremlin on Thursday\nand discussed arms control.");
  });

  it("drops the sign-off: no sentence ends in 'Reuter'", () => {
    expect(wired.triples.some((t) => /Reuter/.test(t.evidence.text))).toBe(false);
  });

  it("takes the dateline a record gives apart from its text", () => {
    const x = extractArticle({ id: "r", text: "Brazil sent a trade delegation to Chile.", date: "1987-02-26", dateline: "SALVADOR, Feb 26 -" });
    expect(x.article.dateline).toEqual({ text: "SALVADOR, Feb 26 -", place: "Salvador", date: "1987-02-26" });
  });

  it("reports nothing skipped for text it reads whole", () => {
    expect(wired.problems).toEqual([]);
  });
});
