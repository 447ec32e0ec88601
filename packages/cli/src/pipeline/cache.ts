/**
 * The extraction cache: one file per article, keyed by a hash of the
 * article (id, text, date, title) and of the extractor's own source, so a
 * changed article or a changed extractor is never served a stale result.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleExtraction, ArticleInput } from "@kg/extract";

const fingerprints = new Map<string, string>();

/** Hash of every source file of a package: editing its code invalidates what the cache holds from it. */
async function sourceFingerprint(pkg: "@kg/extract" | "@kg/graph"): Promise<string> {
  const known = fingerprints.get(pkg);
  if (known) return known;
  const src = dirname(fileURLToPath(import.meta.resolve(pkg)));
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("bench")).sort();
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(readFileSync(join(src, f)));
  const digest = h.digest("hex").slice(0, 16);
  fingerprints.set(pkg, digest);
  return digest;
}

export const extractorFingerprint = () => sourceFingerprint("@kg/extract");

/** Key of a whole build: the same articles, extractor and graph code give the same graph. */
export async function buildKey(articleKeys: string[]): Promise<string> {
  const h = createHash("sha256").update(await sourceFingerprint("@kg/graph"));
  for (const k of articleKeys) h.update(k);
  return h.digest("hex");
}

export function articleKey(article: ArticleInput, fingerprint: string): string {
  return createHash("sha256").update(JSON.stringify([fingerprint, article.id, article.title ?? "", article.date ?? "", article.source ?? "", article.text])).digest("hex");
}

export interface CachedGraph {
  json: string;
  order: number;
  size: number;
}

export class ExtractionCache {
  constructor(private readonly dir: string) {}

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

  async set(key: string, value: ArticleExtraction): Promise<void> {
    await writeAtomically(this.path(key), JSON.stringify(value));
  }

  /** The serialised graph of a previous build with the same key, and its size. */
  async getGraph(key: string): Promise<CachedGraph | undefined> {
    try {
      const meta = JSON.parse(await readFile(join(this.dir, "graphs", `${key}.meta.json`), "utf8")) as Omit<CachedGraph, "json">;
      return { ...meta, json: await readFile(join(this.dir, "graphs", `${key}.json`), "utf8") };
    } catch {
      return undefined;
    }
  }

  /** The graph first, its meta last: a meta file always has its graph beside it. */
  async setGraph(key: string, graph: CachedGraph): Promise<void> {
    await writeAtomically(join(this.dir, "graphs", `${key}.json`), graph.json);
    await writeAtomically(join(this.dir, "graphs", `${key}.meta.json`), JSON.stringify({ order: graph.order, size: graph.size }));
  }
}

/** Written to a temporary name and renamed, so an interrupted run never leaves half a file. */
async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}
