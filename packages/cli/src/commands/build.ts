import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ArticleExtraction } from "@kg/extract";
import type { KnowledgeGraph } from "@kg/graph";
import { FORMATS, type Format } from "@kg/graph/formats";
import type { ExtractOptions } from "./extract.ts";
import { expandPaths, readArticles, type InputProblem } from "../inputs.ts";
import { articleKey, buildKey, ExtractionCache, extractorFingerprint, type CachedGraph } from "../pipeline/cache.ts";
import { info, warn } from "../log.ts";

export interface BuildOptions extends ExtractOptions {
  output: string;
  format: string;
  site?: string;
}

// Extraction and graph code load only when a build has work for them: an
// unchanged corpus is answered from the cache without loading either.
export async function buildCommand(paths: string[], opts: BuildOptions): Promise<number> {
  const formats = opts.format.split(",").map((f) => f.trim()) as Format[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) throw new UsageError(`unknown format ${unknown.join(", ")}: choose from ${FORMATS.join(", ")}`);
  const cache = opts.cache ? new ExtractionCache(opts.cache) : undefined;
  const previous = cache ? await previousBuild(paths, opts, cache) : undefined;
  const base = opts.output.replace(/\.(json|gexf|graphml)$/, "");
  const jsonPath = opts.output.endsWith(".json") ? opts.output : `${base}.json`;
  await mkdir(dirname(opts.output), { recursive: true });
  const written: string[] = [];
  const write = async (path: string, content: string) => {
    await writeFile(path, content);
    written.push(path);
  };

  let built: { json: string; order: number; size: number; graph?: KnowledgeGraph };
  let summary: string;
  if (previous?.cached) {
    // Nothing changed since a build with the same articles and code: its graph is this one.
    for (const p of previous.problems) warn(`${p.file}: ${p.message}`);
    built = previous.cached;
    summary = `${previous.articles} article(s), unchanged since the last build`;
  } else {
    const { extractAll } = await import("./extract.ts");
    const { resolveAcrossArticles } = await import("@kg/extract");
    const { applyLayout, buildGraph, computeMetrics, toJSON } = await import("@kg/graph");
    const extractions: ArticleExtraction[] = [];
    const { articles, fromCache } = await extractAll(paths, opts, (x) => void extractions.push(x));
    if (articles === 0) {
      info("no article could be read; nothing built");
      return 1;
    }
    const graph = buildGraph(resolveAcrossArticles(extractions));
    computeMetrics(graph);
    applyLayout(graph);
    built = { json: toJSON(graph), order: graph.order, size: graph.size, graph };
    if (cache && previous) await cache.setGraph(previous.key, built);
    summary = `${articles} article(s)${fromCache ? ` (${fromCache} from cache)` : ""}`;
  }

  if (formats.includes("json")) await write(jsonPath, built.json);
  const others = formats.filter((f) => f !== "json");
  if (others.length) {
    const { fromJSON, toGEXF, toGraphML, toNeo4jCSV } = await import("@kg/graph");
    const graph = built.graph ?? fromJSON(JSON.parse(built.json));
    for (const format of others) {
      if (format === "gexf") await write(`${base}.gexf`, toGEXF(graph));
      if (format === "graphml") await write(`${base}.graphml`, toGraphML(graph));
      if (format === "csv") {
        const dir = `${base}-neo4j-import`;
        await mkdir(dir, { recursive: true });
        for (const [name, content] of Object.entries(toNeo4jCSV(graph))) await write(join(dir, name), content);
      }
    }
  }
  if (opts.site) {
    const { writeStaticSite } = await import("@kg/viewer/server");
    await writeStaticSite(opts.site, built.json);
    written.push(`${opts.site}/ (static site)`);
  }
  info(`${summary} -> ${built.order} entities, ${built.size} relations: ${written.join(", ")}`);
  return 0;
}

export class UsageError extends Error {}

/**
 * Reads the inputs once, quietly, to key the whole build; the graph of a
 * previous build with the same key is returned with the problems to report.
 */
async function previousBuild(paths: string[], opts: BuildOptions, cache: ExtractionCache): Promise<{ key: string; cached?: CachedGraph; articles: number; problems: InputProblem[] }> {
  const problems: InputProblem[] = [];
  const options = { maxBytes: (opts.maxSize ?? 10) * 1024 * 1024, warn: (p: InputProblem) => void problems.push(p) };
  const fingerprint = await extractorFingerprint();
  const keys: string[] = [];
  for await (const article of readArticles(await expandPaths(paths, options.warn), options)) keys.push(articleKey(article, fingerprint));
  const key = await buildKey(keys);
  const cached = keys.length ? await cache.getGraph(key) : undefined;
  return { key, ...(cached ? { cached } : {}), articles: keys.length, problems };
}
