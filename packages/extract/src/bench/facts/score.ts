/**
 * Scores triples against our gold fact set (gold/facts): a triple matches a
 * fact when it comes from the fact's sentence, its two entities are the
 * fact's (same mention, same name, or a surname of it), in the fact's
 * direction (either way for a symmetric relation), its predicate is the
 * fact's relation or one of the paraphrases the gold lists, and its polarity
 * is the fact's. Modality must agree too, except that stating a reported
 * claim as asserted (or the reverse) is only noted: what a researcher must
 * never read is a negated, denied, intended or hypothetical statement as a
 * plain fact.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../paths.ts";
import { readGoldArticle, sha256, type GoldArticle } from "../gold/articles.ts";
import type { Modality, Triple } from "../../types.ts";

type Range = [number, number];
export interface GoldFact {
  sentence: Range;
  subject: { mention: Range; name: Range };
  relation: string;
  also?: string[];
  object: { mention: Range; name: Range };
  symmetric?: boolean;
  polarity: "positive" | "negative";
  modality: Modality;
  source?: Range;
}
export interface FactsArticle extends GoldArticle {
  facts: GoldFact[];
}

export function loadFactsGold(): FactsArticle[] {
  const dir = join(repoRoot(), "gold", "facts", "annotations");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(dir, f), "utf8")) as { article: string; sha256: string; facts: GoldFact[] };
      const article = readGoldArticle(g.article);
      if (sha256(article.text) !== g.sha256) throw new Error(`gold/facts/annotations/${f}: ${g.article} changed since it was annotated (sha256 differs)`);
      return { ...article, facts: g.facts };
    });
}

const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];
const norm = (s: string) => s.toLowerCase().replace(/[’']s$/, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Does one end of a triple (its name and the mention in the evidence) name the fact's entity? */
function sameEntity(text: string, name: string, mention: Range | undefined, end: GoldFact["subject"]): boolean {
  if (mention && overlaps(mention, end.mention)) return true;
  const a = norm(name);
  const b = norm(text.slice(end.name[0], end.name[1]));
  const m = norm(text.slice(end.mention[0], end.mention[1]));
  if (!a) return false;
  if (a === b || a === m) return true;
  const wa = a.split(" ");
  const wb = b.split(" ");
  // a surname for the full name, or a name inside the longer name the article gives ("Microsoft" / "Microsoft Corp")
  return (wa.length === 1 && wb.includes(wa[0]!)) || (wb.length === 1 && wa.includes(wb[0]!)) || (wa.length > 1 && b.startsWith(a + " ")) || (wb.length > 1 && a.startsWith(b + " "));
}

export interface TripleView {
  triple: Triple;
  /** The fact it states, if any. */
  fact?: GoldFact;
  /** It names a fact's entities and relation, but with the wrong polarity or modality. */
  wrongMode?: GoldFact;
  /** Asserted for reported, or the reverse: counted right, listed. */
  modeNote?: boolean;
}

export interface ArticleScore {
  article: FactsArticle;
  triples: TripleView[];
  recalled: Set<GoldFact>;
}

function relationMatches(predicate: string, fact: GoldFact): boolean {
  return predicate === fact.relation || (fact.also ?? []).includes(predicate);
}

/** Scores one article's triples. */
export function scoreArticle(article: FactsArticle, triples: Triple[]): ArticleScore {
  const text = article.text;
  const recalled = new Set<GoldFact>();
  const views: TripleView[] = triples.map((t) => {
    const ev: Range = [t.evidence.start, t.evidence.end];
    const sm: Range | undefined = t.evidence.subject ? [t.evidence.subject.start, t.evidence.subject.end] : undefined;
    const om: Range | undefined = t.evidence.object ? [t.evidence.object.start, t.evidence.object.end] : undefined;
    let wrongMode: GoldFact | undefined;
    for (const f of article.facts) {
      if (!overlaps(ev, f.sentence) || !relationMatches(t.predicate, f)) continue;
      const forward = sameEntity(text, t.subject.name, sm, f.subject) && sameEntity(text, t.object.name, om, f.object);
      const backward = !!f.symmetric && sameEntity(text, t.subject.name, sm, f.object) && sameEntity(text, t.object.name, om, f.subject);
      if (!forward && !backward) continue;
      const polarity = t.polarity ?? "positive";
      const modality = t.modality ?? "asserted";
      const loose = (m: string) => (m === "reported" ? "asserted" : m);
      if (polarity === f.polarity && loose(modality) === loose(f.modality)) {
        recalled.add(f);
        return { triple: t, fact: f, modeNote: modality !== f.modality };
      }
      wrongMode = f;
    }
    return { triple: t, wrongMode };
  });
  return { article, triples: views, recalled };
}

export interface Totals {
  facts: number;
  recalled: number;
  triples: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /** Triples that state a negated, denied, intended or hypothetical fact as something else. */
  wrongMode: number;
}

export function totals(scores: ArticleScore[]): Totals {
  let facts = 0, recalled = 0, triples = 0, correct = 0, wrongMode = 0;
  for (const s of scores) {
    facts += s.article.facts.length;
    recalled += s.recalled.size;
    triples += s.triples.length;
    correct += s.triples.filter((v) => v.fact).length;
    wrongMode += s.triples.filter((v) => v.wrongMode && !v.fact).length;
  }
  const precision = triples ? correct / triples : 0;
  const recall = facts ? recalled / facts : 0;
  return { facts, recalled, triples, correct, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, wrongMode };
}
