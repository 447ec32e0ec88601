import { describe, expect, it, vi } from "vitest";
import type { Token } from "./nlp/index.ts";

// Stand-ins for a bug: the clause engine throws on any sentence with the word "Kaboom" in it, the
// tagger on any block with "Blammo". Everything else runs the real code.
vi.mock("./clauses/engine.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("./clauses/engine.ts")>();
  return {
    ...real,
    extractClauses: (tokens: Token[], ...rest: [Set<number>, Set<number>]) => {
      if (tokens.some((t) => t.text === "Kaboom")) throw new TypeError("Cannot read properties of undefined (reading 'pos')");
      return real.extractClauses(tokens, ...rest);
    },
  };
});
vi.mock("./nlp/index.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("./nlp/index.ts")>();
  return {
    ...real,
    tagSentences: (text: string, offset?: number) => {
      if (text.includes("Blammo")) throw new RangeError("tagger gave up");
      return real.tagSentences(text, offset);
    },
  };
});

const { extractArticle } = await import("./extract.ts");

const facts = (text: string) => extractArticle({ id: "t", text });

describe("a sentence that throws", () => {
  it("is skipped and reported with its offsets and the error; the rest of the article is kept", () => {
    const text = "Angela Merkel met Emmanuel Macron in Paris.\n\nKaboom, Canada sent aid to Chile.\n\nPeru sent aid to Bolivia.";
    const x = facts(text);
    expect(x.triples.map((t) => `${t.subject.name} -${t.predicate}-> ${t.object.name}`)).toEqual(
      expect.arrayContaining(["Angela Merkel -meet-> Emmanuel Macron", "Peru -send_aid_to-> Bolivia"]),
    );
    expect(x.triples.some((t) => t.evidence.text.includes("Kaboom"))).toBe(false);
    expect(x.problems).toHaveLength(1);
    const [p] = x.problems!;
    expect(p).toEqual(expect.objectContaining({ part: "sentence", message: "Cannot read properties of undefined (reading 'pos')" }));
    expect(text.slice(p!.start, p!.end)).toBe("Kaboom, Canada sent aid to Chile.");
    expect(p!.stack).toMatch(/TypeError[\s\S]*extractClauses/);
  });

  it("in a block the tagger cannot read loses that block only", () => {
    const text = "Blammo sent aid to Chile.\n\nPeru sent aid to Bolivia.";
    const x = facts(text);
    expect(x.triples.map((t) => t.object.name)).toEqual(["Bolivia"]);
    expect(x.problems).toEqual([expect.objectContaining({ part: "block", start: 0, end: 25, message: "tagger gave up" })]);
  });
});
