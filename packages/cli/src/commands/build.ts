import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { resolveAcrossArticles, type ArticleExtraction } from "@kg/extract";
import { applyLayout, buildGraph, computeMetrics, toGEXF, toGraphML, toJSON, toNeo4jCSV, FORMATS, type Format } from "@kg/graph";
import { extractAll, type ExtractOptions } from "./extract.ts";
import { info } from "../log.ts";

export interface BuildOptions extends ExtractOptions {
  output: string;
  format: string;
  site?: string;
}

export async function buildCommand(paths: string[], opts: BuildOptions): Promise<number> {
  const formats = opts.format.split(",").map((f) => f.trim()) as Format[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) throw new UsageError(`unknown format ${unknown.join(", ")}: choose from ${FORMATS.join(", ")}`);
  const extractions: ArticleExtraction[] = [];
  const { articles, fromCache } = await extractAll(paths, opts, (x) => void extractions.push(x));
  if (articles === 0) {
    info("no article could be read; nothing built");
    return 1;
  }
  const graph = buildGraph(resolveAcrossArticles(extractions));
  computeMetrics(graph);
  applyLayout(graph);
  const base = opts.output.replace(/\.(json|gexf|graphml)$/, "");
  await mkdir(dirname(opts.output), { recursive: true });
  const written: string[] = [];
  const write = async (path: string, content: string) => {
    await writeFile(path, content);
    written.push(path);
  };
  for (const format of formats) {
    if (format === "json") await write(opts.output.endsWith(".json") ? opts.output : `${base}.json`, toJSON(graph));
    if (format === "gexf") await write(`${base}.gexf`, toGEXF(graph));
    if (format === "graphml") await write(`${base}.graphml`, toGraphML(graph));
    if (format === "csv") {
      const dir = `${base}-neo4j-import`;
      await mkdir(dir, { recursive: true });
      for (const [name, content] of Object.entries(toNeo4jCSV(graph))) await write(join(dir, name), content);
    }
  }
  if (opts.site) {
    const { writeStaticSite } = await import("@kg/viewer/server");
    await writeStaticSite(opts.site, toJSON(graph));
    written.push(`${opts.site}/ (static site)`);
  }
  info(`${articles} article(s)${fromCache ? ` (${fromCache} from cache)` : ""} -> ${graph.order} entities, ${graph.size} relations: ${written.join(", ")}`);
  return 0;
}

export class UsageError extends Error {}
