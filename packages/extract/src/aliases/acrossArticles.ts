/**
 * Alias resolution across articles, after all articles are read:
 * - "Putin" in one article and "Vladimir Putin" in another are one node when the corpus names exactly one
 *   person with that surname; a surname two different people share is left alone.
 *   A surname with its particle ("De Vries" for "Pieter de Vries") counts as one, whatever its case.
 * - An acronym one article defines ("North Sea Maritime Authority (NSMA)") names the same thing in the
 *   articles that only use it, when the corpus defines it one way.
 * - A name whose type one article only guessed takes the type the corpus gives it most surely: "Yukos"
 *   guessed a person where it "said" something and named a company elsewhere is one node, not two.
 */
import type { ArticleExtraction, EntityRef, EntityType } from "../types.ts";
import { entityId } from "./ids.ts";

/** Below this an entity's type is a guess from the words around it, which the rest of the corpus may overrule. */
const GUESS_BELOW = 0.75;

/**
 * The extractions of a corpus with names resolved across its articles (see the top of this file): entity
 * refs and ids rewritten, the input left as it is. Run it on all the articles before buildGraph.
 */
export function resolveAcrossArticles(extractions: ArticleExtraction[]): ArticleExtraction[] {
  return unifyGuessedTypes(resolveAcronyms(resolveSurnames(extractions)));
}

/** Particles that belong to a surname: "de Vries", "van Persie", "von Trapp". */
const PARTICLES = new Set(["de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ter", "ten", "al", "el", "bin", "ibn"]);

/** The surname a full name is known by, with its particle, in lower case: "Pieter de Vries" -> "de vries". */
function surnameKey(name: string): string {
  const words = name.split(" ");
  const last = words.length - 1;
  if (words.length >= 3 && PARTICLES.has(words[last - 1]!.toLowerCase())) return `${words[last - 1]} ${words[last]}`.toLowerCase();
  return words[last]!.toLowerCase();
}

/** A bare surname as it stands alone, in lower case ("De Vries" -> "de vries"), or undefined for a longer name. */
function bareSurname(name: string): string | undefined {
  const words = name.split(" ");
  if (words.length === 1) return name.toLowerCase();
  if (words.length === 2 && PARTICLES.has(words[0]!.toLowerCase())) return name.toLowerCase();
  return undefined;
}

function resolveSurnames(extractions: ArticleExtraction[]): ArticleExtraction[] {
  const fullNames = new Map<string, Set<string>>(); // surname -> full names
  for (const { article } of extractions) {
    for (const e of article.entities) {
      if (e.type !== "Person" || !e.name.includes(" ")) continue;
      const surname = surnameKey(e.name);
      if (!fullNames.has(surname)) fullNames.set(surname, new Set());
      fullNames.get(surname)!.add(e.name);
    }
  }
  const rename = new Map<string, EntityRef>(); // old id -> new ref
  for (const { article } of extractions) {
    for (const e of article.entities) {
      const bare = bareSurname(e.name);
      if (!bare || (e.type !== "Person" && e.type !== "Other")) continue;
      // a one-word name is matched as written ("Brown", not "brown"); a surname with its particle in any case
      if (!e.name.includes(" ") && e.name[0] !== e.name[0]!.toUpperCase()) continue;
      const candidates = fullNames.get(bare);
      if (candidates?.size !== 1) continue;
      const name = [...candidates][0]!;
      rename.set(e.id, { id: entityId("Person", name), name, type: "Person" });
    }
  }
  return renameEntities(extractions, rename);
}

const ACRONYM = /^[A-Z][A-Z&]{1,6}$/;

function resolveAcronyms(extractions: ArticleExtraction[]): ArticleExtraction[] {
  const defined = new Map<string, Map<string, EntityRef>>(); // acronym -> the entities it is an alias of
  for (const { article } of extractions) {
    for (const e of article.entities) {
      if (!e.name.includes(" ")) continue;
      for (const alias of e.aliases ?? []) {
        if (!ACRONYM.test(alias)) continue;
        if (!defined.has(alias)) defined.set(alias, new Map());
        defined.get(alias)!.set(e.id, { id: e.id, name: e.name, type: e.type });
      }
    }
  }
  const rename = new Map<string, EntityRef>();
  for (const { article } of extractions) {
    for (const e of article.entities) {
      const meant = ACRONYM.test(e.name) ? defined.get(e.name) : undefined;
      if (meant?.size === 1) rename.set(e.id, [...meant.values()][0]!);
    }
  }
  return renameEntities(extractions, rename);
}

/**
 * How much an entity's type counts in the corpus vote: its confidence, except that a one-word name only
 * guessed a person ("Yukos said", "Microsoft has") counts a quarter. News names people in full; a bare
 * word that the corpus never names so (resolveSurnames ran first) is seldom a person.
 */
function typeWeight(e: EntityRef): number {
  const confidence = e.typeConfidence ?? 0.5;
  return e.type === "Person" && confidence < GUESS_BELOW && !e.name.includes(" ") ? confidence / 4 : confidence;
}

/**
 * Each type a name has in the corpus gets a weight: how sure each article was, times how often it mentions
 * the name. Entities whose type was a guess take the heaviest type; sure types are never changed, so a
 * country and a person who share a name ("Jordan") stay two nodes.
 */
function unifyGuessedTypes(extractions: ArticleExtraction[]): ArticleExtraction[] {
  const weights = new Map<string, Map<EntityType, number>>(); // name -> type -> weight
  for (const { article } of extractions) {
    for (const e of article.entities) {
      const byType = weights.get(e.name) ?? new Map<EntityType, number>();
      weights.set(e.name, byType);
      byType.set(e.type, (byType.get(e.type) ?? 0) + typeWeight(e) * (article.mentions[e.id] ?? 1));
    }
  }
  // The heaviest type of each name with several; ties go to the first in a fixed order, so the result does
  // not depend on the order of the articles.
  const heaviest = new Map<string, EntityType>();
  for (const [name, byType] of weights) if (byType.size > 1) heaviest.set(name, [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  const rename = new Map<string, EntityRef>();
  for (const { article } of extractions) {
    for (const e of article.entities) {
      const type = heaviest.get(e.name);
      if (type && type !== e.type && (e.typeConfidence ?? 0.5) < GUESS_BELOW) rename.set(e.id, { id: entityId(type, e.name), name: e.name, type });
    }
  }
  return renameEntities(extractions, rename);
}

/** Applies old id -> new ref to every article's mentions, entities and triples; aliases of merged entities are pooled. */
function renameEntities(extractions: ArticleExtraction[], rename: Map<string, EntityRef>): ArticleExtraction[] {
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
      if (seen) {
        seen.aliases = [...new Set([...(seen.aliases ?? []), ...(e.aliases ?? [])])];
        seen.typeConfidence = Math.max(seen.typeConfidence ?? 0, e.typeConfidence ?? 0);
      } else entities.set(s.id, { ...s, aliases: [...(e.aliases ?? [e.name])] });
    }
    return {
      article: { ...article, mentions, entities: [...entities.values()] },
      triples: triples.map((t) => ({ ...t, subject: swap(t.subject), object: swap(t.object) })).filter((t) => t.subject.id !== t.object.id),
    };
  });
}
