/**
 * Shared by the benchmarks: the BBC corpus (../shared/bench/news/bbc, never
 * copied into the repo) read the way the CLI reads it, and its graph.
 */
import { join } from "node:path";
import { extractArticle, resolveAcrossArticles, type ArticleInput } from "@kg/extract";
import { applyLayout, buildGraph, computeMetrics, type KnowledgeGraph } from "@kg/graph";
import { benchPath, repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { expandPaths, readArticles } from "../../packages/cli/src/inputs.ts";

export const bbcDir = () => benchPath("news", "bbc");
export { repoRoot };

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
