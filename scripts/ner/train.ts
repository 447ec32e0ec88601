/**
 * `pnpm train:ner`: builds the entity model shipped in packages/extract/models/ner/
 * from the raw news in ../shared, reproducibly (fixed seed, fixed order).
 *
 *   1. label the corpus with two CoreNLP CRF models, the teachers (scripts/ner/label.ts; cached in .cache/ner/)
 *   2. read it as the extractor does, combine the teachers' spans and correct them where our
 *      rules know better (scripts/ner/corrections.ts), as BILOU labels
 *   3. learn word clusters from the training split (scripts/ner/clusters.ts)
 *   4. collect the names the teacher found, by class (in five folds, so a sentence's
 *      own labels never feed its name features)
 *   5. train the averaged perceptron, watching the dev split
 *   6. write the weights, clusters and names
 *
 *   tsx scripts/ner/train.ts [--epochs N] [--seed S] [--limit DOCS]
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { contextFeatures, documentContext, rememberSpans, sentenceView, wordFeatures, POSITIONS, positionIndex, WINDOW, type DocumentContext, type ModelLexicons } from "../../packages/extract/src/entities/model/features.ts";
import { LABEL_COUNT, LABELS, labelsToSpans, spansToLabels } from "../../packages/extract/src/entities/model/labels.ts";
import { MODEL_DIR, typeMargin, viterbi, type ModelMeta } from "../../packages/extract/src/entities/model/model.ts";
import { CLASS_COUNTS, exchange, vocabulary } from "./clusters.ts";
import { corpusDocs, type Split } from "./corpus.ts";
import { combineTeachers, corpusBands, corpusNames, corpusSurnames, corpusTeams, correctDocument, type TeacherSentence } from "./corrections.ts";
import { documentSentences, readTeacher, wordSpans, type Sentence } from "./data.ts";
import { labelCorpus, teacherFile } from "./label.ts";
import { DatasetBuilder, decode, emissionsOf, sentenceCount, train, type Dataset, type Weights } from "./perceptron.ts";

const L = LABEL_COUNT;
const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};
const EPOCHS = arg("--epochs", 8);
const SEED = arg("--seed", 20261207);
const LIMIT = arg("--limit", Infinity);
const FOLDS = 5;
const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

interface LabelledSentence extends Sentence {
  split: Split;
  fold: number;
  labels: Uint8Array;
  /** The article's context, shared by its sentences; its history fills as they are featurised in order. */
  context: DocumentContext;
}

function fold(doc: string): number {
  return createHash("sha1").update(doc).digest().readUInt32BE(4) % FOLDS;
}

// ---- 1, 2: the corpus, read and labelled ----
await labelCorpus(["conll4", "all3"], false);
const conll4 = readTeacher(teacherFile("conll4"));
const all3 = readTeacher(teacherFile("all3"));
const sentences: LabelledSentence[] = [];
/** Every sentence of the training split, labelled or not: what the clusters learn from. */
const rawTrain: string[][] = [];
let unusable = 0;
let docs = 0;
const read: { id: string; split: Split; context: DocumentContext; sentences: (TeacherSentence & Sentence)[] }[] = [];
for (const doc of corpusDocs()) {
  if (docs++ >= LIMIT) break;
  const spans = combineTeachers(conll4.get(doc.id) ?? [], all3.get(doc.id) ?? []);
  const teacherDoc: (TeacherSentence & Sentence)[] = [];
  const docSentences = documentSentences(doc.id, doc.text);
  const context = documentContext(docSentences.map((s) => s.words));
  for (const s of docSentences) {
    if (doc.split === "train") rawTrain.push(s.words.map((w) => w.text));
    const ws = wordSpans(s.words, spans);
    if (!ws) unusable++;
    else teacherDoc.push({ ...s, spans: ws });
  }
  read.push({ id: doc.id, split: doc.split, context, sentences: teacherDoc });
}
// clubs and national sides, as the training split shows them; then every document's labels corrected
const trainDocs = read.filter((d) => d.split === "train");
const surnames = corpusSurnames(trainDocs);
const teams = corpusTeams(trainDocs, surnames);
const names = corpusNames(trainDocs);
const bands = corpusBands(trainDocs);
log(`${teams.size} team names found in sports reports, ${surnames.size} surnames, ${names.size} sure names, ${bands.size} bands`);
for (const d of read) {
  correctDocument(d.id, d.sentences, { surnames, teams, names, bands });
  for (const s of d.sentences) sentences.push({ doc: s.doc, words: s.words, rules: s.rules, split: d.split, fold: fold(d.id), labels: spansToLabels(s.words.length, s.spans), context: d.context });
}
read.length = 0;
const words = sentences.reduce((n, s) => n + s.words.length, 0);
log(`${docs} documents, ${sentences.length} sentences, ${words} words; ${unusable} sentences left out (teacher span inside a word)`);
const trainSet = sentences.filter((s) => s.split === "train");
const devSet = sentences.filter((s) => s.split === "dev");

// ---- 3: clusters ----
const corpusHash = createHash("sha1").update(rawTrain.map((s) => s.join(" ")).join("\n")).digest("hex").slice(0, 12);
const clusterFile = join(repoRoot(), ".cache", "ner", `clusters-${CLASS_COUNTS.join("-")}-${corpusHash}.tsv`);
let clusterLines: string[];
if (existsSync(clusterFile)) clusterLines = readFileSync(clusterFile, "utf8").split("\n").filter(Boolean);
else {
  log("learning word clusters…");
  const vocab = vocabulary(rawTrain);
  const classes = CLASS_COUNTS.map((C) => exchange(vocab, C, log));
  clusterLines = [];
  for (let w = 2; w < vocab.words.length; w++) clusterLines.push([vocab.words[w], ...classes.map((c, k) => `${"abc"[k]}${c[w]}`)].join("\t"));
  mkdirSync(join(repoRoot(), ".cache", "ner"), { recursive: true });
  writeFileSync(clusterFile, clusterLines.join("\n") + "\n");
}
const clusters = new Map<string, string[]>();
for (const line of clusterLines) {
  const [w, ...ids] = line.split("\t");
  clusters.set(w!, ids);
}
log(`${clusters.size} words clustered`);

// ---- 4: names the teacher found ----
type Counts = Map<string, Map<string, number>>;
function countNames(from: LabelledSentence[]): Counts {
  const counts: Counts = new Map();
  for (const s of from) {
    for (const span of labelsToSpans(s.labels)) {
      const key = s.words.slice(span.first, span.last).map((w) => w.lower).join(" ");
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(span.cls, (m.get(span.cls) ?? 0) + 1);
    }
  }
  return counts;
}
function nameTable(counts: Counts): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, m] of counts) {
    let total = 0;
    let best = "";
    let bestN = 0;
    for (const [cls, n] of m) {
      total += n;
      if (n > bestN) (best = cls), (bestN = n);
    }
    if (total < 2) continue;
    out.set(key, bestN / total >= 0.7 ? best : "MIX");
  }
  return out;
}
const allNames = nameTable(countNames(trainSet));
const foldNames = Array.from({ length: FOLDS }, (_, k) => nameTable(countNames(trainSet.filter((s) => s.fold !== k))));
log(`${allNames.size} names`);

// ---- 5: features and training ----
const dict = new Map<string, number>();
const featureNames: string[] = [];
const idOf = (f: string): number => {
  let id = dict.get(f);
  if (id === undefined) dict.set(f, (id = featureNames.push(f) - 1));
  return id;
};
const wordCache = new Map<string, number[][]>();
function wordIds(text: string): number[][] {
  let ids = wordCache.get(text);
  if (!ids) {
    ids = POSITIONS.map((p) => wordFeatures(text, p, lexFor(-1)).map((f) => idOf(f)));
    wordCache.set(text, ids);
  }
  return ids;
}
function lexFor(k: number): ModelLexicons {
  return { clusters, names: k < 0 ? allNames : foldNames[k]! };
}
/** Feature ids of a sentence's words; then the sentence's labels join its document's history. */
function featurise(s: LabelledSentence, lex: ModelLexicons, grow: boolean): number[][] {
  const view = sentenceView(s.words, lex, s.rules);
  const out: number[][] = [];
  for (let i = 0; i < s.words.length; i++) {
    const ids: number[] = [];
    for (const f of contextFeatures(view, i, s.context)) {
      const id = grow ? idOf(f) : dict.get(f);
      if (id !== undefined) ids.push(id);
    }
    for (const d of WINDOW) {
      const j = i + d;
      if (j < 0 || j >= s.words.length) continue;
      if (grow) for (const id of wordIds(s.words[j]!.text)[positionIndex(d)]!) ids.push(id);
      else for (const f of wordFeatures(s.words[j]!.text, POSITIONS[positionIndex(d)]!, lex)) {
        const id = dict.get(f);
        if (id !== undefined) ids.push(id);
      }
    }
    out.push(ids);
  }
  rememberSpans(s.context, s.words, labelsToSpans(s.labels));
  return out;
}

log("features…");
const trainFeats = trainSet.map((s) => featurise(s, lexFor(s.fold), true));
// word-feature ids were counted once per word type; count their uses instead
// (a feature seen once in the whole corpus is noise the model need not carry)
const uses = new Int32Array(featureNames.length);
for (const sent of trainFeats) for (const ids of sent) for (const id of ids) uses[id]!++;
const keep = new Int32Array(featureNames.length).fill(-1);
const kept: string[] = [];
for (let id = 0; id < featureNames.length; id++) if (uses[id]! >= 2) keep[id] = kept.push(featureNames[id]!) - 1;
log(`${featureNames.length} features, ${kept.length} used twice or more`);
const builder = new DatasetBuilder();
trainSet.forEach((s, k) => builder.addSentence(trainFeats[k]!.map((ids) => ids.map((id) => keep[id]!)), s.labels));
trainFeats.length = 0;
const data = builder.build();
dict.clear();
kept.forEach((f, k) => dict.set(f, k));
const devBuilder = new DatasetBuilder();
for (const s of devSet) devBuilder.addSentence(featurise(s, lexFor(-1), false), s.labels);
const dev = devBuilder.build();

function score(d: Dataset, w: Weights): string {
  const by = new Map<string, { g: number; p: number; c: number }>();
  const get = (c: string) => by.get(c) ?? (by.set(c, { g: 0, p: 0, c: 0 }), by.get(c)!);
  for (let s = 0; s < sentenceCount(d); s++) {
    const pred = decode(d, s, w);
    const gold = d.gold.subarray(d.sentStart[s]!, d.sentStart[s + 1]!);
    const g = labelsToSpans(gold);
    const p = labelsToSpans(pred);
    const key = (x: { first: number; last: number; cls: string }) => `${x.first},${x.last},${x.cls}`;
    const gs = new Set(g.map(key));
    for (const x of g) get(x.cls).g++;
    for (const x of p) {
      get(x.cls).p++;
      if (gs.has(key(x))) get(x.cls).c++;
    }
  }
  const f1 = (x: { g: number; p: number; c: number }) => (2 * x.c) / Math.max(1, x.g + x.p);
  const head = ["PER", "ORG", "LOC"].map(get).reduce((a, b) => ({ g: a.g + b.g, p: a.p + b.p, c: a.c + b.c }));
  return `PER/ORG/LOC F1 ${(100 * f1(head)).toFixed(1)}; ` + ["PER", "ORG", "LOC", "MISC"].map((c) => `${c} ${(100 * f1(get(c))).toFixed(1)}`).join(", ");
}

log(`training: ${sentenceCount(data)} sentences, ${EPOCHS} epochs, seed ${SEED}`);
const weights = train(data, kept.length, {
  epochs: EPOCHS,
  seed: SEED,
  onEpoch: (epoch, avg, mistakes) => log(`epoch ${epoch}: ${mistakes} sentences wrong; dev vs teacher: ${score(dev, avg)}`),
});

// ---- 6: write the model ----
const rows: number[] = [];
let maxAbs = 0;
for (let f = 0; f < kept.length; f++) {
  let any = false;
  for (let y = 0; y < L; y++) {
    const v = Math.abs(weights.emit[f * L + y]!);
    if (v >= 0.01) any = true;
    if (v > maxAbs) maxAbs = v;
  }
  if (any) rows.push(f);
}
const scale = maxAbs / 32767;
const rowStart = new Uint32Array(rows.length + 1);
const labels: number[] = [];
const quant: number[] = [];
rows.forEach((f, r) => {
  for (let y = 0; y < L; y++) {
    const q = Math.round(weights.emit[f * L + y]! / scale);
    if (q !== 0) labels.push(y), quant.push(q);
  }
  rowStart[r + 1] = labels.length;
});
const pad = (n: number, to: number) => Buffer.alloc((to - (n % to)) % to);
const parts: Buffer[] = [Buffer.from(rowStart.buffer), Buffer.from(Uint8Array.from(labels).buffer)];
let size = parts[0]!.length + parts[1]!.length;
parts.push(pad(size, 2));
size += parts[2]!.length;
parts.push(Buffer.from(Int16Array.from(quant).buffer));
size += quant.length * 2;
parts.push(pad(size, 4));
parts.push(Buffer.from(Float32Array.from(weights.trans).buffer));
mkdirSync(MODEL_DIR, { recursive: true });
writeFileSync(join(MODEL_DIR, "weights.bin.gz"), gzipSync(Buffer.concat(parts), { level: 9 }));
writeFileSync(join(MODEL_DIR, "features.txt.gz"), gzipSync(rows.map((f) => kept[f]).join("\n") + "\n", { level: 9 }));
writeFileSync(join(MODEL_DIR, "clusters.tsv.gz"), gzipSync(clusterLines.join("\n") + "\n", { level: 9 }));
writeFileSync(join(MODEL_DIR, "names.tsv.gz"), gzipSync([...allNames].map(([k, v]) => `${k}\t${v}`).sort().join("\n") + "\n", { level: 9 }));
// ---- the type confidence: the scale that makes sigmoid(margin / scale) the chance the class is
// right, on dev spans whose boundaries the teacher agrees with
const margins: [number, boolean][] = [];
for (let k = 0; k < sentenceCount(dev); k++) {
  const emit = emissionsOf(dev, k, weights);
  const n = dev.sentStart[k + 1]! - dev.sentStart[k]!;
  const labels = viterbi(emit, n, weights.trans);
  const gold = new Map(labelsToSpans(dev.gold.subarray(dev.sentStart[k]!, dev.sentStart[k + 1]!)).map((g) => [`${g.first}:${g.last}`, g.cls]));
  for (const s of labelsToSpans(labels)) {
    const g = gold.get(`${s.first}:${s.last}`);
    if (g) margins.push([typeMargin(emit, labels, s, weights.trans), g === s.cls]);
  }
}
let confidenceScale = 60;
let bestLoss = Infinity;
for (let scale = 5; scale <= 300; scale += 5) {
  let loss = 0;
  for (const [m, right] of margins) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, 1 / (1 + Math.exp(-m / scale))));
    loss -= Math.log(right ? p : 1 - p);
  }
  if (loss < bestLoss) (bestLoss = loss), (confidenceScale = scale);
}
log(`type confidence scale ${confidenceScale} (fitted on ${margins.length} dev spans)`);

const meta: ModelMeta = {
  version: createHash("sha256").update(Buffer.concat(parts)).digest("hex").slice(0, 12),
  labels: [...LABELS],
  features: rows.length,
  scale,
  confidenceScale,
  trainedOn: `CoreNLP 4.5.10 labels (english.all.3class.distsim names, english.conll.4class.distsim MISC, corrected by scripts/ner/corrections.ts) on ${trainSet.length} sentences (${trainSet.reduce((n, s) => n + s.words.length, 0)} words) of BBC and Reuters-21578 news, gold articles excluded; ${EPOCHS} epochs, seed ${SEED}`,
};
writeFileSync(join(MODEL_DIR, "meta.json"), JSON.stringify(meta, null, 1) + "\n");
log(`wrote ${MODEL_DIR}: ${rows.length} feature rows, ${labels.length} weights; dev vs teacher: ${score(dev, weights)}`);
