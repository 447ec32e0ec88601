import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import type { ArticleExtraction } from "@kg/extract";
// The article module alone: the package index would load the models into the main thread.
import { looksLikeHtml } from "@kg/extract/article";
import { expandPaths, HTML_WARNING, readArticles, type ReadOptions } from "../inputs.ts";
import { extractInOrder, workersFor, type Job } from "../pipeline/pool.ts";
import { articleKey, ExtractionCache, extractorFingerprint } from "../pipeline/cache.ts";
import { createProgress } from "../pipeline/progress.ts";
import { info, warn } from "../log.ts";

export interface ExtractOptions {
  maxSize?: number;
  /** Worker threads; undefined lets workersFor choose. */
  workers?: number;
  /** Folder of the extraction cache; false turns it off. */
  cache: string | false;
  quiet?: boolean;
}

export interface ExtractSummary {
  articles: number;
  problems: number;
  fromCache: number;
}

function readOptions(maxSizeMb: number | undefined, onProblem: () => void): ReadOptions {
  return {
    maxBytes: (maxSizeMb ?? 10) * 1024 * 1024,
    warn: (p) => {
      onProblem();
      warn(`${p.file}: ${p.message}`);
    },
  };
}

/** Extracts every article in input order; `onArticle` sees each result as it is produced. */
export async function extractAll(paths: string[], opts: ExtractOptions, onArticle: (x: ArticleExtraction) => void | Promise<void>): Promise<ExtractSummary> {
  const progress = createProgress(!opts.quiet);
  let problems = 0;
  const options = readOptions(opts.maxSize, () => {
    problems++;
    progress.error();
  });
  const files = await expandPaths(paths, options.warn);
  // One article a file, unless a file is JSON Lines or standard input: then the count is known only at the end.
  const articleCount = files.every((f) => !f.path.endsWith(".jsonl") && f.path !== "-") ? files.length : undefined;
  progress.setTotal(articleCount ?? 0);
  const cache = opts.cache ? new ExtractionCache(opts.cache) : undefined;
  const fingerprint = cache ? await extractorFingerprint() : "";

  async function* jobs(): AsyncGenerator<Job> {
    for await (const article of readArticles(files, options)) {
      if (looksLikeHtml(article.text)) options.warn({ file: article.source ?? article.id, message: HTML_WARNING });
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
      options.warn({ file: article.source ?? article.id, message: `extraction failed: ${outcome.error}` });
      continue;
    }
    articles++;
    if (outcome.cached) fromCache++;
    else if (writer && outcome.key) await writer.set(outcome.key, outcome.result, outcome.json);
    progress.tick(article.text.split(/\s+/).length);
    await onArticle(outcome.result);
  }
  await writer?.flush();
  progress.done();
  return { articles, problems, fromCache };
}

export async function extractCommand(paths: string[], opts: ExtractOptions & { output?: string }): Promise<number> {
  let out: NodeJS.WritableStream = process.stdout;
  if (opts.output) {
    await mkdir(dirname(opts.output), { recursive: true });
    out = createWriteStream(opts.output);
  }
  let triples = 0;
  const { articles, problems, fromCache } = await extractAll(paths, opts, async (x) => {
    for (const t of x.triples) {
      if (!out.write(JSON.stringify(t) + "\n")) await once(out, "drain");
      triples++;
    }
  });
  if (opts.output) {
    (out as NodeJS.WritableStream & { end(): void }).end();
    await once(out, "finish");
  }
  const cached = fromCache ? ` (${fromCache} from cache)` : "";
  info(`${articles} article(s)${cached}, ${triples} triple(s)${opts.output ? ` written to ${opts.output}` : ""}${problems ? `, ${problems} problem(s) reported above` : ""}`);
  return articles === 0 ? 1 : 0;
}
