/**
 * Shared by the benchmarks: the BBC corpus (../shared/bench/news/bbc) and
 * the Reuters one (../shared/bench/news/reuters21578, never copied into the
 * repo either) read the way the CLI reads them, and the BBC graph.
 */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { extractArticle, resolveAcrossArticles, type ArticleInput } from "newskg-extract";
import { applyLayout, buildGraph, computeMetrics, type KnowledgeGraph } from "newskg-graph";
import { benchPath, repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { expandPaths, readArticles } from "../../packages/cli/src/inputs.ts";

export const bbcDir = () => benchPath("news", "bbc");
export const reutersFile = () => benchPath("news", "reuters21578", "articles.jsonl");
export { repoRoot };

/** The first `limit` Reuters articles, as `kg` reads the JSON Lines file (with their `dateline` field). */
export async function readReuters(limit = Infinity): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  for await (const a of readArticles([{ path: reutersFile(), id: "articles.jsonl" }], { maxBytes: 10 * 1024 * 1024, warn: () => {} })) {
    if (out.length >= limit) break;
    out.push(a);
  }
  return out;
}

export async function readCorpus(dir = bbcDir()): Promise<ArticleInput[]> {
  const quiet = { maxBytes: 10 * 1024 * 1024, warn: () => {} };
  const files = (await expandPaths([dir], quiet.warn)).filter((f) => !/readme/i.test(f.id));
  const out: ArticleInput[] = [];
  for await (const a of readArticles(files, quiet)) out.push(a);
  return out;
}

export interface TimedGraph {
  graph: KnowledgeGraph;
  /** layoutCached: the layout again, its ForceAtlas2 cores found in the cache the first one filled (what an incremental build pays when no core changed). */
  seconds: { extract: number; build: number; metrics: number; layout: number; layoutCached: number };
}

export async function corpusGraph(articles: ArticleInput[], layout = true): Promise<TimedGraph> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const s = (now - t) / 1000;
    t = now;
    return s;
  };
  const extractions = articles.map((a) => extractArticle(a));
  const extract = lap();
  const graph = buildGraph(resolveAcrossArticles(extractions));
  const build = lap();
  computeMetrics(graph);
  const metrics = lap();
  const store = new Map<string, number[]>();
  const cache = { get: (k: string) => store.get(k), set: (k: string, v: number[]) => void store.set(k, v) };
  if (layout) applyLayout(graph, { cache });
  const layoutSeconds = lap();
  if (layout) applyLayout(graph, { cache });
  return { graph, seconds: { extract, build, metrics, layout: layoutSeconds, layoutCached: lap() } };
}

export const machine = async () => {
  const os = await import("node:os");
  return `${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
};

export const tmpPath = (name: string) => join(repoRoot(), "out", "bench", name);

export interface Run {
  seconds: number;
  maxRssMb: number;
  /** CPU seconds of every thread of the process. */
  cpuSeconds: number;
  stderr: string;
}

/**
 * The `kg` the benchmarks run, as Node arguments: the built CLI (packages/cli/dist, built first when its
 * sources changed), which is the JavaScript the tarballs hold; or, with KG_BIN=<prefix>/bin/kg, a `kg`
 * installed with npm (see README, Install).
 */
let kgEntry: string[] | undefined;
export function kgCommand(): string[] {
  if (kgEntry) return kgEntry;
  if (process.env.KG_BIN) return (kgEntry = [realpathSync(process.env.KG_BIN)]);
  const built = spawnSync(process.execPath, [join(repoRoot(), "scripts", "build.mjs"), "--if-stale"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("pnpm build failed");
  return (kgEntry = ["--conditions=newskg-dist", join(repoRoot(), "packages/cli/dist/main.js")]);
}

/** Runs the real `kg` command as a user would, a whole process (from out/bench/), with its peak RSS and CPU time. */
export function kg(args: string[], stdin?: string): Run {
  const command = kgCommand();
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--import", import.meta.resolve("./report-rss.mjs"), ...command, ...args], { encoding: "utf8", cwd: tmpPath(""), input: stdin, maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`kg ${args.join(" ")} failed:\n${r.stderr}`);
  const rss = /KG_BENCH_MAXRSS_KB (\d+)/.exec(r.stderr);
  const cpu = /KG_BENCH_CPU_US (\d+)/.exec(r.stderr);
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, cpuSeconds: cpu ? Number(cpu[1]) / 1e6 : NaN, stderr: r.stderr };
}
