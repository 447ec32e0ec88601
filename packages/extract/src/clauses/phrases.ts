/**
 * Noun-phrase spans over chunks: coordination lists ("Poland, Lithuania and
 * Latvia"), "of"-phrases ("the capital of Belarus") and, leftwards from a
 * subject, prepositional attachments ("Competition in the sale of bikes").
 */
import type { Token } from "../nlp/index.ts";
import { kindAt, type Chunk } from "./chunk.ts";
import type { Span } from "./types.ts";

export const NOMINATIVE = new Set(["i", "he", "she", "we", "they"]);
/** Nouns that count the names after "of": "the pair of Flamini and Fabregas". */
const GROUP_NOUNS = new Set(["pair", "duo", "trio", "quartet", "couple", "both", "likes", "partnership", "combination"]);

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
  let attached = false;
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
    // ("countries such as Japan and Sweden": "such as" attaches a list of examples)
    const w = word(tokens, p);
    const suchAs = w === "as" && tokens[np.last - 1]?.lower === "such";
    if (p.kind === "PREP" && (!CLAUSAL_PREPS.has(w) || suchAs) && (attachments === "all" || w === "of")) {
      // the attachment belongs to the phrase before it: one conjunct grows. A list of bare names right after
      // the preposition is all its object ("fans of Chelsea and Arsenal attacked": neither club attacked),
      // unless a conjunct has an attachment of its own ("the president of France and the prime minister of
      // Italy met"), the noun before counts them ("the pair of Flamini and Fabregas will line up"), or the
      // list gives examples of the subject ("stars including Spike Lee and Burt Reynolds paid tribute") and
      // not of a noun inside a phrase of it ("waste from countries such as Japan and Sweden will be stored")
      const examples = suchAs || w === "including" || w === "like";
      const nested = kindAt(chunks, start - 3) === "PREP" && !CLAUSAL_PREPS.has(word(tokens, chunks[start - 3]!));
      const counted = w === "of" && GROUP_NOUNS.has(tokens[np.last - 1]!.lower);
      const collapse = sawConjunction && !attached && (examples ? nested : !counted);
      conjuncts = collapse ? [{ first: np.first, last: conjuncts[conjuncts.length - 1]!.last }] : [{ first: np.first, last: conjuncts[0]!.last }, ...conjuncts.slice(1)];
      attached = true;
      start -= 2;
      continue;
    }
    break;
  }
  return { start, conjuncts };
}
