/**
 * Averaged structured perceptron over BILOU label sequences (Collins 2002),
 * with the same Viterbi decoder the tagger uses. Sentences are stored as
 * feature ids per word in flat typed arrays: the 3.4 M words of the training
 * news take about 1 GB this way, off the JavaScript heap.
 */
import { viterbi } from "../../packages/extract/src/entities/model/model.ts";
import { LABEL_COUNT } from "../../packages/extract/src/entities/model/labels.ts";

const L = LABEL_COUNT;

/** Growable Int32 buffer. */
export class IntList {
  data = new Int32Array(1 << 20);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Training sentences: word w's features are feats[wordStart[w] .. wordStart[w + 1]); sentence s's words are sentStart[s] .. sentStart[s + 1]. */
export interface Dataset {
  feats: Int32Array;
  wordStart: Int32Array;
  sentStart: Int32Array;
  gold: Uint8Array;
}

export class DatasetBuilder {
  private feats = new IntList();
  private wordStart = new IntList();
  private sentStart = new IntList();
  private gold: number[] = [];
  constructor() {
    this.sentStart.push(0);
  }
  addSentence(words: number[][], labels: ArrayLike<number>): void {
    for (let i = 0; i < words.length; i++) {
      this.wordStart.push(this.feats.length);
      for (const f of words[i]!) this.feats.push(f);
      this.gold.push(labels[i]!);
    }
    this.sentStart.push(this.gold.length);
  }
  build(): Dataset {
    this.wordStart.push(this.feats.length);
    return { feats: this.feats.view(), wordStart: this.wordStart.view(), sentStart: this.sentStart.view(), gold: Uint8Array.from(this.gold) };
  }
}

export const sentenceCount = (d: Dataset) => d.sentStart.length - 1;

export interface Weights {
  /** features x L */
  emit: Float32Array;
  /** (L + 1) x L: from the start, then from each label */
  trans: Float32Array;
}

export function emissionsOf(d: Dataset, s: number, w: Weights): Float32Array {
  const from = d.sentStart[s]!;
  const n = d.sentStart[s + 1]! - from;
  const out = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let k = d.wordStart[from + i]!; k < d.wordStart[from + i + 1]!; k++) {
      const f = d.feats[k]!;
      if (f < 0) continue;
      const row = f * L;
      for (let y = 0; y < L; y++) out[i * L + y]! += w.emit[row + y]!;
    }
  }
  return out;
}

export function decode(d: Dataset, s: number, w: Weights): Uint8Array {
  const n = d.sentStart[s + 1]! - d.sentStart[s]!;
  return viterbi(emissionsOf(d, s, w), n, w.trans);
}

/** mulberry32 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights. */
  onEpoch?: (epoch: number, averaged: Weights, mistakes: number) => void;
}

export function train(d: Dataset, featureCount: number, opts: TrainOptions): Weights {
  const w: Weights = { emit: new Float32Array(featureCount * L), trans: new Float32Array((L + 1) * L) };
  // sums of (time x update), for averaging: averaged = w - sum / time
  const uEmit = new Float64Array(featureCount * L);
  const uTrans = new Float64Array((L + 1) * L);
  const next = random(opts.seed);
  const S = sentenceCount(d);
  const order = Int32Array.from({ length: S }, (_, k) => k);
  let time = 1;
  const averaged = (): Weights => {
    const emit = new Float32Array(w.emit.length);
    for (let k = 0; k < emit.length; k++) emit[k] = w.emit[k]! - uEmit[k]! / time;
    const trans = new Float32Array(w.trans.length);
    for (let k = 0; k < trans.length; k++) trans[k] = w.trans[k]! - uTrans[k]! / time;
    return { emit, trans };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let k = S - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    let mistakes = 0;
    for (const s of order) {
      const from = d.sentStart[s]!;
      const n = d.sentStart[s + 1]! - from;
      const pred = decode(d, s, w);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== d.gold[from + i]) wrong = true;
      if (wrong) {
        mistakes++;
        for (let i = 0; i < n; i++) {
          const g = d.gold[from + i]!;
          const p = pred[i]!;
          if (g !== p) {
            for (let k = d.wordStart[from + i]!; k < d.wordStart[from + i + 1]!; k++) {
              const f = d.feats[k]!;
              if (f < 0) continue;
              w.emit[f * L + g]! += 1;
              w.emit[f * L + p]! -= 1;
              uEmit[f * L + g]! += time;
              uEmit[f * L + p]! -= time;
            }
          }
          const gPrev = i === 0 ? 0 : d.gold[from + i - 1]! + 1;
          const pPrev = i === 0 ? 0 : pred[i - 1]! + 1;
          if (gPrev !== pPrev || g !== p) {
            w.trans[gPrev * L + g]! += 1;
            w.trans[pPrev * L + p]! -= 1;
            uTrans[gPrev * L + g]! += time;
            uTrans[pPrev * L + p]! -= time;
          }
        }
      }
      time++;
    }
    opts.onEpoch?.(epoch, averaged(), mistakes);
  }
  return averaged();
}
