import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import type { ArticleExtraction } from "newskg-extract";
// The article module alone: the package index would load the models into the main thread.
import { looksLikeHtml } from "newskg-extract/article";
import { expandPaths, HTML_WARNING, readArticles, type ReadOptions } from "../inputs.ts";
import { extractInOrder, workersFor, type Job } from "../pipeline/pool.ts";
import { articleKey, ExtractionCache, extractorFingerprint } from "../pipeline/cache.ts";
import { createProgress } from "../pipeline/progress.ts";
import { articleFailed, ProblemLog, skippedParts, type Problem } from "../problems.ts";
import { info } from "../log.ts";
import { loadSchemaOption, reclassify } from "../schema.ts";
import { belowConfidenceNote } from "../confidence-note.ts";

export interface ExtractOptions {
  maxSize?: number;
  /** Worker threads; undefined lets workersFor choose. */
  workers?: number;
  /** Folder of the extraction cache; false turns it off. */
  cache: string | false;
  quiet?: boolean;
  /** Stack traces with the messages. */
  verbose?: boolean;
  /** Also write every problem to this file, as JSON Lines. */
  errors?: string;
  /** A relation schema file (--schema) and whether triples it has no class for are dropped (--strict-schema). */
  schema?: string;
  strictSchema?: boolean;
}

export interface ExtractSummary {
  articles: number;
  problems: number;
  fromCache: number;
}

/**
 * Extracts every article in input order; `onArticle` sees each result as it is produced. Problems go to
 * `log` when given (the caller closes it), else to one opened here from the options.
 */
export async function extractAll(paths: string[], opts: ExtractOptions, onArticle: (x: ArticleExtraction) => void | Promise<void>, given?: ProblemLog): Promise<ExtractSummary> {
  const progress = createProgress(!opts.quiet);
  const log = given ?? (await ProblemLog.open({ verbose: opts.verbose, errorsFile: opts.errors }));
  const report = (p: Problem) => {
    log.report(p);
    if (p.severity !== "note") progress.error();
  };
  const options: ReadOptions = { maxBytes: (opts.maxSize ?? 10) * 1024 * 1024, warn: report };
  const files = await expandPaths(paths, options.warn);
  // One article a file, unless a file is JSON Lines or standard input: then the count is known only at the end.
  const articleCount = files.every((f) => !f.path.endsWith(".jsonl") && f.path !== "-") ? files.length : undefined;
  progress.setTotal(articleCount ?? 0);
  const cache = opts.cache ? new ExtractionCache(opts.cache) : undefined;
  const fingerprint = cache ? await extractorFingerprint() : "";

  async function* jobs(): AsyncGenerator<Job> {
    for await (const article of readArticles(files, options)) {
      if (looksLikeHtml(article.text)) report({ severity: "warning", ...article.origin, id: article.id, message: HTML_WARNING });
      if (!cache) {
        yield { article };
        continue;
      }
      const key = articleKey(article, fingerprint);
      const cached = await cache.get(key);
      yield cached ? { article, key, cached } : { article, key };
    }
  }

  let articles = 0;
  let fromCache = 0;
  const writer = cache?.writer();
  for await (const outcome of extractInOrder(jobs(), workersFor(articleCount, opts.workers))) {
    const { article } = outcome;
    if ("error" in outcome) {
      report(articleFailed(article.origin, article.id, { message: outcome.error, stack: outcome.stack }));
      continue;
    }
    // Sentences skipped are reported again for a cached result: the cache keeps what extraction gave.
    for (const p of skippedParts(article.origin, article.id, outcome.result.problems)) report(p);
    articles++;
    if (outcome.cached) fromCache++;
    else if (writer && outcome.key) await writer.set(outcome.key, outcome.result, outcome.json);
    progress.tick(article.text.split(/\s+/).length);
    await onArticle(outcome.result);
  }
  await writer?.flush();
  progress.done();
  if (!given) await log.close();
  return { articles, problems: log.problems, fromCache };
}

export async function extractCommand(paths: string[], opts: ExtractOptions & { output?: string; minConfidence?: number }): Promise<number> {
  const minConfidence = opts.minConfidence ?? 0;
  let out: NodeJS.WritableStream = process.stdout;
  if (opts.output) {
    await mkdir(dirname(opts.output), { recursive: true });
    out = createWriteStream(opts.output);
  }
  let triples = 0;
  let dropped = 0;
  let below = 0;
  const schema = await loadSchemaOption(opts.schema, opts.strictSchema);
  const { articles, problems, fromCache } = await extractAll(paths, opts, async (raw) => {
    const classed = reclassify(raw, schema);
    dropped += classed.dropped;
    for (const t of classed.extraction.triples) {
      if (t.confidence < minConfidence) {
        below++;
        continue;
      }
      if (!out.write(JSON.stringify(t) + "\n")) await once(out, "drain");
      triples++;
    }
  });
  if (opts.output) {
    (out as NodeJS.WritableStream & { end(): void }).end();
    await once(out, "finish");
  }
  const cached = fromCache ? ` (${fromCache} from cache)` : "";
  const strict = dropped ? `, ${dropped} triple(s) outside the schema dropped` : "";
  if (below) info(belowConfidenceNote(below, minConfidence));
  info(`${articles} article(s)${cached}, ${triples} triple(s)${opts.output ? ` written to ${opts.output}` : ""}${strict}${problems ? `, ${problems} problem(s) reported above` : ""}`);
  return articles === 0 ? 1 : 0;
}
