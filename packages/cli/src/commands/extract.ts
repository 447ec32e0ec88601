import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import { extractArticle, looksLikeHtml, type ArticleExtraction } from "@kg/extract";
import { expandPaths, readArticles, type ReadOptions } from "../inputs.ts";
import { info, warn } from "../log.ts";

export interface ExtractRun {
  extractions: ArticleExtraction[];
  articles: number;
  problems: number;
}

export function readOptions(maxSizeMb: number | undefined): ReadOptions & { problems: () => number } {
  let problems = 0;
  return {
    maxBytes: (maxSizeMb ?? 10) * 1024 * 1024,
    warn: (p) => {
      problems++;
      warn(`${p.file}: ${p.message}`);
    },
    problems: () => problems,
  };
}

/** Extracts every article; `onArticle` sees each result as it is produced. */
export async function extractAll(paths: string[], maxSizeMb: number | undefined, onArticle: (x: ArticleExtraction) => void | Promise<void>): Promise<{ articles: number; problems: number }> {
  const options = readOptions(maxSizeMb);
  const files = await expandPaths(paths, options.warn);
  let articles = 0;
  for await (const article of readArticles(files, options)) {
    if (looksLikeHtml(article.text)) options.warn({ file: article.source ?? article.id, message: "looks like HTML; markup ignored (offsets still point into the file)" });
    let result: ArticleExtraction;
    try {
      result = extractArticle(article);
    } catch (err) {
      options.warn({ file: article.source ?? article.id, message: `extraction failed: ${(err as Error).message}` });
      continue;
    }
    articles++;
    await onArticle(result);
  }
  return { articles, problems: options.problems() };
}

export async function extractCommand(paths: string[], opts: { output?: string; maxSize?: number }): Promise<number> {
  let out: NodeJS.WritableStream = process.stdout;
  if (opts.output) {
    await mkdir(dirname(opts.output), { recursive: true });
    out = createWriteStream(opts.output);
  }
  let triples = 0;
  const { articles, problems } = await extractAll(paths, opts.maxSize, async (x) => {
    for (const t of x.triples) {
      if (!out.write(JSON.stringify(t) + "\n")) await once(out, "drain");
      triples++;
    }
  });
  if (opts.output) {
    (out as NodeJS.WritableStream & { end(): void }).end();
    await once(out, "finish");
  }
  info(`${articles} article(s), ${triples} triple(s)${opts.output ? ` written to ${opts.output}` : ""}${problems ? `, ${problems} problem(s) reported above` : ""}`);
  return articles === 0 ? 1 : 0;
}
