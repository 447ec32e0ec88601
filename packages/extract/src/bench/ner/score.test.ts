import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benchPath } from "../paths.ts";
import { chunks, scoreNer } from "./score.ts";

const wikigold = benchPath("ner", "wikigold.conll");

/** `token TAG` lines from [token, tag] pairs; null is a blank line. */
const conll = (rows: ([string, string] | null)[]) => rows.map((r) => (r ? r.join(" ") : "")).join("\n") + "\n";

const GOLD = conll([
  ["-DOCSTART-", "O"],
  null,
  ["Barack", "I-PER"],
  ["Obama", "I-PER"],
  ["visited", "O"],
  ["New", "I-LOC"],
  ["York", "I-LOC"],
  ["with", "O"],
  ["Acme", "I-ORG"],
  ["Corp", "I-ORG"],
  ["and", "O"],
  ["English", "I-MISC"],
  ["guests", "O"],
  [".", "O"],
  null,
  ["Paris", "I-LOC"],
  ["Berlin", "B-LOC"],
  ["ties", "O"],
  [".", "O"],
]);

/** The same tokens with other tags. */
function retag(gold: string, tags: string[]): string {
  let k = 0;
  return gold
    .split("\n")
    .map((l) => {
      if (!l.trim() || l.startsWith("-DOCSTART-")) return l;
      return `${l.split(" ")[0]} ${tags[k++]}`;
    })
    .join("\n");
}

describe("NER scorer", () => {
  it("scores the gold against itself as 1", () => {
    const s = scoreNer(GOLD, GOLD);
    expect(s.headline).toMatchObject({ gold: 5, guessed: 5, correct: 5, precision: 1, recall: 1, f1: 1 });
    expect(s.byType.MISC).toMatchObject({ gold: 1, f1: 1 });
    expect(s.byType.LOC!.gold).toBe(3); // Paris and Berlin touch: two entities
    expect(s.tokens).toBe(16);
    expect(s.sentences).toBe(2);
  });

  it("scores WikiGold against itself as 1, with its entity counts", () => {
    const g = readFileSync(wikigold, "utf8");
    const s = scoreNer(g, g);
    expect(s.headline.f1).toBe(1);
    expect(s.tokens).toBe(39007);
    expect(s.byType.MISC!.gold).toBeGreaterThan(0);
    for (const t of ["PER", "ORG", "LOC"]) expect(s.byType[t]!.gold).toBeGreaterThan(100);
  });

  it("scores an all-O output as 0", () => {
    const s = scoreNer(GOLD, retag(GOLD, Array(16).fill("O")));
    expect(s.headline).toMatchObject({ gold: 5, guessed: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
  });

  it("counts boundary and type errors as wrong", () => {
    // "Obama" alone (boundary), "New York" right, "Acme Corp" as LOC (type), Paris+Berlin merged (boundary)
    const tags = ["O", "I-PER", "O", "I-LOC", "I-LOC", "O", "I-LOC", "I-LOC", "O", "O", "O", "O", "I-LOC", "I-LOC", "O", "O"];
    const s = scoreNer(GOLD, retag(GOLD, tags));
    expect(s.byType.PER).toMatchObject({ gold: 1, guessed: 1, correct: 0 });
    expect(s.byType.LOC).toMatchObject({ gold: 3, guessed: 3, correct: 1 });
    expect(s.byType.ORG).toMatchObject({ gold: 1, guessed: 0, correct: 0 });
    expect(s.headline).toMatchObject({ gold: 5, guessed: 4, correct: 1 });
    expect(s.headline.precision).toBe(0.25);
    expect(s.headline.recall).toBe(0.2);
  });

  it("reads IOB1 and IOB2 output alike", () => {
    const iob2 = ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "O", "B-MISC", "O", "O", "B-LOC", "B-LOC", "O", "O"];
    const s = scoreNer(GOLD, retag(GOLD, iob2));
    expect(s.headline.f1).toBe(1);
    expect(s.byType.MISC!.f1).toBe(1);
    const seq = (tags: string[]) => tags.map((t) => (t === "O" ? { prefix: "O", type: "" } : { prefix: t[0]!, type: t.slice(2) }));
    expect(chunks(seq(["I-PER", "I-PER", "O", "I-PER", "B-PER", "I-ORG"]))).toEqual(chunks(seq(["B-PER", "I-PER", "O", "B-PER", "B-PER", "B-ORG"])));
  });

  it("keeps MISC and unknown types out of the PER/ORG/LOC figure", () => {
    const tags = ["I-PER", "I-PER", "O", "I-LOC", "I-LOC", "O", "I-ORG", "I-ORG", "O", "I-GPE", "I-MISC", "O", "I-LOC", "B-LOC", "O", "O"];
    const s = scoreNer(GOLD, retag(GOLD, tags));
    expect(s.headline.f1).toBe(1);
    expect(s.byType.MISC).toMatchObject({ gold: 1, guessed: 1, correct: 0 });
    expect(s.byType.GPE).toMatchObject({ gold: 0, guessed: 1, correct: 0 });
  });

  it("fails loudly when the output is not aligned with the gold", () => {
    const shifted = GOLD.replace("Obama I-PER\n", "");
    expect(() => scoreNer(GOLD, shifted)).toThrow(/not aligned.*line 4/);
    expect(() => scoreNer(GOLD, GOLD.replace("visited", "went"))).toThrow(/line 5.*"visited".*"went"/);
    expect(() => scoreNer(GOLD, GOLD + "extra O\n")).toThrow(/lines/);
    expect(() => scoreNer(GOLD, GOLD.replace("York I-LOC", "York LOC"))).toThrow(/system line 7.*tag/);
    // trailing blank lines and CRLF do not matter
    expect(scoreNer(GOLD, GOLD.replaceAll("\n", "\r\n") + "\n\n").headline.f1).toBe(1);
  });
});
