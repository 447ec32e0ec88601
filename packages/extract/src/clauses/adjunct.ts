/**
 * Scene-setting phrases at the start of a sentence ("In 1941 ,", "On 12 July
 * 2006 ,", "After a short absence Keibler began"): they scope over the
 * clauses that follow, so open IE adds them as an argument of each.
 */
import type { Token } from "../nlp/index.ts";
import { kindAt, type Chunk } from "./chunk.ts";
import { isTimeWordPhrase } from "./phrases.ts";
import { TIME_WORDS } from "./subject.ts";
import type { Span } from "./types.ts";

const TIME_ADVERBS = new Set(["later", "then", "now", "recently", "previously", "subsequently", "eventually", "finally", "initially", "originally", "currently", "today", "yesterday", "formerly", "earlier", "afterwards", "meanwhile", "soon", "once", "traditionally", "historically"]);

/** The leading adjunct of a sentence, if it has one. */
export function findAdjunct(chunks: Chunk[], tokens: Token[]): Span | undefined {
  let k = 0;
  let phrases = 0;
  for (;;) {
    const c = chunks[k];
    if (c?.kind === "ADV") {
      // "Later , it carried ...": adverbs of time set the scene, "However" does not
      if (TIME_ADVERBS.has(tokens[c.first]!.lower)) phrases++;
      k++;
      continue;
    }
    if (c?.kind === "PREP") {
      let n = k + 1;
      while (kindAt(chunks, n) === "ADV" || kindAt(chunks, n) === "PREP") n++;
      if (kindAt(chunks, n) !== "NP") return undefined;
      k = n + 1;
      // "On April 13 , 1987 ,": the year after a comma is part of the date
      if (kindAt(chunks, k) === "COMMA" && kindAt(chunks, k + 1) === "NP" && chunks[k + 1]!.last - chunks[k + 1]!.first === 1 && /^\d{4}$/.test(tokens[chunks[k + 1]!.first]!.text)) k += 2;
      phrases++;
      continue;
    }
    // "Earlier this year ,", "Last week ,"
    if (c?.kind === "NP" && isTimeWordPhrase(tokens, c, TIME_WORDS) && kindAt(chunks, k + 1) === "COMMA") {
      k++;
      phrases++;
      continue;
    }
    break;
  }
  // a lone "However ," sets no scene
  if (phrases === 0) return undefined;
  const after = chunks[k];
  // ", the subject ..." or the subject straight away: "In 1717 Lady Mary observed"
  if (after?.kind === "COMMA" || (after?.kind === "NP" && kindAt(chunks, k + 1) === "VG")) {
    return { first: chunks[0]!.first, last: chunks[k - 1]!.last };
  }
  return undefined;
}
