/**
 * Links clause arguments to entities and turns clauses into triples.
 * Confidence is graded from how each link was made, so that direct
 * subject–verb–object statements rank above pronoun or coordination guesses.
 */
import type { Token } from "../nlp/index.ts";
import type { Clause, Span } from "../clauses/engine.ts";
import { isSpeechVerb } from "../clauses/engine.ts";

export interface LinkedEntity {
  first: number;
  last: number;
  /** Index into the article's entity table. */
  ref: number;
  type: string;
}

export interface RawTriple {
  subject: LinkedEntity;
  object: LinkedEntity;
  predicate: string;
  surface: string;
  confidence: number;
  viaPronoun: boolean;
}

const PRONOUNS_PERSON = new Set(["he", "she", "him", "her"]);
const POSSESSIVE = /^['’]s?$/;

/** The entity an argument span refers to: an apposed person, else its last non-possessor entity. */
export function headEntity(tokens: Token[], span: Span, entities: LinkedEntity[]): LinkedEntity | undefined {
  // "Belarus's authoritarian president, Alexander Lukashenko,"
  if (tokens[span.last]?.text === ",") {
    const apposed = entities.find((e) => e.first === span.last + 1 && e.type === "Person");
    if (apposed && (tokens[apposed.last]?.text === "," || apposed.last >= tokens.length || tokens[apposed.last]?.pos === "PUNCT")) return apposed;
  }
  let best: LinkedEntity | undefined;
  for (const e of entities) {
    if (e.first < span.first || e.last > span.last) continue;
    if (POSSESSIVE.test(tokens[e.last]?.text ?? "") && e.last < span.last) continue;
    // stop at an "of"-phrase whose head is the entity before it: "the opening of the Winter Olympics" keeps the later one
    best = e;
  }
  return best;
}

function text(tokens: Token[], first: number, last: number): string {
  return tokens
    .slice(first, last)
    .map((t, k, a) => (k > 0 && t.start > a[k - 1]!.end ? " " : "") + t.text)
    .join("");
}

export function triplesFromClause(tokens: Token[], clause: Clause, entities: LinkedEntity[], resolvePronoun: (lower: string) => LinkedEntity | undefined): RawTriple[] {
  const out: RawTriple[] = [];
  let viaPronoun = false;
  let subject: LinkedEntity | undefined;
  // The antecedent may sit in an earlier sentence: the mention recorded is the pronoun here.
  const antecedent = (lower: string): LinkedEntity | undefined => {
    const found = resolvePronoun(lower);
    return found && { ...found, first: clause.subject.first, last: clause.subject.last };
  };
  if (clause.subject.last - clause.subject.first === 1 && PRONOUNS_PERSON.has(tokens[clause.subject.first]!.lower)) {
    subject = antecedent(tokens[clause.subject.first]!.lower);
    viaPronoun = true;
  } else {
    subject = headEntity(tokens, clause.subject, entities);
    // "The strongman has formed ...": a definite description of a person
    if (!subject && clause.subject.last - clause.subject.first === 2 && tokens[clause.subject.first]!.lower === "the" && /^(strongman|president|leader|chancellor|minister|premier)$/.test(tokens[clause.subject.first + 1]!.lower)) {
      subject = antecedent("he");
      viaPronoun = true;
    }
  }
  if (!subject) return out;

  const verbText = text(tokens, clause.verb.first, clause.verb.last);
  let base = 0.6;
  if (clause.subjectVia === "relative") base -= 0.05;
  if (clause.subjectVia === "coordination") base -= 0.08;
  if (viaPronoun) base -= 0.2;
  if (isSpeechVerb(clause.lemma)) base -= 0.15;
  if (clause.lemma === "be" || clause.lemma === "have") return out;
  const neg = clause.negated ? "not_" : "";

  const emit = (object: LinkedEntity | undefined, predicate: string, surface: string, penalty: number, agentFirst = false) => {
    if (!object || object.ref === subject!.ref) return;
    const typed = (subject!.type !== "Other" ? 0.1 : -0.1) + (object.type !== "Other" ? 0.1 : -0.1);
    const confidence = Math.max(0.05, Math.min(0.95, base + typed - penalty));
    const [s, o] = agentFirst ? [object, subject!] : [subject!, object];
    out.push({ subject: s, object: o, predicate, surface, confidence: Math.round(confidence * 100) / 100, viaPronoun });
  };

  const agent = clause.passive ? clause.preps.find((p) => tokens[p.prep.first]!.lower === "by") : undefined;
  if (agent) {
    // "X was attacked by Y" -> Y attack X
    emit(headEntity(tokens, agent.arg, entities), neg + clause.lemma, verbText + " by", 0.05, true);
    return out;
  }
  const objects = clause.objects.map((o) => headEntity(tokens, o, entities));
  objects.forEach((o) => emit(o, neg + clause.lemma, verbText, 0));
  const objectText = clause.objects[0] && !objects[0] ? " " + text(tokens, clause.objects[0].first, clause.objects[0].last) : "";
  for (const p of clause.preps) {
    const prep = tokens[p.prep.first]!.lower;
    if (prep === "by" || prep === "of") continue;
    emit(headEntity(tokens, p.arg, entities), `${neg}${clause.lemma}_${prep}`, `${verbText}${objectText} ${tokens[p.prep.first]!.text}`, 0.08);
  }
  return out;
}
