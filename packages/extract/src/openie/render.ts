/**
 * Clauses to open-IE tuples in CaRB's conventions: the relation is the verb
 * group, plus "that" before a complement, plus the first preposition when
 * there is no direct object ("taught at"); arg1 is the subject; arg2 the
 * object, complement or prepositional object; further arguments hold the
 * rest of the clause and the sentence's scene-setting adjunct.
 */
import type { Token } from "../nlp/index.ts";
import type { Clause, Span } from "../clauses/types.ts";
import type { Apposition } from "../clauses/apposition.ts";

/** A tuple as token spans of the tagged sentence; `implicit` is a relation word the sentence lacks. */
export interface TupleSpans {
  relation: Span[];
  implicit?: string;
  arg1: Span;
  arg2?: Span[];
  rest: Span[];
}

const isPrep = (t: Token) => t.pos === "ADP" || t.pos === "SCONJ" || t.lower === "to";

/** One tuple per object (coordinated objects are distributed), else one. */
export function tuplesOfClause(tokens: Token[], c: Clause): TupleSpans[] {
  const arg1 = c.subjectGroup;
  const adjuncts = c.adjuncts;
  if (c.complement) {
    const relation = c.complement.marker ? [c.verb, c.complement.marker] : [c.verb];
    return [{ relation, arg1, arg2: [c.complement.body], rest: [...c.extras, ...adjuncts] }];
  }
  if (c.objects.length) {
    return c.objects.map((o) => ({ relation: [c.verb], arg1, arg2: [o], rest: [...c.extras.filter((e) => e.last <= o.first || e.first >= o.last), ...adjuncts] }));
  }
  // no object: the preposition of a phrase right after the verb joins the relation ("taught at"),
  // with any adverbs between ("worry more about")
  let k = 0;
  while (k < c.extras.length && tokens[c.extras[k]!.first]!.pos === "ADV" && c.extras[k]!.last - c.extras[k]!.first === 1) k++;
  const pp = c.extras[k];
  const adjacent = pp && (k === 0 ? pp.first === c.verb.last : pp.first === c.extras[k - 1]!.last);
  if (pp && adjacent && isPrep(tokens[pp.first]!)) {
    const rest = c.extras.slice(k + 1);
    return [{ relation: [c.verb, ...c.extras.slice(0, k), { first: pp.first, last: pp.first + 1 }], arg1, arg2: [{ first: pp.first + 1, last: pp.last }], rest: [...rest, ...adjuncts] }];
  }
  return [{ relation: [c.verb], arg1, ...(c.extras.length ? { arg2: c.extras } : {}), rest: adjuncts }];
}

export function tupleOfApposition(a: Apposition): TupleSpans {
  return { relation: [], implicit: "is", arg1: a.subject, arg2: [a.description], rest: [] };
}
