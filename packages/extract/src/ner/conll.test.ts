import { describe, expect, it } from "vitest";
import { tagConll, tagTokens } from "./conll.ts";

/** CoNLL text from sentences of space-separated tokens; "-DOCSTART-" starts a document. */
const conll = (...sentences: string[]) => sentences.map((s) => s.split(" ").map((t) => `${t} O`).join("\n")).join("\n\n") + "\n";
const tagsOf = (out: string) =>
  out
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("-DOCSTART-"))
    .map((l) => l.split(" ")[1]);

describe("CoNLL tagging", () => {
  it("tags names with IOB2 tags, one per token", () => {
    expect(tagTokens("Vladimir Putin met officials in New York .".split(" "))).toEqual(["B-PER", "I-PER", "O", "O", "O", "B-LOC", "I-LOC", "O"]);
  });

  it("maps equipment, events, demonyms and others to MISC", () => {
    expect(tagTokens("Russian Su-35 jets flew over the Winter Olympics .".split(" "))).toEqual(["B-MISC", "B-MISC", "O", "O", "O", "O", "B-MISC", "I-MISC", "O"]);
  });

  it("keeps every line, blank lines and -DOCSTART- included", () => {
    const input = "-DOCSTART- O\n\n" + conll("Ann Smith left .", "She came back .");
    const out = tagConll(input);
    expect(out.split("\n").length).toBe(input.split("\n").length);
    expect(out.startsWith("-DOCSTART- O\n\nAnn B-PER\nSmith I-PER\n")).toBe(true);
  });

  it("types a name the same way across a document, not across documents", () => {
    const doc = (first: string) => "-DOCSTART- O\n\n" + conll(first, "The prize went to Quarrington .");
    expect(tagsOf(tagConll(doc("Oswald Quarrington was born in 1901 .")))).toContain("B-PER");
    const twoDocs = tagConll(doc("Oswald Quarrington was born in 1901 .") + "-DOCSTART- O\n\n" + conll("The prize went to Quarrington ."));
    const lastDoc = twoDocs.split("-DOCSTART-").at(-1)!;
    expect(lastDoc).not.toContain("Quarrington B-PER");
  });
});
