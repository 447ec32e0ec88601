import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extractArticle } from "./extract.ts";

// Adversarial text: news-like words mixed with quotes, brackets, HTML, emoji, control characters.
const pieces = ["Mr", "Putin", "met", "Xi Jinping", "on", "Friday", "and", ",", ".", "(", ")", "’s", "“", "”", "\n\n", "<p>", "</p>", "date 2022-02-05", "Tu-22M3", "NATO", "Nato", "he", "which", "was", "by", "to", "🙂", "\u0000", "\t", "-", "—", "Kiev", "Kyiv", "(AP)", "***", "Read more at"];
const articleText = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((a) => a.join(" ")),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
);

describe("extraction on random and adversarial text", () => {
  it("never throws, and every offset slices the article to exactly the evidence it claims", () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const { triples, article } = extractArticle({ id: "x", text });
        expect(article.sha256).toMatch(/^[0-9a-f]{64}$/);
        for (const t of triples) {
          expect(text.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
          for (const m of [t.evidence.subject, t.evidence.object]) if (m) expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(t.confidence).toBeGreaterThanOrEqual(0);
          expect(t.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("finishes a long pathological article (one 200,000-character sentence) in bounded time", () => {
    const text = "Putin and ".repeat(20_000) + "Xi met.";
    const { triples } = extractArticle({ id: "long", text });
    expect(Array.isArray(triples)).toBe(true);
  });
});
