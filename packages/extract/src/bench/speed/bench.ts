/**
 * Throughput harness: read a folder of news articles, warm the extractor up,
 * then time it over the whole corpus on the current thread.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, relative, sep } from "node:path";
import type { ArticleExtraction, ArticleInput } from "../../types.ts";

export type Extractor = (input: ArticleInput) => ArticleExtraction | Promise<ArticleExtraction>;

export interface CorpusArticle {
  /** Path under the corpus folder, with `/` (e.g. `business/001.txt`). */
  id: string;
  text: string;
  bytes: number;
  /** True when the file was not valid UTF-8 and was read as Latin-1. */
  latin1: boolean;
}

export interface SpeedResult {
  articles: number;
  words: number;
  bytes: number;
  warmupArticles: number;
  seconds: number;
  wordsPerSecond: number;
  articlesPerSecond: number;
  triples: number;
  /** Peak resident set size of this process so far, in MB. */
  peakRssMb: number;
  slowest: { id: string; ms: number } | null;
  latin1Files: string[];
  machine: { cpu: string; cores: number; node: string; platform: string };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/** UTF-8 if the bytes are valid UTF-8, else Latin-1 (WHATWG's, i.e. windows-1252). */
export function decodeText(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: utf8.decode(bytes), latin1: false };
  } catch {
    return { text: latin1.decode(bytes), latin1: true };
  }
}

export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w) n++;
  return n;
}

/** Every `*.txt` under `dir` (recursively, case-sensitive, so the dataset's README.TXT is left out), sorted by path. */
export function listTxtFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".txt")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export function loadCorpus(dir: string): CorpusArticle[] {
  return listTxtFiles(dir).map((file) => {
    const buf = readFileSync(file);
    const { text, latin1: isLatin1 } = decodeText(buf);
    return { id: relative(dir, file).split(sep).join("/"), text, bytes: buf.length, latin1: isLatin1 };
  });
}

/** `n` articles spread evenly over the corpus (all of it when smaller). */
function spread<T>(items: T[], n: number): T[] {
  if (n >= items.length) return items.slice();
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * items.length) / n)]!);
  return out;
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

export function machine(): SpeedResult["machine"] {
  const cs = cpus();
  return { cpu: cs[0]?.model.trim() ?? "unknown", cores: cs.length, node: process.version, platform: `${process.platform}-${process.arch}` };
}

export async function runSpeedBench(
  corpus: CorpusArticle[],
  extract: Extractor,
  options: { warmup?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SpeedResult> {
  const warm = spread(corpus, options.warmup ?? 50);
  for (const a of warm) {
    const r = extract({ id: a.id, text: a.text });
    if (isThenable(r)) await r;
  }

  let triples = 0;
  let slowest: SpeedResult["slowest"] = null;
  const t0 = performance.now();
  for (let i = 0; i < corpus.length; i++) {
    const a = corpus[i]!;
    const s = performance.now();
    let r = extract({ id: a.id, text: a.text });
    if (isThenable(r)) r = await r;
    const ms = performance.now() - s;
    if (!slowest || ms > slowest.ms) slowest = { id: a.id, ms };
    if (!r || !Array.isArray(r.triples)) throw new Error(`extractor returned no triples array for ${a.id}`);
    triples += r.triples.length;
    if (options.onProgress && (i + 1) % 250 === 0) options.onProgress(i + 1, corpus.length);
  }
  const seconds = (performance.now() - t0) / 1000;

  let words = 0;
  let bytes = 0;
  for (const a of corpus) {
    words += countWords(a.text);
    bytes += a.bytes;
  }
  return {
    articles: corpus.length,
    words,
    bytes,
    warmupArticles: warm.length,
    seconds,
    wordsPerSecond: seconds > 0 ? words / seconds : Infinity,
    articlesPerSecond: seconds > 0 ? corpus.length / seconds : Infinity,
    triples,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    slowest,
    latin1Files: corpus.filter((a) => a.latin1).map((a) => a.id),
    machine: machine(),
  };
}

export function formatSpeed(r: SpeedResult): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  return [
    `articles      ${n(r.articles)}  (after ${r.warmupArticles} warm-up)`,
    `words         ${n(r.words)}  (whitespace-split)`,
    `seconds       ${r.seconds.toFixed(3)}`,
    `words/s       ${n(r.wordsPerSecond)}`,
    `articles/s    ${r.articlesPerSecond.toFixed(1)}`,
    `triples       ${n(r.triples)}`,
    `peak RSS      ${r.peakRssMb.toFixed(0)} MB`,
    ...(r.slowest ? [`slowest       ${r.slowest.id} (${r.slowest.ms.toFixed(1)} ms)`] : []),
    ...(r.latin1Files.length ? [`read as Latin-1: ${r.latin1Files.join(", ")}`] : []),
    `machine       ${r.machine.cpu}, ${r.machine.cores} cores, node ${r.machine.node}, ${r.machine.platform} (one thread used)`,
  ].join("\n");
}
