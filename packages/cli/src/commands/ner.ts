import { readFile } from "node:fs/promises";
import { articleMentions, tagConll } from "newskg-extract";
import { expandPaths, readArticles } from "../inputs.ts";
import { info, warn } from "../log.ts";
import { UsageError } from "../usage-error.ts";

export interface NerOptions {
  conll?: string;
  maxSize?: number;
}

/**
 * `kg ner --conll file`: CoNLL tokens in, `token TAG` lines out, same tokens in the same order.
 * `kg ner <inputs…>`: one JSON line an article, `{article, mentions: [{start, end, text, type, conll}]}`,
 * every entity mention with its offsets, as the extractor's entity stage finds them.
 */
export async function nerCommand(inputs: string[], opts: NerOptions): Promise<number> {
  if (opts.conll) {
    if (inputs.length) throw new UsageError("kg ner: give either --conll FILE or article inputs, not both");
    process.stdout.write(tagConll(await readFile(opts.conll, "utf8")));
    return 0;
  }
  if (!inputs.length) throw new UsageError("kg ner: give article files or folders, or --conll FILE");
  let problems = 0;
  const options = {
    maxBytes: (opts.maxSize ?? 10) * 1024 * 1024,
    warn: (p: { file: string; message: string }) => {
      problems++;
      warn(`${p.file}: ${p.message}`);
    },
  };
  let articles = 0;
  let mentions = 0;
  for await (const article of readArticles(await expandPaths(inputs, options.warn), options)) {
    const found = articleMentions(article);
    process.stdout.write(JSON.stringify({ article: article.id, mentions: found }) + "\n");
    articles++;
    mentions += found.length;
  }
  info(`${articles} article(s), ${mentions} mention(s)${problems ? `, ${problems} problem(s) reported above` : ""}`);
  return articles === 0 ? 1 : 0;
}
