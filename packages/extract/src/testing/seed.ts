/** The seed articles in ../shared/articles, read for tests (never copied into the repo). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "../bench/paths.ts";
import { extractArticle } from "../extract.ts";
import type { ArticleExtraction } from "../types.ts";

export const seedDir = () => join(sharedDir(), "articles");

export function seedArticles(): { id: string; text: string }[] {
  return readdirSync(seedDir())
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((id) => ({ id, text: readFileSync(join(seedDir(), id), "utf8") }));
}

let cached: ArticleExtraction[] | undefined;
export function seedExtractions(): ArticleExtraction[] {
  cached ??= seedArticles().map((a) => extractArticle(a));
  return cached;
}
