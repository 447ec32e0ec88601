/**
 * Our gold news dev set (gold/ner-news/): 40 BBC articles, every entity
 * mention annotated by hand, stand-off. Scored like conlleval: a mention
 * counts when its type and both offsets are right.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../paths.ts";
import { readGoldArticle, sha256, type GoldArticle } from "../gold/articles.ts";
import { scoreItems, type NerScore } from "./score.ts";

export type Span = [start: number, end: number, type: string];

export interface NewsGoldArticle extends GoldArticle {
  mentions: Span[];
}

export function loadNewsGold(): NewsGoldArticle[] {
  const dir = join(repoRoot(), "gold", "ner-news", "annotations");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(dir, f), "utf8")) as { article: string; sha256: string; mentions: Span[] };
      const article = readGoldArticle(g.article);
      if (sha256(article.text) !== g.sha256) throw new Error(`gold/ner-news/annotations/${f}: ${g.article} changed since it was annotated (sha256 differs)`);
      return { ...article, mentions: g.mentions };
    });
}

/** Scores system spans (by article ref) against the gold. */
export function scoreNews(gold: NewsGoldArticle[], system: Map<string, Span[]>): Omit<NerScore, "tokens" | "sentences"> & { mentions: number } {
  const items = (ref: string, spans: Span[]) => spans.map(([s, e, t]) => ({ key: `${ref}:${s}:${e}`, type: t }));
  return {
    ...scoreItems(
      gold.flatMap((a) => items(a.ref, a.mentions)),
      gold.flatMap((a) => items(a.ref, system.get(a.ref) ?? [])),
    ),
    mentions: gold.reduce((n, a) => n + a.mentions.length, 0),
  };
}
