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
import { EXTRACTOR_VERSION, type ArticleExtraction, type ArticleInput } from "@kg/extract";

let extractorHash: string | undefined;

/** Hash of every source file of the extractor: editing the code invalidates the cache. */
export async function extractorFingerprint(): Promise<string> {
  if (extractorHash) return extractorHash;
  const src = join(dirname(fileURLToPath(import.meta.resolve("@kg/extract"))));
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("bench")).sort();
  const h = createHash("sha256").update(EXTRACTOR_VERSION);
  for (const f of files) h.update(f).update(readFileSync(join(src, f)));
  extractorHash = h.digest("hex").slice(0, 16);
  return extractorHash;
}

export function articleKey(article: ArticleInput, fingerprint: string): string {
  return createHash("sha256").update(JSON.stringify([fingerprint, article.id, article.title ?? "", article.date ?? "", article.source ?? "", article.text])).digest("hex");
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

  /** Written to a temporary name and renamed, so an interrupted run never leaves half a file. */
  async set(key: string, value: ArticleExtraction): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, path);
  }
}
