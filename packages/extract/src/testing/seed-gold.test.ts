import { describe, expect, it } from "vitest";
import { SEED_GOLD, seedRecall } from "./seed-gold.ts";
import { seedExtractions } from "./seed.ts";

describe("recall against our gold annotation of the seed articles", () => {
  const report = seedRecall(seedExtractions().flatMap((x) => x.triples));

  it("finds at least three quarters of the annotated facts", () => {
    expect(report.recall).toBeGreaterThanOrEqual(0.75);
  });

  it("dates the facts it finds right when the text gives the date", () => {
    expect(report.datesRight).toBe(report.datesTotal);
  });

  it("scores nothing for an empty output and everything for the gold itself", () => {
    expect(seedRecall([]).recall).toBe(0);
    const perfect = SEED_GOLD.map((g) => ({ subject: { name: g.subject }, predicate: g.predicates[0]!, object: { name: g.object }, evidence: { article: `${g.article}.txt` }, ...(g.date ? { date: g.date } : {}), polarity: g.polarity, modality: g.modality }));
    expect(seedRecall(perfect)).toEqual(expect.objectContaining({ recall: 1, datesRight: report.datesTotal === 0 ? 0 : expect.any(Number) }));
    // a hypothetical or negated statement taken for a plain fact is not a fact found
    const plain = perfect.map((t) => ({ ...t, polarity: undefined, modality: undefined }));
    expect(seedRecall(plain).wrongMode.map((g) => `${g.subject} ${g.object}`)).toEqual(expect.arrayContaining(["Germany Ukraine", "Moscow Ukraine"]));
  });

  it("states no negated, denied or hypothetical fact as a plain one", () => {
    expect(report.wrongMode).toEqual([]);
  });
});
