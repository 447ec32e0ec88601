/**
 * CaRB scorer (Bhardwaj, Aggarwal & Mausam, EMNLP 2019), a faithful
 * TypeScript reimplementation of the official scorer's default mode
 * (`carb.py` + `Matcher.binary_linient_tuple_match` in dair-iitd/CaRB),
 * without `--binary`.
 *
 * Gold:   sentence \t relation \t arg1 \t arg2 [\t arg3 …]
 * System: sentence \t confidence \t relation \t arg1 \t arg2 [\t …]
 *
 * Deliberate departures from the Python, both on degenerate input only:
 * - where precision and recall are both 0 at a threshold the official code
 *   computes 0/0 in numpy (NaN, which then wins argmax); here F1 is 0;
 * - malformed lines (too few fields, a confidence that is not a number) make
 *   the Python crash; here they throw an Error naming the line.
 */

export interface CarbScore {
  /** Best F1 over all confidence thresholds. */
  f1: number;
  /** Precision and recall at that threshold. */
  precision: number;
  recall: number;
  /** Area under the precision–recall curve, with (recall 0, precision 1) added. */
  auc: number;
  /** The confidence threshold at which the best F1 is reached (null without predictions). */
  threshold: number | null;
  /** Gold sentences and tuples. */
  goldSentences: number;
  goldTuples: number;
  /** System tuples read, and how many sentences of them the gold does not know (those are ignored). */
  systemTuples: number;
  unknownSystemSentences: number;
  /** The curve, by ascending confidence threshold. */
  curve: { threshold: number; precision: number; recall: number }[];
}

interface Extraction {
  pred: string;
  args: string[];
  confidence: number;
}

type Pair = [number, number];

// ---------------------------------------------------------------- reading

/** Python's `str.split()` with no argument. */
function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

function lines(tsv: string): string[] {
  return tsv.split(/\r?\n/);
}

const PTB_ESCAPES: [string, string][] = [
  ["(", "-LRB-"],
  [")", "-RRB-"],
  ["[", "-LSB-"],
  ["]", "-RSB-"],
  ["{", "-LCB-"],
  ["}", "-RCB-"],
];

/** Python's `string.punctuation`. */
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** `Benchmark.normalizeKey`: drop spaces, undo PTB bracket escapes, drop ASCII punctuation. */
export function normalizeSentenceKey(k: string): string {
  let s = k.replaceAll(" ", "");
  for (const [u, e] of PTB_ESCAPES) s = s.replaceAll(e, u);
  return s.replace(PUNCT, "");
}

/** Raw sentence → extractions, in order of first appearance (like a Python dict). */
function readGold(tsv: string): Map<string, Extraction[]> {
  const d = new Map<string, Extraction[]>();
  lines(tsv).forEach((line, n) => {
    if (!line.trim()) return;
    const data = line.trim().split("\t");
    if (data.length < 2) throw new Error(`CaRB gold line ${n + 1}: expected sentence \\t relation \\t args…, got ${JSON.stringify(line.slice(0, 80))}`);
    const text = data[0]!.trim();
    const ex: Extraction = { pred: data[1]!.trim(), args: data.slice(2).map((a) => a.trim()), confidence: 1 };
    const list = d.get(text);
    if (list) list.push(ex);
    else d.set(text, [ex]);
  });
  return d;
}

function readSystem(tsv: string): { d: Map<string, Extraction[]>; count: number } {
  const d = new Map<string, Extraction[]>();
  let count = 0;
  lines(tsv).forEach((line, n) => {
    if (!line.trim()) return;
    const data = line.trim().split("\t");
    if (data.length < 3) {
      throw new Error(`CaRB system line ${n + 1}: expected sentence \\t confidence \\t relation \\t args…, got ${JSON.stringify(line.slice(0, 80))}`);
    }
    const confText = data[1]!.trim();
    const confidence = Number(confText);
    if (confText === "" || !Number.isFinite(confidence)) {
      throw new Error(`CaRB system line ${n + 1}: confidence ${JSON.stringify(data[1])} is not a finite number`);
    }
    const text = data[0]!;
    const ex: Extraction = { pred: data[2]!, args: data.slice(3), confidence };
    const list = d.get(text);
    if (list) list.push(ex);
    else d.set(text, [ex]);
    count++;
  });
  return { d, count };
}

/** `Benchmark.normalizeDict`: re-key by normalised sentence; a later sentence with the same key replaces the earlier list. */
function normalizeDict(d: Map<string, Extraction[]>): Map<string, Extraction[]> {
  const out = new Map<string, Extraction[]>();
  for (const [k, v] of d) out.set(normalizeSentenceKey(k), v);
  return out;
}

// ---------------------------------------------------------------- matching

const FORMS_OF_BE = ["be", "is", "am", "are", "was", "were", "been", "being"];
const SAID_TYPE = ["said", "told", "added", "adds", "says"];

/** Count gold tokens found among predicted tokens, each predicted token used at most once (consumes `predicted`). */
function countMatches(gold: string[], predicted: string[]): number {
  let n = 0;
  for (const w of gold) {
    const i = predicted.indexOf(w);
    if (i >= 0) {
      n++;
      predicted.splice(i, 1);
    }
  }
  return n;
}

/** `Matcher.linient_tuple_match`: [precision part, recall part]. */
function lenientTupleMatch(refPred: string, refArgs: string[], exPred: string, exArgs: string[]): Pair {
  let precNum = 0;
  let precDen = 0;
  let recNum = 0;
  let recDen = 0;

  const predictedWords = words(exPred);
  const goldWords = words(refPred);
  precDen += predictedWords.length;
  recDen += goldWords.length;

  let matching = countMatches(goldWords, predictedWords);
  // a predicted "be" matches any form of be in the gold relation (once)
  if (predictedWords.includes("be")) {
    for (const form of FORMS_OF_BE) {
      if (goldWords.includes(form)) {
        matching++;
        predictedWords.splice(predictedWords.indexOf("be"), 1);
        break;
      }
    }
  }
  if (matching === 0) return [0, 0];
  precNum += matching;
  recNum += matching;

  for (let i = 0; i < refArgs.length; i++) {
    const g = words(refArgs[i]!);
    recDen += g.length;
    if (exArgs.length <= i) {
      if (i < 2) return [0, 0];
      continue;
    }
    const p = words(exArgs[i]!);
    precDen += p.length;
    const m = countMatches(g, p);
    precNum += m;
    recNum += m;
  }
  return [precDen === 0 ? 0 : precNum / precDen, recDen === 0 ? 0 : recNum / recDen];
}

/** Python's `max(a, b)` on two-element lists: lexicographic, first wins ties. */
function maxPair(a: Pair, b: Pair): Pair {
  return b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a;
}

/** `Matcher.binary_linient_tuple_match`. */
export function binaryLenientTupleMatch(
  ref: { pred: string; args: string[] },
  ex: { pred: string; args: string[] },
): Pair {
  const rArgs = ref.args.length >= 2 ? [ref.args[0]!, ref.args.slice(1).join(" ")] : ref.args;
  const eArgs = ex.args.length >= 2 ? [ex.args[0]!, ex.args.slice(1).join(" ")] : ex.args;
  const straight = lenientTupleMatch(ref.pred, rArgs, ex.pred, eArgs);
  // substring test on the gold relation string, as in the original
  if (!SAID_TYPE.some((v) => ref.pred.includes(v))) return straight;
  const swapped = ex.args.length >= 2 ? [ex.args.slice(1).join(" "), ex.args[0]!] : ex.args;
  const reverse = lenientTupleMatch(ref.pred, rArgs, ex.pred, swapped);
  return maxPair(straight, reverse);
}

// ---------------------------------------------------------------- scoring

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** sklearn.metrics.auc: trapezoidal area; x must be monotonic (either direction). */
function sklearnAuc(x: number[], y: number[]): number {
  let direction = 1;
  let anyNeg = false;
  let allNonPos = true;
  for (let i = 1; i < x.length; i++) {
    const dx = x[i]! - x[i - 1]!;
    if (dx < 0) anyNeg = true;
    if (dx > 0) allNonPos = false;
  }
  if (anyNeg) {
    if (allNonPos) direction = -1;
    else {
      // sklearn raises here; recall over ascending thresholds cannot rise, so this is unreachable.
      throw new Error("CaRB AUC: recall is neither increasing nor decreasing over thresholds");
    }
  }
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return direction * area;
}

export function scoreCarb(goldTsv: string, systemTsv: string): CarbScore {
  const rawGold = readGold(goldTsv);
  const { d: rawPred, count: systemTuples } = readSystem(systemTsv);
  const gold = normalizeDict(rawGold);
  const predicted = normalizeDict(rawPred);

  let goldTuples = 0;
  for (const v of gold.values()) goldTuples += v.length;
  let unknownSystemSentences = 0;
  for (const k of predicted.keys()) if (!gold.has(k)) unknownSystemSentences++;

  // every distinct confidence of the (normalised) output is a threshold
  const confSet = new Set<number>();
  for (const exs of predicted.values()) for (const e of exs) confSet.add(e.confidence);
  const thresholds = [...confSet].sort((a, b) => a - b);
  const thresholdIndex = new Map<number, number>(thresholds.map((c, i) => [c, i]));
  const n = thresholds.length;

  const p = new Float64Array(n);
  const pl = new Float64Array(n);
  const r = new Float64Array(n);
  const rl = new Float64Array(n);

  for (const [sent, goldExs] of gold) {
    const predExs = predicted.get(sent) ?? [];
    const scores: Pair[][] = goldExs.map((g) => predExs.map((e) => binaryLenientTupleMatch(g, e)));

    const sentConfs = predExs.map((e) => e.confidence).sort((a, b) => a - b);
    let prevC = 0;
    for (const conf of sentConfs) {
      const c = thresholdIndex.get(conf)!;
      if (c + 1 <= prevC) continue; // a repeated confidence: the Python's slice is empty
      const extIndices: number[] = [];
      predExs.forEach((e, j) => {
        if (e.confidence >= conf) extIndices.push(j);
      });

      let recallNumerator = 0;
      for (const row of scores) {
        let best = 0;
        let first = true;
        for (const j of extIndices) {
          const v = row[j]![1];
          if (first || v > best) best = v;
          first = false;
        }
        recallNumerator += best;
      }

      // greedy one-to-one matching on the precision part
      let precisionNumerator = 0;
      const usedRows = new Set<number>();
      const usedCols = new Set<number>();
      const matches = Math.min(scores.length, extIndices.length);
      for (let t = 0; t < matches; t++) {
        let mRow = -1;
        let mCol = -1;
        let mPrec = -1;
        for (let i = 0; i < scores.length; i++) {
          if (usedRows.has(i)) continue;
          for (const j of extIndices) {
            if (usedCols.has(j)) continue;
            const v = scores[i]![j]![0];
            if (v > mPrec) {
              mPrec = v;
              mRow = i;
              mCol = j;
            }
          }
        }
        usedRows.add(mRow);
        usedCols.add(mCol);
        precisionNumerator += scores[mRow]![mCol]![0];
      }

      for (let k = prevC; k <= c; k++) {
        p[k]! += precisionNumerator;
        pl[k]! += extIndices.length;
        r[k]! += recallNumerator;
        rl[k]! += scores.length;
      }
      prevC = c + 1;
    }
    // above the sentence's highest confidence, only its gold count goes into the recall denominator
    for (let k = prevC; k < n; k++) rl[k]! += scores.length;
  }

  const prec: number[] = [];
  const rec: number[] = [];
  for (let k = 0; k < n; k++) {
    prec.push(pl[k]! > 0 ? p[k]! / pl[k]! : 1);
    rec.push(rl[k]! > 0 ? r[k]! / rl[k]! : 0);
  }
  const curve = thresholds.map((t, k) => ({ threshold: t, precision: prec[k]!, recall: rec[k]! }));
  const base = { goldSentences: gold.size, goldTuples, systemTuples, unknownSystemSentences, curve };

  if (n === 0) return { f1: 0, precision: 0, recall: 0, auc: 0, threshold: null, ...base };

  let best = 0;
  let bestF1 = f1(prec[0]!, rec[0]!);
  for (let k = 1; k < n; k++) {
    const v = f1(prec[k]!, rec[k]!);
    if (v > bestF1) {
      bestF1 = v;
      best = k;
    }
  }
  const auc = sklearnAuc([...rec, 0], [...prec, 1]);
  return { f1: bestF1, precision: prec[best]!, recall: rec[best]!, auc, threshold: thresholds[best]!, ...base };
}
