/**
 * The trained entity model: a linear sequence model over BILOU tags
 * (averaged structured perceptron, first-order Viterbi decoding), trained by
 * `pnpm train:ner` on news labelled by a teacher (see scripts/ner/). This file
 * loads the weights and tags sentences; it never learns.
 *
 * Speed: most features describe one word at one relative position, so the
 * summed scores of a word's features are cached per word (`wordScores`); a
 * word then costs five cached vectors plus its dozen context features.
 */
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { CONTEXT_TEMPLATES, documentFeatures, NAME_FEATURE, rememberSpans, sentenceFlags, shortShape, wordFeatureBases, wordFlags, POSITIONS, positionIndex, WINDOW, type DocumentContext, type FeatureWord, type ModelLexicons, type SlotKind } from "./features.ts";
import { allowedEnd, allowedTransition, ENTITY_CLASSES, labelsToSpans, LABEL_COUNT, LABELS, type ClassSpan } from "./labels.ts";

export interface ModelMeta {
  version: string;
  labels: string[];
  features: number;
  /** Weights are stored as int16 times this scale. */
  scale: number;
  /** Score lead that one unit of logit stands for in a span's type confidence, fitted on held-out text. */
  confidenceScale: number;
  trainedOn: string;
}

/** Weights in compressed-row form: row r's entries are labels[rowStart[r]..rowStart[r+1]), with weights beside. */
export interface EntityModel {
  meta: ModelMeta;
  index: Map<string, number>;
  rowStart: Uint32Array;
  rowLabels: Uint8Array;
  rowWeights: Float32Array;
  /** (L + 1) x L: row 0 from the sentence start, row 1 + p from label p. */
  transitions: Float32Array;
  lexicons: ModelLexicons;
}

export const MODEL_DIR = fileURLToPath(new URL("../../../models/ner/", import.meta.url));

const gz = (file: string) => gunzipSync(readFileSync(join(MODEL_DIR, file)));
const lines = (buf: Buffer) => {
  const text = buf.toString("utf8");
  const out = text.split("\n");
  if (out[out.length - 1] === "") out.pop();
  return out;
};

export function readLexicons(clusters: string[], names: string[]): ModelLexicons {
  const c = new Map<string, string[]>();
  for (const line of clusters) {
    const [word, ...ids] = line.split("\t");
    c.set(word!, ids);
  }
  const n = new Map<string, string>();
  for (const line of names) {
    const tab = line.lastIndexOf("\t");
    n.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return { clusters: c, names: n };
}

let loaded: EntityModel | undefined;

/** The shipped model, loaded once a process (about 0.3 s). */
export function entityModel(): EntityModel {
  if (loaded) return loaded;
  const meta = JSON.parse(readFileSync(join(MODEL_DIR, "meta.json"), "utf8")) as ModelMeta;
  if (meta.labels.join(" ") !== LABELS.join(" ")) throw new Error(`entity model in ${MODEL_DIR}: its labels differ from this code's; retrain with pnpm train:ner`);
  const features = lines(gz("features.txt.gz"));
  const index = new Map<string, number>();
  for (let k = 0; k < features.length; k++) index.set(features[k]!, k);
  const weights = gz("weights.bin.gz");
  // layout: rowStart (rows + 1, uint32), entries (uint32 count), labels (uint8), weights (int16), transitions (float32)
  let at = 0;
  const rows = features.length;
  const rowStart = new Uint32Array(weights.buffer.slice(weights.byteOffset + at, weights.byteOffset + at + 4 * (rows + 1)));
  at += 4 * (rows + 1);
  const entries = rowStart[rows]!;
  const rowLabels = new Uint8Array(weights.buffer.slice(weights.byteOffset + at, weights.byteOffset + at + entries));
  at += entries;
  at += at % 2;
  const quantised = new Int16Array(weights.buffer.slice(weights.byteOffset + at, weights.byteOffset + at + 2 * entries));
  at += 2 * entries;
  at += (4 - (at % 4)) % 4;
  const transitions = new Float32Array(weights.buffer.slice(weights.byteOffset + at, weights.byteOffset + at + 4 * (LABEL_COUNT + 1) * LABEL_COUNT));
  const rowWeights = new Float32Array(entries);
  for (let k = 0; k < entries; k++) rowWeights[k] = quantised[k]! * meta.scale;
  const lexicons = readLexicons(lines(gz("clusters.tsv.gz")), lines(gz("names.tsv.gz")));
  loaded = { meta, index, rowStart, rowLabels, rowWeights, transitions, lexicons };
  return loaded;
}

/**
 * The weights with every label of a row beside the others, zeros included: a row is then one or two
 * cache lines, where the compressed rows took three scattered reads (start, labels, weights) on every
 * feature of a new word. Adding a zero leaves a float32 sum as it was, so the scores are the same.
 */
function denseWeights(model: EntityModel): Float32Array {
  const rows = model.rowStart.length - 1;
  const dense = new Float32Array(rows * LABEL_COUNT);
  for (let row = 0; row < rows; row++) {
    for (let k = model.rowStart[row]!; k < model.rowStart[row + 1]!; k++) dense[row * LABEL_COUNT + model.rowLabels[k]!] = model.rowWeights[k]!;
  }
  return dense;
}

function addRow(dense: Float32Array, row: number, into: Float32Array, offset: number): void {
  const from = row * LABEL_COUNT;
  for (let y = 0; y < LABEL_COUNT; y++) into[offset + y]! += dense[from + y]!;
}

/**
 * The context features, compiled for lookups by number: each template's rows keyed by the ids of
 * the values it reads (ids per slot kind, numbered at load from the model's own features). The
 * strings of features.ts stay the definition; this is the same table, read faster. A template
 * reading one value keeps a dense array; one reading two, a PairTable.
 */
const SLOT_KINDS: SlotKind[] = ["pos", "lower", "shape", "lx", "rule"];
interface CompiledTemplate {
  when: "always" | "start" | "caps";
  /** Slot kinds as indexes into SLOT_KINDS, and relative positions. */
  kindA: number;
  offsetA: number;
  kindB: number;
  offsetB: number;
  arity: number;
  row: number;
  one: Int32Array;
  two: PairTable;
}

/**
 * The rows of a template reading two values, keyed by the pair of ids: open addressing over one
 * Int32Array of [a, b, row] triples (a = -1: an empty slot), so that a probe mostly reads one cache
 * line, where a map of maps read several. (One number `a * size + b` as a map key would overflow
 * V8's small integers and allocate on every lookup.)
 */
interface PairTable {
  slots: Int32Array;
  mask: number;
}

function pairSlot(a: number, b: number, mask: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

/** A PairTable of `triples` (a, b, row, a, b, row, ...), at most half full. */
function pairTable(triples: number[]): PairTable {
  let size = 2;
  while (size < (triples.length / 3) * 2) size *= 2;
  const slots = new Int32Array(3 * size).fill(-1);
  const mask = size - 1;
  for (let k = 0; k < triples.length; k += 3) {
    const a = triples[k]!;
    const b = triples[k + 1]!;
    let s = pairSlot(a, b, mask);
    while (slots[3 * s] !== -1 && !(slots[3 * s] === a && slots[3 * s + 1] === b)) s = (s + 1) & mask;
    slots[3 * s] = a;
    slots[3 * s + 1] = b;
    slots[3 * s + 2] = triples[k + 2]!;
  }
  return { slots, mask };
}

/** The row of pair (a, b), -1 when there is none; a >= 0. */
function pairRow(t: PairTable, a: number, b: number): number {
  const slots = t.slots;
  for (let s = pairSlot(a, b, t.mask); ; s = (s + 1) & t.mask) {
    const x = slots[3 * s]!;
    if (x === -1) return -1;
    if (x === a && slots[3 * s + 1] === b) return slots[3 * s + 2]!;
  }
}

/** The slot kinds whose templates are grouped (TemplateGroup): parts of speech, shapes. */
const GROUP_KINDS = [0, 2];
/**
 * Templates that always fire and read one slot kind only (parts of speech; shapes) add up to the
 * same vector wherever the kind's values at -1, 0, +1 are the same: that vector is cached under
 * those three ids. Their rows lie all over the weights; one cached vector is one memory read.
 */
interface TemplateGroup {
  kind: number;
  templates: CompiledTemplate[];
  cache: Map<number, Float32Array>;
}
interface CompiledContext {
  vocab: Map<string, number>[];
  groups: TemplateGroup[];
  /** The templates outside the groups. */
  templates: CompiledTemplate[];
  names: Map<string, number>;
}

function compileContext(index: Map<string, number>): CompiledContext {
  const vocab = SLOT_KINDS.map(() => new Map<string, number>());
  const idOf = (kind: number, v: string) => {
    let id = vocab[kind]!.get(v);
    if (id === undefined) vocab[kind]!.set(v, (id = vocab[kind]!.size));
    return id;
  };
  for (const kind of vocab.keys()) idOf(kind, "<s>"), idOf(kind, "</s>");
  const byName = new Map(CONTEXT_TEMPLATES.map((t, k) => [t.name, k]));
  const entries: [number, number[], number][] = [];
  const names = new Map<string, number>();
  for (const [f, row] of index) {
    if (f.startsWith(NAME_FEATURE)) {
      names.set(f.slice(NAME_FEATURE.length), row);
      continue;
    }
    const eq = f.indexOf("=");
    const k = byName.get(eq < 0 ? f : f.slice(0, eq));
    if (k === undefined) continue; // a word feature: "0|w=Putin"
    const slots = CONTEXT_TEMPLATES[k]!.slots;
    const values = eq < 0 ? [] : f.slice(eq + 1).split("|");
    // a word holding "|" cannot be told apart from two words: such a feature is left out
    if (values.length !== slots.length) continue;
    entries.push([k, values.map((v, j) => idOf(SLOT_KINDS.indexOf(slots[j]![0]), v)), row]);
  }
  const templates = CONTEXT_TEMPLATES.map((t): CompiledTemplate => {
    const kindA = t.slots[0] ? SLOT_KINDS.indexOf(t.slots[0][0]) : 0;
    return {
      when: t.when,
      kindA,
      offsetA: t.slots[0]?.[1] ?? 0,
      kindB: t.slots[1] ? SLOT_KINDS.indexOf(t.slots[1][0]) : 0,
      offsetB: t.slots[1]?.[1] ?? 0,
      arity: t.slots.length,
      row: -1,
      one: new Int32Array(t.slots.length === 1 ? vocab[kindA]!.size : 0).fill(-1),
      two: pairTable([]),
    };
  });
  const pairs = templates.map((): number[] => []);
  for (const [k, ids, row] of entries) {
    const t = templates[k]!;
    if (t.arity === 0) t.row = row;
    else if (t.arity === 1) t.one[ids[0]!] = row;
    else pairs[k]!.push(ids[0]!, ids[1]!, row);
  }
  templates.forEach((t, k) => {
    if (t.arity === 2) t.two = pairTable(pairs[k]!);
  });
  const groups: TemplateGroup[] = GROUP_KINDS.map((kind) => ({ kind, templates: [], cache: new Map() }));
  const single: CompiledTemplate[] = [];
  for (const t of templates) {
    const kinds = new Set([t.kindA, t.kindB].slice(0, t.arity));
    const group = t.when === "always" && kinds.size <= 1 ? groups.find((g) => kinds.size === 0 ? g.kind === 0 : kinds.has(g.kind)) : undefined;
    (group ? group.templates : single).push(t);
  }
  return { vocab, groups, templates: single, names };
}

/** The weight row template t fires for word i (-1: none). `ids` as emissions lays them out. */
function rowOf(t: CompiledTemplate, ids: Int32Array, stride: number, i: number): number {
  if (t.arity === 0) return t.row;
  const a = ids[t.kindA * stride + i + 1 + t.offsetA]!;
  if (a < 0) return -1;
  if (t.arity === 1) return t.one[a]!;
  return pairRow(t.two, a, ids[t.kindB * stride + i + 1 + t.offsetB]!);
}

/** What the tagger keeps of a word it has met: its features' summed weights at each position (POSITIONS), and its context ids. */
interface WordEntry {
  scores: Float32Array;
  lower: number;
  shape: number;
  lx: number;
  flags: string[];
}

/**
 * The word features' rows, keyed by the feature without its position ("lw=putin"): one table for all
 * positions of POSITIONS, since a word's features at the other positions are mostly its own ones again
 * (its lower case, shape, clusters, flags). A new word then costs one lookup per feature, not one per
 * feature and position (each a likely cache miss: the tables hold 240,000 features).
 */
interface WordRows {
  /** Feature -> its number k. */
  index: Map<string, number>;
  /** rows[k * POSITIONS.length + p]: the row of feature k at position p, -1 when the model has none. */
  rows: Int32Array;
}

interface Runtime {
  /** denseWeights of the model. */
  weights: Float32Array;
  context: CompiledContext;
  wordRows: WordRows;
  words: Map<string, WordEntry>;
}
const runtimes = new WeakMap<EntityModel, Runtime>();
const MAX_CACHED_WORDS = 200_000;

function runtimeOf(model: EntityModel): Runtime {
  let r = runtimes.get(model);
  if (!r) runtimes.set(model, (r = { weights: denseWeights(model), context: compileContext(model.index), wordRows: wordRowsByPosition(model.index), words: new Map() }));
  return r;
}

function wordRowsByPosition(index: Map<string, number>): WordRows {
  const P = POSITIONS.length;
  const byPrefix = new Map(POSITIONS.map((p, k) => [`${p}|`, k]));
  const features = new Map<string, number>();
  const found: number[] = [];
  for (const [f, row] of index) {
    const bar = f.indexOf("|");
    const p = bar > 0 && bar <= 2 ? byPrefix.get(f.slice(0, bar + 1)) : undefined;
    if (p === undefined) continue;
    const base = f.slice(bar + 1);
    let k = features.get(base);
    if (k === undefined) features.set(base, (k = features.size));
    found.push(k * P + p, row);
  }
  const rows = new Int32Array(features.size * P).fill(-1);
  for (let k = 0; k < found.length; k += 2) rows[found[k]!] = found[k + 1]!;
  return { index: features, rows };
}

/** Index of position 0 in POSITIONS. */
const CENTRE = POSITIONS.indexOf(0);
/** Scratch of wordEntry: the numbers of the centre's features. */
const wordNumbers: number[] = [];

/** The number of a word feature without its position (-1: the model has none). */
function featureNumber(rows: WordRows, f: string): number {
  return rows.index.get(f) ?? -1;
}

function wordEntry(model: EntityModel, r: Runtime, text: string): WordEntry {
  let entry = r.words.get(text);
  if (entry) return entry;
  const scores = new Float32Array(POSITIONS.length * LABEL_COUNT);
  const lower = text.toLowerCase();
  const flags = wordFlags(text, lower);
  const bases = wordFeatureBases(text, model.lexicons, lower, flags);
  const { rows } = r.wordRows;
  // The other positions' features are mostly the centre's own string objects again: each is looked up in
  // the large table once, then found among the centre's by comparison (a per-word Map of numbers did the
  // same deduplication with a hash per feature and position).
  const centre = bases[CENTRE]!;
  for (let c = 0; c < centre.length; c++) wordNumbers[c] = featureNumber(r.wordRows, centre[c]!);
  for (let w = 0; w < POSITIONS.length; w++) {
    const features = bases[w]!;
    for (let j = 0; j < features.length; j++) {
      const f = features[j]!;
      let k: number;
      if (w === CENTRE) k = wordNumbers[j]!;
      else {
        const c = centre.indexOf(f);
        k = c >= 0 ? wordNumbers[c]! : featureNumber(r.wordRows, f);
      }
      const row = k < 0 ? -1 : rows[k * POSITIONS.length + w]!;
      if (row >= 0) addRow(r.weights, row, scores, w * LABEL_COUNT);
    }
  }
  const v = r.context.vocab;
  // the flags hold "LX" exactly when isOrdinaryWord(lower): the word's lexicon slot, without reading the lexicon again
  entry = { scores, lower: v[1]!.get(lower) ?? -1, shape: v[2]!.get(shortShape(text)) ?? -1, lx: v[3]!.get(String(flags.includes("LX"))) ?? -1, flags };
  if (r.words.size >= MAX_CACHED_WORDS) r.words.clear();
  r.words.set(text, entry);
  return entry;
}

/** Words that join parts of a name ("Bank of England", "Charles de Gaulle", "Marks & Spencer"). */
const CONNECTORS = new Set(["of", "de", "du", "da", "di", "del", "della", "des", "la", "le", "van", "von", "der", "den", "ter", "ten", "y", "e", "bin", "ibn", "al", "el", "and", "&", "for", "on", "upon", "the", "zu", "af", "dos", "das", "à", "-", "'s", "’s", "."]);

/**
 * A word that is no part of any name: lower case throughout, no digit, not a connector. Three words
 * in four; the model gives them O with a wide margin, so the tagger does not score them (the larger
 * part of its time). "eBay", "al-Qaeda", "3G" and "of" are scored.
 */
function plainWord(text: string): boolean {
  const c = text.charCodeAt(0);
  if (!(c >= 97 && c <= 122)) return false;
  if (CONNECTORS.has(text)) return false;
  for (let k = 1; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if ((d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d > 127) return false;
  }
  return true;
}

/** The summed rows of a group's templates for word i, cached under the ids the group reads. */
function groupVector(weights: Float32Array, g: TemplateGroup, vocab: Map<string, number>[], ids: Int32Array, stride: number, i: number): Float32Array {
  const base = vocab[g.kind]!.size + 1;
  const o = g.kind * stride + i;
  const key = ((ids[o]! + 1) * base + ids[o + 1]! + 1) * base + ids[o + 2]! + 1;
  let vec = g.cache.get(key);
  if (!vec) {
    vec = new Float32Array(LABEL_COUNT);
    for (const t of g.templates) {
      const row = rowOf(t, ids, stride, i);
      if (row >= 0) addRow(weights, row, vec, 0);
    }
    g.cache.set(key, vec);
  }
  return vec;
}

/**
 * Scratch of emissions, grown as sentences need (typed arrays allocated per sentence cost as much as
 * the scoring: their stores lie outside V8's heap): the slot ids, which words are plain, the vectors
 * summed into a word's scores and where in each its labels start.
 */
let emissionIds = new Int32Array(0);
let emissionPlain = new Uint8Array(0);
const summands: Float32Array[] = [];
const summandFrom = new Int32Array(WINDOW.length + GROUP_KINDS.length);

/**
 * Emission scores of every word of a sentence for every label: n x L, in the first n x L cells of `out`
 * (every one of them written).
 */
export function emissions(model: EntityModel, words: FeatureWord[], rules: string[], doc?: DocumentContext, out = new Float32Array(words.length * LABEL_COUNT)): Float32Array {
  const n = words.length;
  const L = LABEL_COUNT;
  const r = runtimeOf(model);
  const flags = sentenceFlags(words, model.lexicons);
  const v = r.context.vocab;
  // ids of each slot kind, kind-major, padded by one on each side ("<s>" = 0, "</s>" = 1) as features.ts reads them
  const stride = n + 2;
  if (emissionIds.length < SLOT_KINDS.length * stride) emissionIds = new Int32Array(2 * SLOT_KINDS.length * stride);
  const ids = emissionIds.fill(0, 0, SLOT_KINDS.length * stride);
  for (let kind = 0; kind < SLOT_KINDS.length; kind++) ids[kind * stride + n + 1] = 1;
  // a word's entry is looked up only when a word being scored reads it (plain words far from any name never are)
  const entries: (WordEntry | undefined)[] = new Array(n);
  const entry = (j: number): WordEntry => {
    let e = entries[j];
    if (e === undefined) {
      e = entries[j] = wordEntry(model, r, words[j]!.text);
      ids[stride + j + 1] = e.lower;
      ids[2 * stride + j + 1] = e.shape;
      ids[3 * stride + j + 1] = e.lx;
    }
    return e;
  };
  if (emissionPlain.length < n) emissionPlain = new Uint8Array(2 * n);
  const plain = emissionPlain;
  for (let j = 0; j < n; j++) {
    plain[j] = plainWord(words[j]!.text) ? 1 : 0;
    ids[j + 1] = v[0]!.get(words[j]!.pos) ?? -1;
    ids[4 * stride + j + 1] = v[4]!.get(rules[j]!) ?? -1;
  }
  for (let i = 0; i < n; i++) {
    if (plain[i]) continue;
    for (let j = Math.max(0, i + WINDOW[0]!); j <= Math.min(n - 1, i + WINDOW[WINDOW.length - 1]!); j++) entry(j);
  }
  const templates = r.context.templates;
  for (let i = 0; i < n; i++) {
    const at = i * L;
    if (plain[i]) {
      // only O: every path has it, so its score can be anything; the other labels are ruled out
      out[at] = 0;
      for (let y = 1; y < L; y++) out[at + y] = -1e9;
      continue;
    }
    // the vectors to add: the word WINDOW[w] places from i contributes its features at that relative
    // position, then come the groups' cached vectors
    let count = 0;
    for (let w = 0; w < WINDOW.length; w++) {
      const j = i + WINDOW[w]!;
      if (j < 0 || j >= n) continue;
      summands[count] = entries[j]!.scores;
      summandFrom[count++] = positionIndex(WINDOW[w]!) * L;
    }
    for (const g of r.context.groups) {
      summands[count] = groupVector(r.weights, g, v, ids, stride, i);
      summandFrom[count++] = 0;
    }
    // Label by label in a local, in the same order as vector by vector into `out`: the same float32
    // sums (Math.fround rounds as a Float32Array store does), one store per label.
    for (let y = 0; y < L; y++) {
      let sum = 0;
      for (let k = 0; k < count; k++) sum = Math.fround(sum + summands[k]![summandFrom[k]! + y]!);
      out[at + y] = sum;
    }
    for (let k = 0; k < templates.length; k++) {
      const t = templates[k]!;
      if (t.when !== "always" && (t.when === "start" ? i !== flags.first : !flags.caps)) continue;
      const row = rowOf(t, ids, stride, i);
      if (row >= 0) addRow(r.weights, row, out, at);
    }
    const names = flags.names[i]!;
    for (let k = 0; k < names.length; k++) {
      const row = r.context.names.get(names[k]!);
      if (row !== undefined) addRow(r.weights, row, out, at);
    }
    if (doc && (doc.sports || doc.history.size)) {
      for (const f of documentFeatures(doc, words[i]!, entries[i]!.flags, names)) {
        const row = model.index.get(f);
        if (row !== undefined) addRow(r.weights, row, out, at);
      }
    }
  }
  return out;
}

/**
 * Scratch of viterbi, grown as sentences need: a new typed array per sentence cost more than the
 * decoding (its store is allocated outside V8's heap). Every cell a sentence reads it writes first.
 */
let viterbiScore = new Float64Array(0);
let viterbiBack = new Uint8Array(0);

/** The best label sequence under BILOU constraints (Viterbi). */
export function viterbi(emit: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  if (viterbiScore.length < n * L) {
    viterbiScore = new Float64Array(2 * n * L);
    viterbiBack = new Uint8Array(2 * n * L);
  }
  const score = viterbiScore;
  const back = viterbiBack;
  for (let y = 0; y < L; y++) score[y] = allowedTransition(-1, y) ? emit[y]! + transitions[y]! : -Infinity;
  for (let i = 1; i < n; i++) {
    // a word only O can take (emissions rules the rest out): one label to score, not seventeen
    const onlyO = emit[i * L + 1]! <= -1e9;
    for (let y = 0; y < L; y++) {
      if (onlyO && y > 0) {
        score[i * L + y] = -Infinity;
        back[i * L + y] = 0;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let k = PREDECESSOR_START[y]!; k < PREDECESSOR_START[y + 1]!; k++) {
        const p = PREDECESSORS[k]!;
        const s = score[(i - 1) * L + p]! + transitions[(p + 1) * L + y]!;
        if (s > best) (best = s), (arg = p);
      }
      score[i * L + y] = best + emit[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  let last = 0;
  let best = -Infinity;
  for (let y = 0; y < L; y++) {
    const s = allowedEnd(y) ? score[(n - 1) * L + y]! : -Infinity;
    if (s > best) (best = s), (last = y);
  }
  labels[n - 1] = last;
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]!]!;
  return labels;
}

/** For each label, the labels that may precede it (BILOU leaves about a third of the pairs). */
const PREDECESSOR_START = new Int32Array(LABEL_COUNT + 1);
const PREDECESSORS: number[] = [];
for (let y = 0; y < LABEL_COUNT; y++) {
  for (let p = 0; p < LABEL_COUNT; p++) if (allowedTransition(p, y)) PREDECESSORS.push(p);
  PREDECESSOR_START[y + 1] = PREDECESSORS.length;
}

export interface TaggedSpan extends ClassSpan {
  /** How sure the class is: the path's lead over the same words labelled with another class, squashed to (0, 1). */
  confidence: number;
}

/** Scores a span's words would add to the path with class c instead (parts kept), boundaries included. */
export function spanScore(emit: Float32Array, labels: Uint8Array, first: number, last: number, c: number, transitions: Float32Array): number {
  const L = LABEL_COUNT;
  const label = (i: number) => (i >= first && i < last ? 1 + 4 * c + ((labels[i]! - 1) % 4) : labels[i]!);
  let score = 0;
  for (let i = first; i < last; i++) score += emit[i * L + label(i)]!;
  for (let i = first; i <= last && i < labels.length; i++) score += transitions[(i === 0 ? 0 : label(i - 1) + 1) * L + label(i)]!;
  return score;
}

/** The lead of a span's class over the best other class for the same words, in path score. */
export function typeMargin(emit: Float32Array, labels: Uint8Array, s: ClassSpan, transitions: Float32Array): number {
  const own = ENTITY_CLASSES.indexOf(s.cls);
  const chosen = spanScore(emit, labels, s.first, s.last, own, transitions);
  let rival = -Infinity;
  for (let c = 0; c < ENTITY_CLASSES.length; c++) if (c !== own) rival = Math.max(rival, spanScore(emit, labels, s.first, s.last, c, transitions));
  return chosen - rival;
}

/** Scratch of tagWords for the emission scores, grown as sentences need (see emissionIds). */
let tagEmissions = new Float32Array(0);

/**
 * Tags one sentence's words; spans are word indices. `rules`: the hand-written recogniser's tag of
 * each word (rules.ts). With a document context, the sentence is read
 * as part of its article, and its names join the article's history for the sentences after it.
 */
export function tagWords(model: EntityModel, words: FeatureWord[], rules: string[], doc?: DocumentContext): TaggedSpan[] {
  if (tagEmissions.length < words.length * LABEL_COUNT) tagEmissions = new Float32Array(2 * words.length * LABEL_COUNT);
  const emit = emissions(model, words, rules, doc, tagEmissions);
  const labels = viterbi(emit, words.length, model.transitions);
  const spans = labelsToSpans(labels);
  if (doc) rememberSpans(doc, words, spans);
  return spans.map((s) => ({ ...s, confidence: 1 / (1 + Math.exp(-typeMargin(emit, labels, s, model.transitions) / model.meta.confidenceScale)) }));
}
