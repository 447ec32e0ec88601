/**
 * Every entity mention of an article with its offsets, as the extractor's
 * entity stage sees it: what `kg ner` prints for articles, and what the news
 * benchmark scores.
 */
import { blankOutHtml, prepareArticle } from "../article/index.ts";
import { tagSentences } from "../nlp/index.ts";
import { recogniseDocument } from "../entities/tagger.ts";
import type { ArticleInput, EntityType } from "../types.ts";

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType | "Demonym" | "Affiliation";
  /** The CoNLL class: PER, ORG, LOC, or MISC for everything else. */
  conll: "PER" | "ORG" | "LOC" | "MISC";
}

const CONLL: Partial<Record<EntityMention["type"], EntityMention["conll"]>> = { Person: "PER", Organization: "ORG", Location: "LOC" };

export function articleMentions(input: ArticleInput): EntityMention[] {
  const raw = input.text;
  const prepared = prepareArticle(raw);
  const text = prepared.html ? blankOutHtml(raw) : raw;
  const out: EntityMention[] = [];
  const add = (start: number, end: number, type: EntityMention["type"]) => out.push({ start, end, text: raw.slice(start, end), type, conll: CONLL[type] ?? "MISC" });
  const sentences = prepared.segments.flatMap((seg) => tagSentences(text.slice(seg.start, seg.end), seg.start));
  recogniseDocument(sentences.map((s) => s.tokens)).forEach(({ entities, demonyms, affiliations }, k) => {
    const tokens = sentences[k]!.tokens;
    for (const e of entities) add(e.start, e.end, e.type);
    for (const d of demonyms) add(tokens[d.index]!.start, tokens[d.index]!.end, "Demonym");
    for (const a of affiliations) add(tokens[a.first]!.start, tokens[a.last - 1]!.end, "Affiliation");
  });
  return out.sort((a, b) => a.start - b.start);
}
