/**
 * Where the benchmarks find things: the repository root (found by walking up
 * from this file to `pnpm-workspace.yaml`) and the shared benchmark data,
 * which lives beside the checkout at `../shared/bench/` and is never copied
 * into the repo. `KG_SHARED` overrides the location of the `shared` folder
 * (the one holding `bench/`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("bench: cannot find the repository root (no pnpm-workspace.yaml above " + fileURLToPath(import.meta.url) + ")");
    dir = up;
  }
}

/** The `shared` folder: `$KG_SHARED`, else `../shared` next to the repo root. */
export function sharedDir(): string {
  const env = process.env.KG_SHARED;
  if (env && env.trim()) return resolve(env.trim());
  return resolve(repoRoot(), "..", "shared");
}

/** A path under `shared/bench/`, e.g. `benchPath("carb", "dev-gold.tsv")`. */
export function benchPath(...parts: string[]): string {
  return join(sharedDir(), "bench", ...parts);
}

/** An article file of `shared/bench/news/` (`bbc/sport/199.txt`) as kg reads it: UTF-8, else Latin-1. */
export function readNewsArticle(ref: string): string {
  const bytes = readFileSync(benchPath("news", ref));
  const utf8 = bytes.toString("utf8");
  return utf8.includes("\uFFFD") ? bytes.toString("latin1") : utf8;
}
