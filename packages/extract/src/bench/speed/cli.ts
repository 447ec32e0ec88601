/**
 * Extraction throughput on the BBC news corpus, in-process, one thread.
 *
 *   tsx packages/extract/src/bench/speed/cli.ts [--source] [--limit N] [--warmup N] [--json]
 *
 * Reads every .txt under ../shared/bench/news/bbc/ (or $KG_SHARED/bench/news/bbc/),
 * warms up on ~50 articles, then times `extractArticle({ id, text })` over all of them.
 * It times the built package (packages/extract/dist, what `kg` and an installed package run;
 * `pnpm bench:speed` builds it first when stale); `--source` times the TypeScript sources as tsx
 * runs them, whose transform keeps every closure's name at a cost of some 5 % of the time.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchPath } from "../paths.ts";
import { formatSpeed, loadCorpus, runSpeedBench, type Extractor } from "./bench.ts";
import { runMain } from "../cli-main.ts";

function numberFlag(argv: string[], name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} needs a whole number`);
  return v;
}

async function loadExtractor(source: boolean): Promise<Extractor> {
  // resolved at run time so this harness type-checks before the extractor exists
  const url = new URL(source ? "../../index.ts" : "../../../dist/index.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`speed: ${fileURLToPath(url)} does not exist${source ? " yet, nothing to time" : ": build the packages first (pnpm build), or time the sources with --source"}`);
  const mod = (await import(url.href)) as { extractArticle?: unknown };
  if (typeof mod.extractArticle !== "function") throw new Error("speed: packages/extract/src/index.ts does not export a function extractArticle");
  return mod.extractArticle as Extractor;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log("usage: tsx packages/extract/src/bench/speed/cli.ts [--source] [--limit N] [--warmup N] [--json]");
    return 0;
  }
  const dir = benchPath("news", "bbc");
  if (!existsSync(dir)) throw new Error(`speed: corpus not found at ${dir} (set KG_SHARED to the folder holding bench/)`);
  const limit = numberFlag(argv, "--limit");
  const warmup = numberFlag(argv, "--warmup") ?? 50;

  const source = argv.includes("--source");
  const extract = await loadExtractor(source);
  let corpus = loadCorpus(dir);
  if (limit !== undefined) corpus = corpus.slice(0, limit);
  console.error(`timing extractArticle (${source ? "TypeScript sources" : "built package"}) over ${corpus.length} articles from ${dir} …`);
  const r = await runSpeedBench(corpus, extract, {
    warmup,
    onProgress: (done, total) => console.error(`  ${done}/${total}`),
  });
  console.log(argv.includes("--json") ? JSON.stringify(r, null, 2) : formatSpeed(r));
  return 0;
}

runMain(main);
