/**
 * Noun-phrase spans over chunks: coordination lists ("Poland, Lithuania and
 * Latvia"), "of"-phrases ("the capital of Belarus") and, leftwards from a
 * subject, prepositional attachments ("Competition in the sale of bikes").
 */
import type { Token } from "../nlp/index.ts";
import { kindAt, type Chunk } from "./chunk.ts";
import type { Span } from "./types.ts";

export const NOMINATIVE = new Set(["i", "he", "she", "we", "they"]);
/** Prepositions that also open clauses ("until he switched"): never part of a subject phrase. */
export const CLAUSAL_PREPS = new Set(["until", "after", "before", "since", "as", "because", "while", "although", "though", "if", "unless", "upon", "like", "than"]);

const word = (tokens: Token[], c: Chunk | undefined) => (c ? tokens[c.first]!.lower : "");

/**
 * Extends an NP over "of"-phrases so that "pressure on airlines" stays separate but "the capital of Belarus" is one argument.
 * A name followed by "of" and an "-ing" word is not extended: "accused Tony Blair of misleading voters" charges Blair with
 * something; the gerund is no part of his name.
 */
export function argumentEnd(chunks: Chunk[], k: number, tokens: Token[]): number {
  let end = k;
  while (kindAt(chunks, end + 1) === "PREP" && word(tokens, chunks[end + 1]) === "of" && kindAt(chunks, end + 2) === "NP") {
    const last = tokens[chunks[end]!.last - 1]!;
    const after = tokens[chunks[end + 2]!.first]!;
    if ((last.pos === "PROPN" || last.pos === "PRON") && /ing$/.test(after.lower) && after.pos !== "PROPN") break;
    end += 2;
  }
  return end;
}

/** Coordinated noun phrases from chunk k: "Poland and Germany", "Poland, Lithuania and Latvia". Returns the spans and the last chunk used. */
export function coordinatedNPs(chunks: Chunk[], k: number, tokens: Token[]): { spans: Span[]; end: number } {
  const spans: Span[] = [];
  let end = argumentEnd(chunks, k, tokens);
  spans.push({ first: chunks[k]!.first, last: chunks[end]!.last });
  for (;;) {
    const a = chunks[end + 1];
    const b = chunks[end + 2];
    const c = chunks[end + 3];
    // ", NP" followed by more of the list, or "and NP" not followed by a verb (which would be a new clause)
    if (a && (a.kind === "CONJ" || a.kind === "COMMA") && b?.kind === "NP" && c?.kind !== "VG") {
      // a comma continues the list only if an "and NP" closes it further on (looked for within a bound, to stay linear)
      if (a.kind === "COMMA" && !chunks.slice(end + 2, end + 60).some((x, n) => x.kind === "CONJ" && kindAt(chunks, end + 2 + n + 1) === "NP")) break;
      if (a.kind === "COMMA" && chunks.slice(end + 2, end + 8).some((x) => x.kind === "VG" || x.kind === "REL")) break;
      if (a.kind === "CONJ" && !["and", "or"].includes(word(tokens, a))) break;
      const e = argumentEnd(chunks, end + 2, tokens);
      spans.push({ first: b.first, last: chunks[e]!.last });
      end = e;
      continue;
    }
    if (a?.kind === "COMMA" && b?.kind === "CONJ" && ["and", "or"].includes(word(tokens, b)) && c?.kind === "NP" && kindAt(chunks, end + 4) !== "VG") {
      const e = argumentEnd(chunks, end + 3, tokens);
      spans.push({ first: c.first, last: chunks[e]!.last });
      end = e;
      continue;
    }
    break;
  }
  return { spans, end };
}

export function isTimeWordPhrase(tokens: Token[], c: Chunk, timeWords: Set<string>): boolean {
  for (let k = c.first; k < c.last; k++) if (timeWords.has(tokens[k]!.lower) || /^(1[0-9]|20)\d\d$/.test(tokens[k]!.text)) return true;
  return false;
}

/**
 * The phrase ending in NP chunk k, grown leftwards over coordination ("Mr Putin
 * and Mr Xi") and prepositional attachments ("the head of the agency"). Returns
 * the first chunk of the phrase and its conjuncts.
 */
export function phraseLeftOf(chunks: Chunk[], k: number, tokens: Token[], attachments: "all" | "of" = "all"): { start: number; conjuncts: Span[] } {
  let start = k;
  let conjuncts: Span[] = [{ first: chunks[k]!.first, last: chunks[k]!.last }];
  let sawConjunction = false;
  // a nominative pronoun is a whole subject: "until he switched"
  if (chunks[k]!.last - chunks[k]!.first === 1 && NOMINATIVE.has(tokens[chunks[k]!.first]!.lower)) return { start, conjuncts };
  for (;;) {
    const p = chunks[start - 1];
    const np = chunks[start - 2];
    if (np?.kind !== "NP" || !p) break;
    if (p.kind === "CONJ" && ["and", "or"].includes(word(tokens, p))) {
      sawConjunction = true;
      conjuncts.unshift({ first: np.first, last: np.last });
      start -= 2;
      continue;
    }
    if (p.kind === "COMMA" && sawConjunction) {
      // "Poland, Lithuania and Latvia": a list item before the "and"
      conjuncts.unshift({ first: np.first, last: np.last });
      start -= 2;
      continue;
    }
    if (p.kind === "PREP" && !CLAUSAL_PREPS.has(word(tokens, p)) && (attachments === "all" || word(tokens, p) === "of")) {
      // the attachment belongs to the phrase before it: one conjunct grows
      const merged = { first: np.first, last: conjuncts[0]!.last };
      conjuncts = [merged, ...conjuncts.slice(1)];
      start -= 2;
      continue;
    }
    break;
  }
  return { start, conjuncts };
}
