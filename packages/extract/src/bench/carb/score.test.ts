import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benchPath } from "../paths.ts";
import { binaryLenientTupleMatch, normalizeSentenceKey, scoreCarb } from "./score.ts";

const goldPath = benchPath("carb", "dev-gold.tsv");
const refPath = benchPath("carb", "reference-openie5-dev.tsv");

describe("CaRB scorer on the shared reference output", () => {
  it("scores OpenIE 5 on the dev split as the official scorer does (F1 0.458, P 0.526, R 0.406, AUC 0.24)", () => {
    const s = scoreCarb(readFileSync(goldPath, "utf8"), readFileSync(refPath, "utf8"));
    expect(s.f1).toBeGreaterThan(0.453);
    expect(s.f1).toBeLessThan(0.463);
    expect(s.precision).toBeCloseTo(0.526, 2);
    expect(s.recall).toBeCloseTo(0.406, 2);
    expect(s.auc).toBeCloseTo(0.24, 2);
    expect(s.goldTuples).toBe(2548);
    expect(s.systemTuples).toBe(1579);
    expect(s.unknownSystemSentences).toBe(0);
  });
});

const S = "John Smith , the mayor , said it would rain -LRB- heavily -RRB- .";
const S2 = "Paris is the capital of France .";
const tsv = (...rows: string[][]) => rows.map((r) => r.join("\t")).join("\n") + "\n";

describe("CaRB scorer, small cases", () => {
  it("gives F1 1 (and AUC 1) when the output is exactly the gold", () => {
    const gold = tsv([S2, "is the capital of", "Paris", "France"], [S, "is", "John Smith", "the mayor"]);
    const sys = tsv([S2, "0.9", "is the capital of", "Paris", "France"], [S, "0.8", "is", "John Smith", "the mayor"]);
    const s = scoreCarb(gold, sys);
    expect(s.f1).toBe(1);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
    expect(s.auc).toBe(1);
  });

  it("gives recall 0 and F1 0 for an empty output", () => {
    const gold = tsv([S2, "is the capital of", "Paris", "France"]);
    const s = scoreCarb(gold, "");
    expect(s.recall).toBe(0);
    expect(s.f1).toBe(0);
    expect(s.auc).toBe(0);
    expect(s.threshold).toBeNull();
  });

  it("counts gold sentences without predictions against recall, and ignores predictions for unknown sentences", () => {
    const gold = tsv([S2, "is the capital of", "Paris", "France"], [S, "is", "John Smith", "the mayor"]);
    const sys = tsv([S2, "0.9", "is the capital of", "Paris", "France"], ["An unknown sentence .", "0.9", "is", "x", "y"]);
    const s = scoreCarb(gold, sys);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.unknownSystemSentences).toBe(1);
  });

  it("matches sentences ignoring spaces and punctuation, with PTB brackets undone", () => {
    expect(normalizeSentenceKey(S)).toBe(normalizeSentenceKey("John Smith, the mayor, said it would rain (heavily)."));
    const gold = tsv([S, "said", "John Smith", "it would rain"]);
    const sys = tsv(["John Smith, the mayor, said it would rain (heavily).", "0.5", "said", "John Smith", "it would rain"]);
    expect(scoreCarb(gold, sys).f1).toBe(1);
  });

  it("lets a predicted `be` match one form of be in the gold relation", () => {
    const gold = { pred: "is", args: ["Bush", "President"] };
    expect(binaryLenientTupleMatch(gold, { pred: "be", args: ["Bush", "President"] })).toEqual([1, 1]);
    // no rule for other forms: `was` does not match `is`, and a relation miss scores (0, 0)
    expect(binaryLenientTupleMatch(gold, { pred: "was", args: ["Bush", "President"] })).toEqual([0, 0]);
    // `be` counts once: "be be" against "is": 3 of 4 predicted tokens, all 3 gold tokens
    expect(binaryLenientTupleMatch(gold, { pred: "be be", args: ["Bush", "President"] })).toEqual([0.75, 1]);
    // and goes through the whole scorer
    const s = scoreCarb(tsv([S2, "is", "Paris", "the capital of France"]), tsv([S2, "1", "be", "Paris", "the capital of France"]));
    expect(s.f1).toBe(1);
  });

  it("tries said-type extractions with their arguments swapped", () => {
    const gold = { pred: "said", args: ["John Smith", "it would rain"] };
    const swapped = { pred: "said", args: ["it would rain", "John Smith"] };
    expect(binaryLenientTupleMatch(gold, swapped)).toEqual([1, 1]);
    // not for other relations: swapped, each argument matches nothing
    const other = { pred: "thought", args: ["John Smith", "it would rain"] };
    const otherSwapped = { pred: "thought", args: ["it would rain", "John Smith"] };
    expect(binaryLenientTupleMatch(other, otherSwapped)).toEqual([1 / 6, 1 / 6]);
  });

  it("cuts tuples to two arguments and scores partial token overlap", () => {
    const gold = { pred: "made", args: ["President Bush", "an offer", "earlier this year"] };
    // ex: arg2 = "an offer earlier this year" after the cut, identical token bags
    expect(binaryLenientTupleMatch(gold, { pred: "made", args: ["President Bush", "an offer earlier", "this year"] })).toEqual([1, 1]);
    // a missing second argument is no match at all
    expect(binaryLenientTupleMatch(gold, { pred: "made", args: ["President Bush"] })).toEqual([0, 0]);
    // relation "has made" against "made": precision 1 - 1/9, recall 1
    const [p, r] = binaryLenientTupleMatch(gold, { pred: "has made", args: ["President Bush", "an offer earlier this year"] });
    expect(p).toBeCloseTo(8 / 9, 12);
    expect(r).toBe(1);
  });

  it("takes the best F1 over confidence thresholds and adds (0, 1) for the AUC", () => {
    const gold = tsv([S2, "is the capital of", "Paris", "France"]);
    // a right extraction at 0.9 and a wrong one at 0.2: best at threshold 0.9
    const sys = tsv([S2, "0.9", "is the capital of", "Paris", "France"], [S2, "0.2", "is", "France", "a country"]);
    const s = scoreCarb(gold, sys);
    expect(s.threshold).toBe(0.9);
    expect(s.f1).toBe(1);
    expect(s.curve.map((c) => [c.threshold, c.precision, c.recall])).toEqual([
      [0.2, 0.5, 1],
      [0.9, 1, 1],
    ]);
    // points (1, 0.5), (1, 1), (0, 1): the area is 1
    expect(s.auc).toBe(1);
    // with one constant confidence the curve has a single point
    const flat = scoreCarb(gold, sys.replace("0.9", "0.5").replace("0.2", "0.5"));
    expect(flat.curve).toHaveLength(1);
    expect(flat.f1).toBeCloseTo(2 / 3, 12);
    expect(flat.auc).toBeCloseTo(0.75, 12);
  });

  it("rejects malformed system lines loudly", () => {
    const gold = tsv([S2, "is", "Paris", "France"]);
    expect(() => scoreCarb(gold, `${S2}\tnot-a-number\tis\tParis\tFrance\n`)).toThrow(/line 1.*confidence/);
    expect(() => scoreCarb(gold, `${S2}\t0.5\n`)).toThrow(/line 1/);
  });
});
