/**
 * Graded confidence for open-IE tuples. CaRB picks the best F1 over
 * confidence thresholds, so what matters is the ranking: complete clauses
 * with a directly found subject first; guesses last — subjects borrowed by
 * infinitives and participles, "-ing" modifiers (often tagger noise), tuples
 * with nothing after the relation, very long subjects.
 */
import type { Token } from "../nlp/index.ts";
import type { Clause } from "../clauses/types.ts";
import type { TupleSpans } from "./render.ts";

const VIA_SCORE: Record<Clause["subjectVia"], number> = { direct: 0, coordination: 0.02, relative: -0.06, control: -0.15, fronted: -0.2, "passive-agent": 0 };

const width = (s: { first: number; last: number }[]) => s.reduce((n, x) => n + x.last - x.first, 0);

/** A verb group that is a lone "-ing" form: "the two having a match", "each club reserving". */
function isBareGerund(tokens: Token[], c: Clause): boolean {
  const v = tokens[c.verb.first]!;
  return v.pos !== "AUX" && /ing$/.test(v.lower);
}

export function clauseConfidence(tokens: Token[], c: Clause, t: TupleSpans): number {
  let conf = 0.6 + VIA_SCORE[c.subjectVia];
  if (isBareGerund(tokens, c)) conf -= 0.15;
  if (c.passive) conf += 0.04;
  if (c.complement) conf += 0.05;
  if (c.objectViaRelative) conf -= 0.05;
  // reported clauses ("said that X did Y") are rarely stated as facts of their own
  if (c.embedded) conf -= 0.15;
  const args = width(t.arg2 ?? []) + width(t.rest);
  if (!t.arg2) conf -= 0.4;
  else if (args < 4) conf -= 0.05;
  else if (args <= 12) conf += 0.03;
  const a1 = t.arg1.last - t.arg1.first;
  if (a1 >= 8) conf -= 0.08;
  if (a1 === 1 && tokens[t.arg1.first]!.pos === "PRON") conf -= 0.02;
  return Math.max(0.01, Math.min(0.99, conf));
}

/** Appositions ("Cashel Byron , a world champion prizefighter ,") rarely mislead. */
export const APPOSITION_CONFIDENCE = 0.62;
