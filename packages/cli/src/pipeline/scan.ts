/**
 * The articles a build's inputs hold, as cache keys, reading only the files
 * that changed since the last build.
 *
 * A file's key is the hash of its content, as always. What is new is that
 * the hashing is skipped for a file whose stat (device, inode, size,
 * modification and status-change times, to the nanosecond) is the one it
 * had when it was last read: .kg-cache/inputs/ keeps, per set of inputs,
 * each file's stat with the keys and problems it gave. Writing to a file
 * changes its status-change time (ctime), which no tool can set back, so a
 * changed file is read again even if its size and modification time were
 * kept. Two precautions, as git takes for its index:
 * - a file's stat is taken before it is read, and is only recorded if the
 *   file had not changed for a while (100 ms; 2 s on filesystems with
 *   whole-second times), so a write in the same clock tick as the read
 *   cannot go unnoticed;
 * - files from standard input and .jsonl files are always read.
 * What it cannot see: a filesystem that does not keep ctime, or a clock set
 * back to the very tick of an earlier change. `--no-cache` reads and
 * extracts everything.
 */
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { extname, join, resolve } from "node:path";
import { looksLikeHtml } from "newskg-extract/article";
import { expandPaths, HTML_WARNING, readArticles, type InputFile } from "../inputs.ts";
import type { Origin, Problem } from "../problems.ts";
import { articleKey, writeAtomically } from "./cache.ts";

export interface ScannedFile extends InputFile {
  /** Cache keys of the file's articles, in order. */
  keys: string[];
  /** The line of each of those articles, in a JSON Lines file (empty for a file that is one article). */
  lines: number[];
  /** What reading the file reported. */
  problems: Problem[];
}

export interface Scan {
  files: ScannedFile[];
  /** Every article's key, in input order. */
  keys: string[];
  /** Every problem, in input order. */
  problems: Problem[];
  /** Files read (the others were known by their stat). */
  read: number;
}

export interface ScanOptions {
  maxBytes: number;
  /** The extractor's fingerprint: part of every key. */
  fingerprint: string;
  /** The cache folder; without one every file is read. */
  cacheDir?: string;
}

interface Entry {
  id: string;
  stat: string;
  keys: string[];
  problems: Problem[];
}

interface Manifest {
  fingerprint: string;
  maxBytes: number;
  files: Record<string, Entry>;
}

const NS = 1_000_000n;

/** The file's stat as one string, and whether it is old enough to be recorded. */
function signature(path: string, nowNs: bigint): { stat: string; settled: boolean } | undefined {
  try {
    const s = statSync(path, { bigint: true });
    if (!s.isFile()) return undefined;
    const changed = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
    const wholeSeconds = s.mtimeNs % 1_000_000_000n === 0n && s.ctimeNs % 1_000_000_000n === 0n;
    return { stat: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, settled: changed <= nowNs - (wholeSeconds ? 2000n : 100n) * NS };
  } catch {
    return undefined;
  }
}

export async function scanInputs(paths: string[], options: ScanOptions): Promise<Scan> {
  const expandProblems: Problem[] = [];
  const files: ScannedFile[] = (await expandPaths(paths, (p) => void expandProblems.push(p))).map((f) => ({ ...f, keys: [], lines: [], problems: [] }));
  const manifestPath = options.cacheDir
    ? join(options.cacheDir, "inputs", `${createHash("sha256").update(JSON.stringify([paths.map((p) => (p === "-" ? p : resolve(p))), options.maxBytes])).digest("hex").slice(0, 32)}.json`)
    : undefined;
  let known: Record<string, Entry> = {};
  if (manifestPath) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
      if (m.fingerprint === options.fingerprint && m.maxBytes === options.maxBytes) known = m.files;
    } catch {
      // first build of these inputs
    }
  }

  // Stat before reading (see above); a file whose stat is recorded is not read.
  const nowNs = BigInt(Date.now()) * NS;
  const stats = new Map<ScannedFile, { stat: string; settled: boolean }>();
  const toRead: ScannedFile[] = [];
  for (const f of files) {
    const sig = manifestPath && f.path !== "-" && extname(f.path).toLowerCase() !== ".jsonl" ? signature(f.path, nowNs) : undefined;
    if (sig) stats.set(f, sig);
    const entry = sig ? known[f.path] : undefined;
    if (entry && entry.stat === sig!.stat && entry.id === f.id) {
      f.keys = entry.keys;
      f.problems = entry.problems;
    } else toRead.push(f);
  }

  if (toRead.length) {
    let current: ScannedFile | undefined;
    const reading = readArticles(toRead, {
      maxBytes: options.maxBytes,
      warn: (p) => void current!.problems.push(p),
      onFile: (f) => void (current = f as ScannedFile),
    });
    for await (const article of reading) {
      if (looksLikeHtml(article.text)) current!.problems.push({ severity: "warning", ...article.origin, id: article.id, message: HTML_WARNING });
      current!.keys.push(articleKey(article, options.fingerprint));
      if (article.origin.line !== undefined) current!.lines.push(article.origin.line);
    }
  }

  if (manifestPath && (toRead.length || Object.keys(known).length !== stats.size)) {
    const recorded: Record<string, Entry> = {};
    for (const f of files) {
      const sig = stats.get(f);
      const entry = sig?.settled && !f.problems.some((p) => p.message.startsWith("cannot read")) ? { id: f.id, stat: sig.stat, keys: f.keys, problems: f.problems } : undefined;
      if (entry) recorded[f.path] = entry;
    }
    await writeAtomically(manifestPath, JSON.stringify({ fingerprint: options.fingerprint, maxBytes: options.maxBytes, files: recorded } satisfies Manifest));
  }

  return { files, keys: files.flatMap((f) => f.keys), problems: [...expandProblems, ...files.flatMap((f) => f.problems)], read: toRead.length };
}

/** Where the file's k-th article came from. */
export function originOf(file: ScannedFile, k: number): Origin {
  const path = file.path === "-" ? "stdin" : file.path;
  const line = file.lines[k];
  return line === undefined ? { file: path } : { file: path, line };
}
