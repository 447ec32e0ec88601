/**
 * Word clusters from raw news, for the entity model: words that occur in the
 * same contexts share a cluster, so a name never seen with a label still
 * looks like the names that were ("Rosneft" beside "Gazprom"). The teacher,
 * CoreNLP's CRF, leans on such clusters too (distributional similarity
 * classes); ours are learned here, from the training corpus only.
 *
 * Predictive exchange clustering (Uszkoreit & Brants, ACL 2008): a word's
 * class should predict it from the word before, P(w | v) = P(c(w) | v) P(w | c(w)).
 * Words move one at a time to the class that raises the corpus likelihood
 * most; a few passes over the vocabulary, most frequent words first.
 * Deterministic: classes start as word rank modulo the class count.
 *
 * Run by `pnpm train:ner`; writes one line a word: `word \t a<k> \t b<k> \t c<k>`
 * for the three granularities (CLASS_COUNTS).
 */
export const CLASS_COUNTS = [64, 256, 1024];
const MIN_COUNT = 3;
const PASSES = 12;

export interface Vocabulary {
  words: string[];
  counts: Float64Array;
  /** Bigrams as CSR over the right word: for word w, its predecessors and how often. */
  predStart: Int32Array;
  pred: Int32Array;
  predCount: Float64Array;
}

/** Word ids in corpus order (sentences separated by -1), turned into a vocabulary and bigram table. */
export function vocabulary(sentences: string[][]): Vocabulary {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  // id 0: sentence boundary, id 1: any rare word
  const words = ["<s>", "<rare>", ...[...freq].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w)];
  const id = new Map(words.map((w, k) => [w, k]));
  const counts = new Float64Array(words.length);
  const bigrams = new Map<number, number>();
  const V = words.length;
  for (const s of sentences) {
    let prev = 0;
    for (const w of s) {
      const k = id.get(w) ?? 1;
      counts[k]!++;
      const key = k * V + prev;
      bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
      prev = k;
    }
  }
  const predStart = new Int32Array(V + 1);
  for (const key of bigrams.keys()) predStart[Math.floor(key / V) + 1]!++;
  for (let k = 0; k < V; k++) predStart[k + 1]! += predStart[k]!;
  const fill = predStart.slice(0, V);
  const pred = new Int32Array(bigrams.size);
  const predCount = new Float64Array(bigrams.size);
  for (const [key, n] of bigrams) {
    const w = Math.floor(key / V);
    const at = fill[w]!++;
    pred[at] = key % V;
    predCount[at] = n;
  }
  return { words, counts, predStart, pred, predCount };
}

const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** Exchange clustering into `C` classes; returns each word's class. */
export function exchange(v: Vocabulary, C: number, log: (msg: string) => void = () => {}): Int32Array {
  const V = v.words.length;
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  // N(v, c): how often class c follows word v, sparse per v; N(c): class totals
  const follow: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  const classCount = new Float64Array(C);
  for (let w = 0; w < V; w++) {
    classCount[cls[w]!]! += v.counts[w]!;
    for (let k = v.predStart[w]!; k < v.predStart[w + 1]!; k++) {
      const m = follow[v.pred[k]!]!;
      m.set(cls[w]!, (m.get(cls[w]!) ?? 0) + v.predCount[k]!);
    }
  }
  const delta = new Float64Array(C);
  for (let pass = 0; pass < PASSES; pass++) {
    let moved = 0;
    // the boundary and rare pseudo-words keep their classes
    for (let w = 2; w < V; w++) {
      const from = cls[w]!;
      const n = v.counts[w]!;
      // take w out of its class
      for (let k = v.predStart[w]!; k < v.predStart[w + 1]!; k++) {
        const m = follow[v.pred[k]!]!;
        const left = m.get(from)! - v.predCount[k]!;
        if (left > 1e-9) m.set(from, left);
        else m.delete(from);
      }
      classCount[from]! -= n;
      // gain of putting it into each class c: sum over predecessors of the change in N(v,c) log N(v,c), minus the change in N(c) log N(c)
      let base = 0;
      for (let k = v.predStart[w]!; k < v.predStart[w + 1]!; k++) base += xlogx(v.predCount[k]!);
      for (let c = 0; c < C; c++) delta[c] = base - (xlogx(classCount[c]! + n) - xlogx(classCount[c]!));
      for (let k = v.predStart[w]!; k < v.predStart[w + 1]!; k++) {
        const nv = v.predCount[k]!;
        for (const [c, have] of follow[v.pred[k]!]!) delta[c]! += xlogx(have + nv) - xlogx(have) - xlogx(nv);
      }
      let best = from;
      for (let c = 0; c < C; c++) if (delta[c]! > delta[best]! + 1e-9) best = c;
      if (best !== from) moved++;
      cls[w] = best;
      classCount[best]! += n;
      for (let k = v.predStart[w]!; k < v.predStart[w + 1]!; k++) {
        const m = follow[v.pred[k]!]!;
        m.set(best, (m.get(best) ?? 0) + v.predCount[k]!);
      }
    }
    log(`  ${C} classes, pass ${pass + 1}: ${moved} words moved`);
    if (moved < V / 500) break;
  }
  return cls;
}
