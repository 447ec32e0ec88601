import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ArticleExtraction, ExtractionProblem } from "newskg-extract";
import type { KnowledgeGraph } from "newskg-graph";
import { FORMATS, type Format } from "newskg-graph/formats";
import type { ExtractOptions } from "./extract.ts";
import { readArticles } from "../inputs.ts";
import { articleKey, buildKey, ExtractionCache, extractorFingerprint, type SkippedParts } from "../pipeline/cache.ts";
import { originOf, scanInputs, type Scan } from "../pipeline/scan.ts";
import { articleFailed, ProblemLog, skippedParts } from "../problems.ts";
import { belowConfidenceNote } from "../confidence-note.ts";
import { info, lap } from "../log.ts";
import { loadSchemaOption, reclassify, type SchemaChoice } from "../schema.ts";
import { UsageError } from "../usage-error.ts";

export interface BuildOptions extends ExtractOptions {
  output: string;
  format: string;
  site?: string;
  /** Triples below this confidence stay out of the graph (kg build's default: the fitted threshold). */
  minConfidence: number;
}

interface Built {
  order: number;
  size: number;
  /** The graph as JSON, or the file holding it. */
  json?: string;
  file?: string;
  graph?: KnowledgeGraph;
  /** Triples left out for being less sure than --min-confidence. */
  belowConfidence: number;
}

// Extraction and graph code load only when a build has work for them: an
// unchanged corpus is answered from the cache without loading either, and
// without reading the files whose stat has not changed (see pipeline/scan.ts).
export async function buildCommand(paths: string[], opts: BuildOptions): Promise<number> {
  const log = await ProblemLog.open({ verbose: opts.verbose, errorsFile: opts.errors });
  try {
    return await build(paths, opts, log);
  } finally {
    await log.close();
  }
}

async function build(paths: string[], opts: BuildOptions, log: ProblemLog): Promise<number> {
  const formats = opts.format.split(",").map((f) => f.trim()) as Format[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) throw new UsageError(`unknown format ${unknown.join(", ")}: choose from ${FORMATS.join(", ")}`);
  const base = opts.output.replace(/\.(json|gexf|graphml)$/, "");
  const jsonPath = opts.output.endsWith(".json") ? opts.output : `${base}.json`;
  await mkdir(dirname(opts.output), { recursive: true });
  lap("start");

  const schema = await loadSchemaOption(opts.schema, opts.strictSchema);
  const graphOptions: GraphChoice = { minConfidence: opts.minConfidence, schema };
  let built: Built;
  let summary: string;
  if (opts.cache) {
    const cache = new ExtractionCache(opts.cache);
    const fingerprint = await extractorFingerprint();
    const maxBytes = (opts.maxSize ?? 10) * 1024 * 1024;
    const scan = await scanInputs(paths, { maxBytes, fingerprint, cacheDir: opts.cache });
    lap(`scan (${scan.read} of ${scan.files.length} file(s) read)`);
    for (const p of scan.problems) log.report(p);
    if (scan.keys.length === 0) {
      info("no article could be read; nothing built");
      return 1;
    }
    // the same articles make another graph under another schema or threshold
    const key = await buildKey([...scan.keys, `min-confidence:${opts.minConfidence}`, `schema:${schema?.key ?? ""}`]);
    const cached = await cache.getGraph(key);
    if (cached) {
      // Nothing changed since a build with the same articles and code: its graph is this one.
      reportSkipped(scan, new Map(cached.skipped.map((s) => [s.key, s])), log);
      built = { order: cached.order, size: cached.size, file: cached.path, belowConfidence: cached.belowConfidence };
      summary = `${scan.keys.length} article(s), unchanged since the last build`;
    } else {
      const { extractions, byKey, fromCache, complete } = await extractChanged(scan, cache, fingerprint, maxBytes, opts, log);
      const skipped = new Map<string, SkippedParts>();
      for (const [key, x] of byKey) if (x.problems?.length) skipped.set(key, { key, id: x.article.id, problems: x.problems });
      reportSkipped(scan, skipped, log);
      if (extractions.length === 0) {
        info("no article could be extracted; nothing built");
        return 1;
      }
      built = await buildGraphOf(extractions, graphOptions, cache);
      // A build that lost an article (extraction failed, or the file changed meanwhile) is not kept for reuse.
      // One that skipped sentences is: that is what extraction gives, and the next build reports them again.
      if (complete) built.file = await cache.setGraph(key, { json: built.json!, order: built.order, size: built.size, belowConfidence: built.belowConfidence, skipped: [...skipped.values()] });
      lap("graph cached");
      summary = `${extractions.length} article(s)${fromCache ? ` (${fromCache} from cache)` : ""}`;
    }
  } else {
    const { extractAll } = await import("./extract.ts");
    const extractions: ArticleExtraction[] = [];
    const { articles } = await extractAll(paths, opts, (x) => void extractions.push(x), log);
    if (articles === 0) {
      info("no article could be read; nothing built");
      return 1;
    }
    built = await buildGraphOf(extractions, graphOptions);
    summary = `${articles} article(s)`;
  }

  const written: string[] = [];
  const write = async (path: string, content: string) => {
    await writeFile(path, content);
    written.push(path);
  };
  let json = built.json;
  const graphJSON = async () => (json ??= await readFile(built.file!, "utf8"));
  if (formats.includes("json")) {
    // The cached file is the graph: copied by the kernel, never parsed.
    if (built.file) await copyFile(built.file, jsonPath);
    else await writeFile(jsonPath, built.json!);
    written.push(jsonPath);
  }
  const others = formats.filter((f) => f !== "json");
  if (others.length) {
    const { fromJSON, toGEXF, toGraphML, toNeo4jCSV } = await import("newskg-graph");
    const graph = built.graph ?? fromJSON(JSON.parse(await graphJSON()));
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
    const { writeStaticSite } = await import("newskg-viewer/server");
    await writeStaticSite(opts.site, await graphJSON());
    written.push(`${opts.site}/ (static site)`);
  }
  lap("written");
  if (built.belowConfidence) info(belowConfidenceNote(built.belowConfidence, opts.minConfidence));
  info(`${summary} -> ${built.order} entities, ${built.size} relations: ${written.join(", ")}`);
  return 0;
}

/** The sentences extraction skipped, article by article in input order, each naming its record. */
function reportSkipped(scan: Scan, skipped: Map<string, SkippedParts>, log: ProblemLog): void {
  if (skipped.size === 0) return;
  for (const f of scan.files) {
    f.keys.forEach((key, k) => {
      const s = skipped.get(key);
      if (s) for (const p of skippedParts(originOf(f, k), s.id, s.problems)) log.report(p);
    });
  }
}

/**
 * Every article's extraction, in input order: from the cache, or extracted
 * now for the articles it does not hold (only their files are read again).
 */
async function extractChanged(
  scan: Scan,
  cache: ExtractionCache,
  fingerprint: string,
  maxBytes: number,
  opts: BuildOptions,
  log: ProblemLog,
): Promise<{ extractions: ArticleExtraction[]; byKey: Map<string, ArticleExtraction>; fromCache: number; complete: boolean }> {
  const byKey = new Map<string, ArticleExtraction>();
  const missing = new Set<string>();
  for (const k of scan.keys) {
    if (byKey.has(k) || missing.has(k)) continue;
    const x = cache.getSync(k);
    if (x) byKey.set(k, x);
    else missing.add(k);
  }
  const fromCache = scan.keys.filter((k) => byKey.has(k)).length;
  lap(`cached extractions loaded (${byKey.size})`);
  let complete = true;
  if (missing.size) {
    const { extractInOrder, workersFor } = await import("../pipeline/pool.ts");
    const { createProgress } = await import("../pipeline/progress.ts");
    const progress = createProgress(!opts.quiet);
    progress.setTotal(missing.size);
    const files = scan.files.filter((f) => f.keys.some((k) => missing.has(k)));
    const queued = new Set<string>();
    async function* jobs() {
      // Problems were reported by the scan.
      for await (const article of readArticles(files, { maxBytes, warn: () => {} })) {
        const key = articleKey(article, fingerprint);
        if (!missing.has(key) || queued.has(key)) continue;
        queued.add(key);
        yield { article, key };
      }
    }
    const failed = new Set<string>();
    const writer = cache.writer();
    const workers = workersFor(missing.size, opts.workers);
    for await (const outcome of extractInOrder(jobs(), workers)) {
      const { article, key } = outcome;
      if ("error" in outcome) {
        failed.add(key!);
        log.report(articleFailed(article.origin, article.id, { message: outcome.error, stack: outcome.stack }));
        progress.error();
        continue;
      }
      await writer.set(key!, outcome.result, outcome.json);
      byKey.set(key!, outcome.result);
      progress.tick(article.text.split(/\s+/).length);
    }
    await writer.flush();
    progress.done();
    const lost = [...missing].filter((k) => !byKey.has(k) && !failed.has(k));
    for (const f of scan.files) if (f.keys.some((k) => lost.includes(k))) log.report({ severity: "error", file: f.path, message: "changed while the build ran, left out; run kg build again" });
    complete = lost.length === 0 && failed.size === 0;
    lap(`extracted ${missing.size} article(s) with ${workers} worker(s)`);
  }
  const extractions: ArticleExtraction[] = [];
  for (const k of scan.keys) {
    const x = byKey.get(k);
    if (x) extractions.push(x);
  }
  return { extractions, byKey, fromCache, complete };
}

interface GraphChoice {
  minConfidence: number;
  schema?: SchemaChoice;
}

async function buildGraphOf(extractions: ArticleExtraction[], choice: GraphChoice, cache?: ExtractionCache): Promise<Built & { json: string }> {
  const { resolveAcrossArticles } = await import("newskg-extract/across-articles");
  const { applyLayout, buildGraph, computeMetrics, toJSON } = await import("newskg-graph");
  lap("graph code loaded");
  let dropped = 0;
  const classed = extractions.map((x) => {
    const r = reclassify(x, choice.schema);
    dropped += r.dropped;
    return r.extraction;
  });
  if (dropped) info(`${dropped} triple(s) outside the schema dropped (--strict-schema)`);
  const belowConfidence = classed.reduce((n, x) => n + x.triples.filter((t) => t.confidence < choice.minConfidence).length, 0);
  const graph = buildGraph(resolveAcrossArticles(classed), { minConfidence: choice.minConfidence });
  lap("graph built");
  computeMetrics(graph);
  lap("metrics");
  const layoutCache = await cache?.layoutCache();
  applyLayout(graph, layoutCache ? { cache: layoutCache } : {});
  await layoutCache?.save();
  lap("layout");
  const json = toJSON(graph);
  lap("serialised");
  return { json, order: graph.order, size: graph.size, graph, belowConfidence };
}
