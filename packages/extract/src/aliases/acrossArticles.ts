/**
 * Alias resolution across articles: "Putin" in one article and
 * "Vladimir Putin" in another are one node when the corpus names exactly
 * one person with that surname. Runs over whole extractions, after all
 * articles are read; a surname two different people share is left alone.
 */
import type { ArticleExtraction, EntityRef } from "../types.ts";
import { entityId } from "./ids.ts";

export function resolveAcrossArticles(extractions: ArticleExtraction[]): ArticleExtraction[] {
  const fullNames = new Map<string, Set<string>>(); // surname -> full names
  for (const { article } of extractions) {
    for (const e of article.entities) {
      if (e.type !== "Person" || !e.name.includes(" ")) continue;
      const surname = e.name.split(" ").at(-1)!;
      if (!fullNames.has(surname)) fullNames.set(surname, new Set());
      fullNames.get(surname)!.add(e.name);
    }
  }
  const rename = new Map<string, EntityRef>(); // old id -> new ref
  for (const { article } of extractions) {
    for (const e of article.entities) {
      if (e.name.includes(" ") || (e.type !== "Person" && e.type !== "Other")) continue;
      const candidates = fullNames.get(e.name);
      if (candidates?.size !== 1) continue;
      const name = [...candidates][0]!;
      rename.set(e.id, { id: entityId("Person", name), name, type: "Person" });
    }
  }
  if (rename.size === 0) return extractions;
  const swap = (r: EntityRef): EntityRef => {
    const to = rename.get(r.id);
    return to ? { ...r, id: to.id, name: to.name, type: to.type } : r;
  };
  return extractions.map(({ article, triples }) => {
    const mentions: Record<string, number> = {};
    for (const [id, n] of Object.entries(article.mentions)) {
      const to = rename.get(id)?.id ?? id;
      mentions[to] = (mentions[to] ?? 0) + n;
    }
    const entities = new Map<string, EntityRef>();
    for (const e of article.entities) {
      const s = swap(e);
      const seen = entities.get(s.id);
      if (seen) seen.aliases = [...new Set([...(seen.aliases ?? []), ...(e.aliases ?? [])])];
      else entities.set(s.id, { ...s, aliases: [...(e.aliases ?? [e.name])] });
    }
    return {
      article: { ...article, mentions, entities: [...entities.values()] },
      triples: triples.map((t) => ({ ...t, subject: swap(t.subject), object: swap(t.object) })).filter((t) => t.subject.id !== t.object.id),
    };
  });
}
