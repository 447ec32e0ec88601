/**
 * `pnpm fit:confidence`: fits the triple confidence (packages/extract/src/triples/confidence.ts)
 * on the hand-labelled triples of gold/triples/labels.jsonl, and writes its weights, the default
 * threshold of `kg build` and the reliability table to confidence.json.
 *
 * A label names its triple by the sentence's offset, the two mentions' offsets and the predicate;
 * the labelled articles are extracted again and the triples that still exist are matched. The
 * target is "correct" (a researcher accepts it as stated). L2-regularised logistic regression,
 * full-batch gradient descent, deterministic. The reliability table and the threshold come from
 * five-fold cross-validation: every score in them is of a model that did not see that label.
 *
 *   tsx scripts/triples/fit-confidence.ts [--dry]
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readNewsArticle, repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { extractArticle } from "../../packages/extract/src/extract.ts";
import { features } from "../../packages/extract/src/triples/confidence.ts";

interface Label {
  article: string;
  start: number;
  subject: [number, number];
  predicate: string;
  object: [number, number];
  polarity: string;
  modality: string;
  label: "correct" | "partial" | "wrong";
}

const LAMBDA = 1;
const STEPS = 3000;
const TARGET_PRECISION = 0.8;
const FOLDS = 5;

const labels = readFileSync(join(repoRoot(), "gold", "triples", "labels.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Label);
/** A label judges a triple as it was put: a triple whose predicate, mentions or mode changed since is not the one judged. */
const keyOf = (start: number, s: [number, number] | number[], p: string, o: [number, number] | number[], polarity: string, modality: string) => `${start}|${s[0]}-${s[1]}|${p}|${o[0]}-${o[1]}|${polarity}|${modality}`;

// ---- the labelled triples, extracted again ----
const samples: { x: Map<string, number>; y: number; label: Label["label"]; fold: number }[] = [];
const byArticle = new Map<string, Label[]>();
for (const l of labels) byArticle.set(l.article, [...(byArticle.get(l.article) ?? []), l]);
let unmatched = 0;
for (const [ref, list] of [...byArticle].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const text = readNewsArticle(ref);
  const x = extractArticle({ id: ref, text }, { cues: true });
  const index = new Map(x.triples.map((t, k) => [keyOf(t.evidence.start, [t.evidence.subject!.start, t.evidence.subject!.end], t.predicate, [t.evidence.object!.start, t.evidence.object!.end], t.polarity!, t.modality!), k]));
  for (const l of list) {
    const key = keyOf(l.start, l.subject, l.predicate, l.object, l.polarity, l.modality);
    const k = index.get(key);
    if (k === undefined) {
      unmatched++;
      continue;
    }
    const fold = createHash("sha1").update(`${ref}|${key}`).digest().readUInt32BE(0) % FOLDS;
    samples.push({ x: features(x.cues![k]!), y: l.label === "correct" ? 1 : 0, label: l.label, fold });
  }
}
console.error(`${labels.length} labels, ${samples.length} triples matched (${unmatched} no longer extracted as labelled)`);

// ---- logistic regression ----
const names = [...new Set(samples.flatMap((s) => [...s.x.keys()]))].sort();
const col = new Map(names.map((n, k) => [n, k]));
const dense = (x: Map<string, number>) => {
  const v = new Float64Array(names.length);
  for (const [n, value] of x) v[col.get(n)!] = value;
  return v;
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function fit(rows: { v: Float64Array; y: number }[]): Float64Array {
  const w = new Float64Array(names.length);
  const bias = col.get("bias")!;
  const rate = 0.5;
  for (let step = 0; step < STEPS; step++) {
    const g = new Float64Array(names.length);
    for (const { v, y } of rows) {
      let z = 0;
      for (let j = 0; j < v.length; j++) z += w[j]! * v[j]!;
      const d = sigmoid(z) - y;
      for (let j = 0; j < v.length; j++) g[j]! += d * v[j]!;
    }
    for (let j = 0; j < w.length; j++) w[j]! -= (rate * (g[j]! + (j === bias ? 0 : LAMBDA * w[j]!))) / rows.length;
  }
  return w;
}
const predict = (w: Float64Array, v: Float64Array) => {
  let z = 0;
  for (let j = 0; j < v.length; j++) z += w[j]! * v[j]!;
  return sigmoid(z);
};

const rows = samples.map((s) => ({ v: dense(s.x), y: s.y }));
// out-of-fold predictions
const oof = new Float64Array(samples.length);
for (let f = 0; f < FOLDS; f++) {
  const w = fit(rows.filter((_, k) => samples[k]!.fold !== f));
  samples.forEach((s, k) => {
    if (s.fold === f) oof[k] = predict(w, rows[k]!.v);
  });
}

// ---- reliability and the threshold, from the out-of-fold scores ----
const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
const reliability = bins.slice(0, -1).map((lo, b) => {
  const inBin = samples.map((s, k) => ({ s, p: oof[k]! })).filter(({ p }) => p >= lo && p < bins[b + 1]!);
  const share = (pred: (l: Label["label"]) => boolean) => (inBin.length ? inBin.filter(({ s }) => pred(s.label)).length / inBin.length : 0);
  return {
    scores: `${lo.toFixed(1)}-${Math.min(1, bins[b + 1]!).toFixed(1)}`,
    triples: inBin.length,
    meanScore: inBin.length ? Math.round((100 * inBin.reduce((a, { p }) => a + p, 0)) / inBin.length) / 100 : 0,
    correct: Math.round(100 * share((l) => l === "correct")) / 100,
    correctOrPartial: Math.round(100 * share((l) => l !== "wrong")) / 100,
  };
});
let threshold = 0.5;
for (let t = 0.3; t <= 0.9; t += 0.01) {
  const kept = samples.filter((_, k) => oof[k]! >= t);
  if (kept.length >= 20 && kept.filter((s) => s.label === "correct").length / kept.length >= TARGET_PRECISION) {
    threshold = Math.round(t * 100) / 100;
    break;
  }
}
const kept = samples.filter((_, k) => oof[k]! >= threshold);
const atThreshold = {
  threshold,
  kept: kept.length,
  of: samples.length,
  correct: Math.round((100 * kept.filter((s) => s.label === "correct").length) / Math.max(1, kept.length)) / 100,
  correctOrPartial: Math.round((100 * kept.filter((s) => s.label !== "wrong").length) / Math.max(1, kept.length)) / 100,
};
const all = {
  correct: Math.round((100 * samples.filter((s) => s.label === "correct").length) / samples.length) / 100,
  correctOrPartial: Math.round((100 * samples.filter((s) => s.label !== "wrong").length) / samples.length) / 100,
};

const w = fit(rows);
const weights: Record<string, number> = {};
names.forEach((n, k) => {
  if (Math.abs(w[k]!) >= 0.005) weights[n] = Math.round(w[k]! * 1000) / 1000;
});
const out = {
  $comment: "Weights of the triple confidence (triples/confidence.ts), fitted by pnpm fit:confidence on gold/triples/labels.jsonl. reliability and atThreshold are five-fold cross-validated.",
  fittedOn: `${samples.length} hand-labelled BBC triples (${labels.length} labels, ${unmatched} no longer extracted as labelled)`,
  threshold,
  all,
  atThreshold,
  reliability,
  weights,
};
console.log(JSON.stringify({ all, atThreshold, reliability }, null, 1));
if (!process.argv.includes("--dry")) writeFileSync(join(repoRoot(), "packages", "extract", "src", "triples", "confidence.json"), JSON.stringify(out, null, 1) + "\n");
