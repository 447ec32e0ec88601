/**
 * Appositions: "Cashel Byron, a world champion prizefighter," states that
 * Cashel Byron is a world champion prizefighter. The sentence has no verb
 * for it, so these are kept apart from clauses; open IE prints them with "is".
 */
import type { Token } from "../nlp/index.ts";
import { kindAt, type Chunk } from "./chunk.ts";
import type { Span } from "./types.ts";

export interface Apposition {
  /** The thing described: "Cashel Byron". */
  subject: Span;
  /** What it is: "a world champion prizefighter". */
  description: Span;
}

const DETERMINERS = new Set(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your"]);

const tokensOf = (tokens: Token[], c: Chunk) => tokens.slice(c.first, c.last);
const isName = (tokens: Token[], c: Chunk) => tokensOf(tokens, c).some((t) => t.pos === "PROPN" || /^["`']/.test(t.text));
const isOnlyName = (tokens: Token[], c: Chunk) => tokensOf(tokens, c).every((t) => t.pos === "PROPN" || t.pos === "PUNCT" || t.pos === "NUM");
/** A description: "a world champion prizefighter", "advertising manager", "head". */
const isDescription = (tokens: Token[], c: Chunk) => DETERMINERS.has(tokens[c.first]!.lower) || tokensOf(tokens, c).some((t) => t.pos === "NOUN" && /^[a-z]/.test(t.text));

/** The phrase from NP chunk k over its attachments: "head of the Lehi terrorist group", "leader of the Cherusci and allies". */
function describedEnd(chunks: Chunk[], k: number): number {
  let end = k;
  for (;;) {
    if (kindAt(chunks, end + 1) === "PREP" && kindAt(chunks, end + 2) === "NP") end += 2;
    else if (kindAt(chunks, end + 1) === "CONJ" && kindAt(chunks, end + 2) === "NP" && kindAt(chunks, end + 3) !== "VG") end += 2;
    else return end;
  }
}

export function findAppositions(chunks: Chunk[], tokens: Token[]): Apposition[] {
  const out: Apposition[] = [];
  for (let k = 0; k + 2 < chunks.length; k++) {
    const first = chunks[k]!;
    if (first.kind !== "NP" || chunks[k + 1]!.kind !== "COMMA" || chunks[k + 2]!.kind !== "NP") continue;
    const second = chunks[k + 2]!;
    // a list ("A, B and C") or the second phrase already part of one
    if (kindAt(chunks, k - 1) === "CONJ" || (kindAt(chunks, k - 1) === "COMMA" && kindAt(chunks, k - 2) === "NP")) continue;
    const end = describedEnd(chunks, k + 2);
    const after = chunks[end + 1];
    // the second phrase must close: ", X ," / ", X ." — not "X , the Y said" (a new clause)
    if (after && after.kind !== "COMMA" && after.kind !== "BREAK" && after.kind !== "PUNCT" && after.kind !== "REL") continue;
    if (after?.kind === "COMMA" && (kindAt(chunks, end + 2) === "CONJ" || (kindAt(chunks, end + 2) === "NP" && kindAt(chunks, end + 3) !== "VG"))) continue;
    // "Lancaster , Pa.": places, not appositions
    if (isOnlyName(tokens, first) && isOnlyName(tokens, second)) continue;
    if (isName(tokens, first) && isDescription(tokens, second)) {
      out.push({ subject: { first: first.first, last: first.last }, description: { first: second.first, last: chunks[end]!.last } });
    }
  }
  return out;
}
