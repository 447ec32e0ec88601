/**
 * The cache folder (.kg-cache):
 * - one file per article extraction, keyed by a hash of the article (id,
 *   text, date, title) and of the extractor's own source, so a changed
 *   article or a changed extractor is never served a stale result;
 * - graphs/: the serialised graph of the last few builds, keyed by the
 *   article keys and the graph code, for builds where nothing changed;
 * - layout-*.json: ForceAtlas2 positions of graph cores (see
 *   packages/graph/src/layout), for the layout code and Node version that
 *   computed them;
 * - inputs/: what each input file gave when last read, with its stat (see
 *   scan.ts).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleExtraction, ArticleInput, ExtractionProblem } from "newskg-extract";
import type { LayoutCache } from "newskg-graph";

const fingerprints = new Map<string, string>();

/**
 * Hash of the code and data under a folder (.ts in the sources; .js and .d.ts in a built or installed
 * package; the .json data the code imports, such as the relation schema and the confidence weights), and
 * of any `extra` files: a change to any of them invalidates what the cache holds from that code. Tests and
 * benchmarks are left out, and whatever `skip` says.
 */
export async function fingerprintFiles(dir: string, extra: string[] = [], skip: (file: string) => boolean = () => false): Promise<string> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((f) => /\.([tj]s|json)$/.test(f) && !/\.test\.[tj]s$/.test(f) && !f.includes("bench") && !skip(f))
    .sort();
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(readFileSync(join(dir, f)));
  for (const f of extra) h.update(readFileSync(f));
  return h.digest("hex").slice(0, 16);
}

/**
 * Fingerprint of a package's code, or of one folder of it (see fingerprintFiles). The extractor's includes
 * its entity model (the model's meta.json, whose version changes with the weights); the graph package's
 * Neo4j exporter is left out: a build never runs it.
 */
async function sourceFingerprint(pkg: "newskg-extract" | "newskg-graph", folder = ""): Promise<string> {
  const id = `${pkg}/${folder}`;
  const known = fingerprints.get(id);
  if (known) return known;
  const src = dirname(fileURLToPath(import.meta.resolve(pkg)));
  const digest =
    pkg === "newskg-extract"
      ? await fingerprintFiles(join(src, folder), folder ? [] : [join(src, "..", "models", "ner", "meta.json")])
      : await fingerprintFiles(join(src, folder), [], (f) => !folder && f.split(sep)[0] === "neo4j");
  fingerprints.set(id, digest);
  return digest;
}

export const extractorFingerprint = () => sourceFingerprint("newskg-extract");

/** Key of a whole build: the same articles, extractor and graph code give the same graph. */
export async function buildKey(articleKeys: string[]): Promise<string> {
  const h = createHash("sha256").update(await sourceFingerprint("newskg-graph"));
  for (const k of articleKeys) h.update(k);
  return h.digest("hex");
}

export function articleKey(article: ArticleInput, fingerprint: string): string {
  return createHash("sha256").update(JSON.stringify([fingerprint, article.id, article.title ?? "", article.date ?? "", article.source ?? "", article.dateline ?? "", article.text])).digest("hex");
}

/** What extraction skipped in one article of a build (kept with the graph, so a build that reuses it reports them again). */
export interface SkippedParts {
  key: string;
  id: string;
  problems: ExtractionProblem[];
}

export interface CachedGraph {
  /** The graph file. */
  path: string;
  order: number;
  size: number;
  belowConfidence: number;
  skipped: SkippedParts[];
}

const CACHE_WRITES_IN_FLIGHT = 32;

/** Graphs of this many recent builds are kept. */
const GRAPHS_KEPT = 4;

export class ExtractionCache {
  /** Folders known to exist: a cold build writes thousands of entries into 256 of them. */
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<ArticleExtraction | undefined> {
    try {
      return JSON.parse(await readFile(this.path(key), "utf8")) as ArticleExtraction;
    } catch {
      return undefined;
    }
  }

  /** The synchronous read is for loading many entries in a row: it costs a third of the promise-based one. */
  getSync(key: string): ArticleExtraction | undefined {
    try {
      return JSON.parse(readFileSync(this.path(key), "utf8")) as ArticleExtraction;
    } catch {
      return undefined;
    }
  }

  /** `json`, when the caller has it (a worker's reply), is `value` already serialised. */
  async set(key: string, value: ArticleExtraction, json?: string): Promise<void> {
    const path = this.path(key);
    const dir = dirname(path);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    await writeAtomically(path, json ?? JSON.stringify(value), { folderExists: true });
  }

  /**
   * Writes entries in the background, a bounded number at a time, so a build does not wait on the disk
   * for each article (waiting there also left the workers idle: the pool feeds them as results are taken).
   */
  writer(): { set(key: string, value: ArticleExtraction, json?: string): Promise<void>; flush(): Promise<void> } {
    const inFlight = new Set<Promise<void>>();
    // A failed write fails the run, as an awaited write would, at the next set or at the flush.
    let failure: { error: unknown } | undefined;
    const check = () => {
      if (failure) throw failure.error;
    };
    return {
      set: async (key, value, json) => {
        check();
        const write: Promise<void> = this.set(key, value, json)
          .catch((error: unknown) => void (failure ??= { error }))
          .finally(() => inFlight.delete(write));
        inFlight.add(write);
        if (inFlight.size >= CACHE_WRITES_IN_FLIGHT) await Promise.race(inFlight);
        check();
      },
      flush: async () => {
        await Promise.all(inFlight);
        check();
      },
    };
  }

  /** The graph file of a previous build with the same key, and its size. */
  async getGraph(key: string): Promise<CachedGraph | undefined> {
    try {
      const path = join(this.dir, "graphs", `${key}.json`);
      const meta = JSON.parse(await readFile(join(this.dir, "graphs", `${key}.meta.json`), "utf8")) as Omit<CachedGraph, "path">;
      const now = new Date();
      await utimes(path, now, now); // recently used: kept by the pruning below
      return { ...meta, belowConfidence: meta.belowConfidence ?? 0, skipped: meta.skipped ?? [], path };
    } catch {
      return undefined;
    }
  }

  /** The graph first, its meta last: a meta file always has its graph beside it. Older graphs beyond the last few are removed. */
  async setGraph(key: string, graph: { json: string; order: number; size: number; belowConfidence: number; skipped: SkippedParts[] }): Promise<string> {
    const dir = join(this.dir, "graphs");
    const path = join(dir, `${key}.json`);
    await writeAtomically(path, graph.json);
    await writeAtomically(join(dir, `${key}.meta.json`), JSON.stringify({ order: graph.order, size: graph.size, belowConfidence: graph.belowConfidence, skipped: graph.skipped }));
    const graphs = (await readdir(dir)).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));
    if (graphs.length > GRAPHS_KEPT) {
      const dated = await Promise.all(graphs.map(async (f) => ({ f, t: (await stat(join(dir, f)).catch(() => undefined))?.mtimeMs ?? 0 })));
      dated.sort((a, b) => b.t - a.t);
      for (const { f } of dated.slice(GRAPHS_KEPT)) {
        await rm(join(dir, f.replace(/\.json$/, ".meta.json")), { force: true });
        await rm(join(dir, f), { force: true });
      }
    }
    return path;
  }

  /** Core positions of the last build, for this layout code and Node version. */
  async layoutCache(): Promise<LayoutCache & { save(): Promise<void> }> {
    const name = `layout-${await sourceFingerprint("newskg-graph", "layout")}-${process.version}.json`;
    const path = join(this.dir, name);
    let stored: Record<string, number[]> = {};
    try {
      stored = JSON.parse(readFileSync(path, "utf8")) as Record<string, number[]>;
    } catch {
      // none yet
    }
    const used: Record<string, number[]> = {};
    let changed = false;
    return {
      get(key) {
        const hit = stored[key];
        if (hit) used[key] = hit;
        return hit;
      },
      set(key, positions) {
        used[key] = positions;
        changed = true;
      },
      // Only the cores of this build are kept, and files for other code or Node versions go.
      save: async () => {
        if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
        await writeAtomically(path, JSON.stringify(used));
        for (const f of await readdir(this.dir)) if (f.startsWith("layout-") && f.endsWith(".json") && f !== name) await rm(join(this.dir, f), { force: true });
      },
    };
  }
}

/** Written to a temporary name and renamed, so an interrupted run never leaves half a file. */
export async function writeAtomically(path: string, content: string, { folderExists = false } = {}): Promise<void> {
  if (!folderExists) await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}
