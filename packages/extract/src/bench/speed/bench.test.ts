import { describe, expect, it } from "vitest";
import type { ArticleExtraction, ArticleInput } from "../../types.ts";
import { benchPath } from "../paths.ts";
import { countWords, decodeText, formatSpeed, loadCorpus, runSpeedBench, type CorpusArticle } from "./bench.ts";

/** A trivial stand-in for extractArticle: one "triple" per sentence-ish line. */
function standIn(calls: string[]) {
  return (input: ArticleInput): ArticleExtraction => {
    calls.push(input.id);
    const lines = input.text.split("\n").filter((l) => l.trim());
    const ref = { id: "x", name: "x", type: "Other" as const };
    return {
      article: { id: input.id, mentions: {}, entities: [] },
      triples: lines.map((l) => ({
        subject: ref,
        predicate: "say",
        object: ref,
        evidence: { article: input.id, text: l, start: 0, end: l.length },
        confidence: 0.5,
      })),
    };
  };
}

const article = (id: string, text: string): CorpusArticle => ({ id, text, bytes: Buffer.byteLength(text), latin1: false });

describe("speed harness", () => {
  it("decodes UTF-8, and falls back to Latin-1 on invalid bytes", () => {
    expect(decodeText(Buffer.from("café £5", "utf8"))).toEqual({ text: "café £5", latin1: false });
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: "café", latin1: true });
  });

  it("counts whitespace-separated words", () => {
    expect(countWords("  Ad sales\n\nboost  Time\tWarner ")).toBe(5);
    expect(countWords("")).toBe(0);
  });

  it("warms up, then runs every article once and reports the figures", async () => {
    const corpus = Array.from({ length: 120 }, (_, i) => article(`a/${i}.txt`, `Headline ${i}\n\nFirst line here.\nSecond line.`));
    const calls: string[] = [];
    const r = await runSpeedBench(corpus, standIn(calls), { warmup: 10 });
    expect(calls).toHaveLength(130);
    expect(r.warmupArticles).toBe(10);
    expect(r.articles).toBe(120);
    expect(r.words).toBe(120 * 7);
    expect(r.triples).toBe(120 * 3);
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.wordsPerSecond).toBeGreaterThan(0);
    expect(r.peakRssMb).toBeGreaterThan(10);
    expect(r.machine.cores).toBeGreaterThan(0);
    expect(formatSpeed(r)).toMatch(/words\/s/);
  });

  it("accepts an async extractor and rejects a malformed result", async () => {
    const calls: string[] = [];
    const sync = standIn(calls);
    const r = await runSpeedBench([article("a", "x y")], async (i) => sync(i), { warmup: 0 });
    expect(r.triples).toBe(1);
    await expect(runSpeedBench([article("a", "x")], () => ({}) as ArticleExtraction, { warmup: 0 })).rejects.toThrow(/triples/);
  });

  const bbc = benchPath("news", "bbc");
  it("loads the BBC corpus: 2,225 articles, one of them Latin-1", () => {
    const corpus = loadCorpus(bbc);
    expect(corpus).toHaveLength(2225);
    expect(corpus.filter((a) => a.latin1).map((a) => a.id)).toEqual(["sport/199.txt"]);
    expect(corpus.every((a) => !a.text.includes("\uFFFD"))).toBe(true);
    expect(corpus[0]!.id).toBe("business/001.txt");
  });
});
