/**
 * One document, one type per name. A sentence alone often cannot tell
 * "Budjana" or "the Falcons" apart from any capitalised word; the document
 * usually can: "I Dewa Gede Budjana" earlier makes a later bare "Budjana" a
 * person, "Bowling Green Falcons" makes "the Falcons" an organisation, and a
 * name typed with a strong cue once keeps that type wherever the cue is
 * missing. Only weak guesses are changed; gazetteer and cue-word types stand.
 */
import type { EntityType } from "../types.ts";
import type { EntitySpan } from "./recognize.ts";
import { FIRST_NAMES, ORG_WORDS } from "./gazetteer.ts";

/** Below this a span's type is a guess the document may overrule. */
const WEAK = 0.7;
/** At or above this a span's type teaches the rest of the document. */
const STRONG = 0.7;

const key = (words: string[]) => words.join(" ");

/**
 * Harmonises types across the sentences of one document, in place.
 * `sentences` holds each sentence's spans, in document order.
 */
export function harmoniseDocument(sentences: EntitySpan[][]): void {
  const all = sentences.flat();
  const strong = new Map<string, { type: EntityType; conf: number }>();
  const personWords = new Set<string>();
  const personNames = new Set<string>();
  const orgTails = new Map<string, number>();

  for (const e of all) {
    const k = key(e.words);
    if (e.typeConfidence >= STRONG && e.type !== "Other") {
      const seen = strong.get(k);
      if (!seen || e.typeConfidence > seen.conf) strong.set(k, { type: e.type, conf: e.typeConfidence });
    }
    if (e.type === "Person" && (e.typeConfidence >= 0.6 || (e.typeConfidence >= 0.5 && e.words.length > 1 && FIRST_NAMES.has(e.words[0]!)))) {
      if (e.words.length > 1 || e.title) {
        personNames.add(k);
        for (const w of e.words) if (w.length > 2 && /^\p{Lu}/u.test(w) && !/\.$/.test(w)) personWords.add(w);
      }
    }
    if (e.type === "Organization" && e.typeConfidence >= STRONG && e.words.length > 1) {
      const tail = e.words[e.words.length - 1]!;
      if (!ORG_WORDS.has(tail.toLowerCase()) || /s$/.test(tail)) orgTails.set(tail, (orgTails.get(tail) ?? 0) + 1);
    }
  }

  for (const e of all) {
    if (e.typeConfidence >= 0.85 || e.type === "Equipment") continue;
    const k = key(e.words);
    const known = strong.get(k);
    if (known && known.type !== e.type && e.typeConfidence < WEAK) {
      e.type = known.type;
      e.typeConfidence = Math.max(e.typeConfidence, 0.7);
      continue;
    }
    if (known && e.typeConfidence >= WEAK) continue;
    // "Budjana" after "I Dewa Gede Budjana"; "Dewa Budjana" too.
    if (e.type !== "Person" && e.words.every((w) => personWords.has(w) || /^\p{Lu}\.?$/u.test(w)) && !ORG_WORDS.has(e.words[e.words.length - 1]!.toLowerCase())) {
      e.type = "Person";
      e.typeConfidence = 0.75;
      continue;
    }
    if (e.type !== "Organization" && e.typeConfidence < WEAK && e.words.length === 1 && orgTails.has(e.words[0]!)) {
      e.type = "Organization";
      e.typeConfidence = 0.65;
    }
  }
}
