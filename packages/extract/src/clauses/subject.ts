/**
 * Finding the subject of a verb group by walking back over the chunks before
 * it: adverbs, time phrases and comma-bounded asides are skipped; a relative
 * pronoun points to its antecedent; a conjunction or a bare participle means
 * the subject is shared with the clause before.
 */
import type { Token } from "../nlp/index.ts";
import { isBe, type Chunk, kindAt } from "./chunk.ts";
import { CLAUSAL_PREPS, isTimeWordPhrase, phraseLeftOf } from "./phrases.ts";
import type { Span, SubjectVia } from "./types.ts";

export const TIME_WORDS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week", "month", "year", "night", "morning", "evening", "afternoon", "weekend", "summer", "winter", "spring", "autumn", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "days", "weeks", "months", "years"]);

/** Prepositions whose gerund takes the clause's subject ("before being appointed"), unlike "the idea of running". */
const GERUND_ADVERBIAL_PREPS = new Set(["by", "before", "after", "without", "while", "upon", "on", "since", "despite", "through", "besides", "when"]);

export type FoundSubject =
  | { via: "direct" | "relative"; conjuncts: Span[]; group: Span; objectFrom?: Span }
  /** resolved by the engine from the clause before (coordination, participles, infinitives) */
  | { via: "coordination" | "control" }
  /** resolved by the engine from the clause after: a fronted participle */
  | { via: "fronted" }
  | undefined;

/** A verb group that is a bare participle: "killing", "having returned", "born". */
export function isBareParticiple(tokens: Token[], verb: Span): boolean {
  const first = tokens[verb.first]!;
  if (first.pos === "AUX" && first.lower !== "having" && first.lower !== "being") return false;
  return /ing$/.test(first.lower) || (verb.last - verb.first === 1 && /(ed|en|wn|ne)$/.test(first.lower) && first.lower !== first.lemma);
}

const spanOf = (chunks: Chunk[], from: number, to: number): Span => ({ first: chunks[from]!.first, last: chunks[to]!.last });

/** Chunks that may stand right before a subject phrase: anything but a verb or a preposition taking it as object. */
function canPrecedeSubject(c: Chunk | undefined): boolean {
  return !c || (c.kind !== "VG" && c.kind !== "PREP" && c.kind !== "TO");
}

/** The antecedent of the relative pronoun at chunk r: the noun phrase before it, with its attachments. */
export function antecedentOf(chunks: Chunk[], r: number, tokens: Token[]): { group: Span; conjuncts: Span[]; start: number } | undefined {
  let j = r - 1;
  // "the `` triangle area , '' which": commas and closing quotes between
  while (kindAt(chunks, j) === "COMMA" || (kindAt(chunks, j) === "PUNCT" && /^["”']+$/.test(tokens[chunks[j]!.first]!.text))) j--;
  if (kindAt(chunks, j) !== "NP") return undefined;
  // people are named, not described by where they are: "the son by Muslims , who" is about Muslims
  const who = ["who", "whom"].includes(tokens[chunks[r]!.first]!.lower);
  const { start, conjuncts } = phraseLeftOf(chunks, j, tokens, who ? "of" : "all");
  // "X is an Australian footballer who plays ...": the relative clause is about X (not so for "were Kilmacud Crokes , who")
  const cop = chunks[start - 1];
  const indefinite = ["a", "an"].includes(tokens[chunks[start]!.first]!.lower);
  if (indefinite && cop?.kind === "VG" && kindAt(chunks, start - 2) === "NP" && tokens.slice(cop.first, cop.last).every((t) => isBe(t) || t.pos === "ADV")) {
    const subject = subjectPhrase(chunks, start - 2, tokens);
    return { group: subject.group, conjuncts: subject.conjuncts, start };
  }
  // "a talk between Frank Rijkaard and referee Anders Frisk, who later dismissed Didier Drogba": after a
  // list that is an object, "who" after a comma is the person just named, unless its verb agrees with more
  // than one ("who were", "who both"); a list that is a subject stays whole ("Bono, The Edge, Adam Clayton
  // and Larry Mullen Jr, who formed U2")
  const after = tokens[chunks[r]!.last];
  const objectList = kindAt(chunks, start - 1) === "PREP" || kindAt(chunks, start - 1) === "VG";
  if (who && objectList && conjuncts.length > 1 && kindAt(chunks, r - 1) === "COMMA" && !PLURAL_AFTER_WHO.has(after?.lower ?? "")) return { group: spanOf(chunks, start, j), conjuncts: conjuncts.slice(-1), start };
  return { group: spanOf(chunks, start, j), conjuncts, start };
}

/** Words right after "who" that make it more than one person: "Blair and Brown, who were". */
const PLURAL_AFTER_WHO = new Set(["were", "are", "have", "both", "all", "together", "each"]);

function subjectPhrase(chunks: Chunk[], k: number, tokens: Token[], anyPosition = false): { conjuncts: Span[]; group: Span } {
  const grown = phraseLeftOf(chunks, k, tokens);
  if (anyPosition) return { conjuncts: grown.conjuncts, group: spanOf(chunks, grown.start, k) };
  // "duties specified for freed slaves became": a participle phrase inside the subject
  // only through a preposition: "The issue included bonds priced" is a past tense, not a participle
  let q = grown.start - 1;
  if (kindAt(chunks, q) !== "PREP") return trimmed(chunks, k, grown);
  q--;
  const p = chunks[q];
  // ("A special concert, hosted by Eliza Carthy, will take place": a comma may open the participle phrase)
  const comma = kindAt(chunks, q - 1) === "COMMA" && kindAt(chunks, q - 2) === "NP" && /ed$/.test(tokens[p?.first ?? 0]?.lower ?? "") ? 1 : 0;
  if (p?.kind === "VG" && isBareParticiple(tokens, p) && kindAt(chunks, q - 1 - comma) === "NP") {
    const head = phraseLeftOf(chunks, q - 1 - comma, tokens);
    if (canPrecedeSubject(chunks[head.start - 1])) return { conjuncts: [spanOf(chunks, head.start, k)], group: spanOf(chunks, head.start, k) };
  }
  return trimmed(chunks, k, grown);
}

/** The grown subject phrase without the part that is someone else's object ("met Y and the workers were"). */
function trimmed(chunks: Chunk[], k: number, grown: { start: number; conjuncts: Span[] }): { conjuncts: Span[]; group: Span } {
  // grown into someone else's object ("met Y and the workers were"): drop the part that is not the subject
  let start = grown.start;
  while (start < k && !canPrecedeSubject(chunks[start - 1])) start += 2;
  if (start > k) start = k;
  const from = chunks[start]!.first;
  const conjuncts = grown.conjuncts.filter((s) => s.last > from).map((s) => ({ first: Math.max(s.first, from), last: s.last }));
  return { conjuncts, group: spanOf(chunks, start, k) };
}

/** When NP chunk k ends a relative clause ("who V ... NP"), that clause's antecedent. */
function relativeClauseBefore(chunks: Chunk[], k: number, tokens: Token[]): ReturnType<typeof antecedentOf> {
  const { start } = phraseLeftOf(chunks, k, tokens);
  let j = start - 1;
  while (kindAt(chunks, j) === "ADV") j--;
  if (kindAt(chunks, j) !== "VG") return undefined;
  j--;
  while (kindAt(chunks, j) === "ADV") j--;
  const rel = chunks[j];
  if (rel?.kind !== "REL" && !(rel?.kind === "SUB" && tokens[rel.first]!.lower === "that")) return undefined;
  // with a comma the clause is an aside, and the comma rule handles it
  if (kindAt(chunks, j - 1) === "COMMA") return undefined;
  return antecedentOf(chunks, j, tokens);
}

/** One step of the walk back from the verb: a subject found (or none), or the chunk to look at next. */
type Step = { found: FoundSubject } | { next: number };

/** The walk reached a noun phrase: usually the subject, unless it is a time phrase or a preposition's object. */
function atNounPhrase(chunks: Chunk[], k: number, tokens: Token[], verb: Span): Step {
  const c = chunks[k]!;
  // "with Australia facing South Africa in Durban": an absolute phrase, whose "-ing" verb is the phrase's own
  const absolute = kindAt(chunks, k - 1) === "PREP" && /^with(out)?$/.test(tokens[chunks[k - 1]!.first]!.lower) && k === chunks.findIndex((x) => x.first === verb.first) - 1 && /ing$/.test(tokens[verb.first]!.lower) && verb.last - verb.first === 1;
  if (absolute) return { found: { via: "direct", conjuncts: [spanOf(chunks, k, k)], group: spanOf(chunks, k, k) } };
  // "Mr Putin on Friday attended": skip a time phrase between subject and verb
  if (kindAt(chunks, k - 1) === "PREP" && kindAt(chunks, k - 2) === "NP" && isTimeWordPhrase(tokens, c, TIME_WORDS)) return { next: k - 2 };
  if (isTimeWordPhrase(tokens, c, TIME_WORDS) && kindAt(chunks, k - 1) === "NP" && c.last - c.first <= 2) return { next: k - 1 };
  // "... and in 2012 belonged to": a prepositional phrase after a conjunction is no subject
  if (kindAt(chunks, k - 1) === "PREP" && !CLAUSAL_PREPS.has(tokens[chunks[k - 1]!.first]!.lower) && (kindAt(chunks, k - 2) === "CONJ" || kindAt(chunks, k - 2) === "COMMA")) return { next: k - 2 };
  // "the match which Keibler lost": the antecedent is the object
  const before = chunks[k - 1];
  if (before?.kind === "REL" && tokens[before.first]!.lower !== "whose") {
    const ante = antecedentOf(chunks, k - 1, tokens);
    return { found: { via: "direct", conjuncts: [spanOf(chunks, k, k)], group: spanOf(chunks, k, k), ...(ante ? { objectFrom: ante.group } : {}) } };
  }
  // "some doctors who have conducted tests report ...": the phrase before is the relative clause's object
  const relative = relativeClauseBefore(chunks, k, tokens);
  if (relative) return { found: { via: "direct", conjuncts: relative.conjuncts, group: relative.group } };
  return { found: { via: "direct", ...subjectPhrase(chunks, k, tokens) } };
}

/** The nearest comma or sentence break at or before chunk `from`; `stop` when there is none. */
function commaOrBreakAtOrBefore(chunks: Chunk[], from: number, stop: number): number {
  let j = from;
  while (j > stop && chunks[j]!.kind !== "COMMA" && chunks[j]!.kind !== "BREAK") j--;
  return j;
}

/** The walk reached a comma: an aside to jump over, a participle's phrase, or a coordinated verb. */
function atComma(chunks: Chunk[], v: number, k: number, tokens: Token[], verb: Span): Step {
  const participle = isBareParticiple(tokens, verb);
  const gerund = participle && /ing$/.test(tokens[verb.first]!.lower);
  // "The first part , consisting of notes , was priced": with no clause before, it describes the phrase before the comma
  if (gerund && chunks.findIndex((x) => x.kind === "VG") >= k && kindAt(chunks, k - 1) === "NP") return { found: { via: "relative", ...subjectPhrase(chunks, k - 1, tokens) } };
  // "..., killing three": an "-ing" participle shares the subject of the clause before
  if (gerund) return { found: { via: "coordination" } };
  // "X, who has ..., has called", "X , at a severity of Y , occurred": jump back over the comma-bounded aside
  // ("Euronext, which combines the Paris, Amsterdam and Lisbon exchanges, began": a relative clause's
  // commas of a list are inside it, and the aside opens at the comma before "which")
  let j = commaOrBreakAtOrBefore(chunks, k - 1, -1);
  let r = j;
  while (r > 0 && chunks[r]!.kind === "COMMA" && kindAt(chunks, r + 1) === "NP") r = commaOrBreakAtOrBefore(chunks, r - 1, 0);
  if (r !== j && r > 0 && chunks[r]!.kind === "COMMA" && kindAt(chunks, r + 1) === "REL" && kindAt(chunks, r - 1) === "NP") j = r;
  if (j > 0 && chunks[j]!.kind === "COMMA" && chunks[j - 1]!.kind === "NP") {
    const inside = kindAt(chunks, j + 1);
    // an aside is a relative clause, an apposition, an adverbial or a participle phrase, not a list of verbs
    // (or a lone "though")
    const lone = k - j === 2 && inside === "SUB";
    if (lone || inside === "REL" || inside === "NP" || inside === "ADV" || inside === "PREP" || (inside === "VG" && isBareParticiple(tokens, chunks[j + 1]!))) return { next: j - 1 };
  }
  // "The University of Florida however , refused": an adverb set off by one comma
  if (kindAt(chunks, k - 1) === "ADV" && kindAt(chunks, k - 2) === "NP") return { next: k - 2 };
  // "its campaign , created by Ogilvy": an "-ed" participle describes the phrase before the comma
  // (not "..., carefully measured every surface": a past tense, with its object)
  if (participle && kindAt(chunks, k - 1) === "NP" && kindAt(chunks, v + 1) !== "NP") return { found: { via: "relative", ...subjectPhrase(chunks, k - 1, tokens, true) } };
  return { found: { via: "coordination" } };
}

/** The walk reached a bracket: jump over "( ... )", or read a participle inside it as describing the phrase before. */
function atBracket(chunks: Chunk[], k: number, tokens: Token[], verb: Span): Step {
  if (tokens[chunks[k]!.first]!.text === ")") {
    let j = k - 1;
    while (j >= 0 && !(chunks[j]!.kind === "PUNCT" && tokens[chunks[j]!.first]!.text === "(")) j--;
    return j > 0 ? { next: j - 1 } : { found: undefined };
  }
  if (isBareParticiple(tokens, verb) && kindAt(chunks, k - 1) === "NP") return { found: { via: "relative", ...subjectPhrase(chunks, k - 1, tokens, true) } };
  return { found: undefined };
}

const relativeSubject = (chunks: Chunk[], r: number, tokens: Token[], via: "direct" | "relative"): Step => {
  const ante = antecedentOf(chunks, r, tokens);
  return { found: ante ? { via, conjuncts: ante.conjuncts, group: ante.group } : undefined };
};

export function findSubject(chunks: Chunk[], v: number, tokens: Token[], verb: Span): FoundSubject {
  let k = v - 1;
  for (;;) {
    const c = chunks[k];
    if (!c) return isBareParticiple(tokens, verb) ? { via: "fronted" } : undefined;
    const text = tokens[c.first]!.text;
    let step: Step;
    if (c.kind === "ADV") step = { next: k - 1 };
    // "the `` art of doctoring '' does contribute": a closing quote right before the verb
    else if (c.kind === "PUNCT" && /^(''|"|”)$/.test(text) && k === v - 1 && chunks[k - 1]) step = { next: k - 1 };
    else if (c.kind === "NP") step = atNounPhrase(chunks, k, tokens, verb);
    else if (c.kind === "COMMA") step = atComma(chunks, v, k, tokens, verb);
    // "Mr Howard, whose parents fled ...": the parents fled, not Mr Howard; the clause's subject is no entity
    else if (c.kind === "REL" && text.toLowerCase() === "whose") step = { found: undefined };
    else if (c.kind === "REL" || (c.kind === "SUB" && text.toLowerCase() === "that")) step = relativeSubject(chunks, k, tokens, "relative");
    // "the painting that the museum bought was stolen": the main verb after an object relative
    else if (c.kind === "VG" && kindAt(chunks, k - 1) === "NP" && kindAt(chunks, k - 2) === "REL") step = relativeSubject(chunks, k - 2, tokens, "direct");
    else if (c.kind === "PUNCT" && (text === ")" || text === "(")) step = atBracket(chunks, k, tokens, verb);
    // "attended X and met Y": the verb shares the earlier clause's subject
    else if (c.kind === "CONJ") step = { found: { via: "coordination" } };
    // "relocated to Florida to become ...": an infinitive of purpose
    else if (c.kind === "TO") step = { found: { via: "control" } };
    // "Upon exiting the township, the creek enters ..."
    else if (c.kind === "PREP" && !chunks[k - 1] && isBareParticiple(tokens, verb)) step = { found: { via: "fronted" } };
    // "stayed a year before being appointed": the gerund's subject is the clause's
    else if (c.kind === "PREP" && GERUND_ADVERBIAL_PREPS.has(text.toLowerCase()) && /ing$/.test(tokens[verb.first]!.lower)) step = { found: { via: "control" } };
    else step = { found: undefined };
    if ("found" in step) return step.found;
    k = step.next;
  }
}
