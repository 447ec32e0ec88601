/**
 * Reported speech placed before the verb of saying: "Most of the proposals
 * are in tourism , he said ." and the inverted "`` ... , '' says Trek 's
 * president". The quoted clause becomes the complement of "said".
 */
import type { Token } from "../nlp/index.ts";
import { kindAt, type Chunk } from "./chunk.ts";
import { restOfSentence, type ArgRegion } from "./args.ts";
import type { FoundSubject } from "./subject.ts";
import type { Span } from "./types.ts";

const spanOf = (chunks: Chunk[], from: number, to: number): Span => ({ first: chunks[from]!.first, last: chunks[to]!.last });
const isQuote = (tokens: Token[], c: Chunk | undefined) => !!c && c.kind === "PUNCT" && /^["“”'`]+$/.test(tokens[c.first]!.text);

/** The speech before chunk `k` (a comma, maybe with a closing quote), from the sentence start. */
function speechBefore(chunks: Chunk[], tokens: Token[], k: number): Span | undefined {
  let j = k - 1;
  if (isQuote(tokens, chunks[j])) j--;
  if (kindAt(chunks, j) !== "COMMA") {
    // '... ," says X': the comma sits inside the quotes
    if (!(isQuote(tokens, chunks[k - 1]) && kindAt(chunks, k - 2) === "COMMA")) return undefined;
    j = k - 2;
  }
  let from = 0;
  if (isQuote(tokens, chunks[from])) from++;
  let to = j - 1;
  if (isQuote(tokens, chunks[to])) to--;
  // speech is a clause: "In the first volume , X is explained" has none before its subject
  if (to - from < 1 || !chunks.slice(from, to + 1).some((c) => c.kind === "VG")) return undefined;
  return spanOf(chunks, from, to);
}

/** The chunk that starts at token `first` (chunks are in token order). */
function chunkStartingAt(chunks: Chunk[], first: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid]!.first < first) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the verb at chunk v comes right after the close of a quotation ('" ... ," wrote one reviewer'):
 * then its subject follows it, and a name inside the quotation is none of its parties.
 */
export function followsQuote(chunks: Chunk[], tokens: Token[], v: number): boolean {
  return (isQuote(tokens, chunks[v - 1]) && kindAt(chunks, v - 2) === "COMMA") || (kindAt(chunks, v - 1) === "COMMA" && isQuote(tokens, chunks[v - 2]));
}

/** "`` ... , '' says Trek 's president .": the subject follows the verb. */
function invertedSpeech(chunks: Chunk[], tokens: Token[], v: number): { subject: Span; speech: Span } | undefined {
  const speech = speechBefore(chunks, tokens, v);
  if (!speech || kindAt(chunks, v + 1) !== "NP") return undefined;
  const end = restOfSentence(chunks, v + 1);
  return { subject: spanOf(chunks, v + 1, end), speech };
}

/**
 * '" ... ," Kirsten Pfeifer from the Consumer Electronics Association, told the BBC': the speaker stands
 * between the quote and the verb, set off by commas, so no subject is found next to the verb. The speaker
 * is a noun phrase, maybe with one prepositional phrase, right after the quote.
 */
function speakerSetOff(chunks: Chunk[], tokens: Token[], v: number): { subject: Span; speech: Span } | undefined {
  if (kindAt(chunks, v - 1) !== "COMMA") return undefined;
  let k = v - 2;
  if (kindAt(chunks, k) === "NP" && kindAt(chunks, k - 1) === "PREP" && kindAt(chunks, k - 2) === "NP") k -= 2;
  if (kindAt(chunks, k) !== "NP" || !isQuote(tokens, chunks[k - 1])) return undefined;
  const speech = speechBefore(chunks, tokens, k);
  return speech ? { subject: spanOf(chunks, k, v - 2), speech } : undefined;
}

/**
 * For a verb of saying at chunk v with nothing said after it, the speech
 * before it becomes its complement: "..., he said ." or "..., '' says X ."
 */
export function reportedSpeech(chunks: Chunk[], tokens: Token[], v: number, found: FoundSubject, args: ArgRegion): { found: FoundSubject; args: ArgRegion } {
  if (found?.via === "direct") {
    if (args.objects.length) return { found, args };
    const speech = speechBefore(chunks, tokens, chunkStartingAt(chunks, found.group.first));
    return { found, args: speech ? { ...args, complement: { body: speech } } : args };
  }
  const setOff = speakerSetOff(chunks, tokens, v);
  if (setOff) return { found: { via: "direct", conjuncts: [setOff.subject], group: setOff.subject }, args: { ...args, complement: { body: setOff.speech } } };
  const inverted = invertedSpeech(chunks, tokens, v);
  if (!inverted) return { found, args };
  return {
    found: { via: "direct", conjuncts: [inverted.subject], group: inverted.subject },
    args: { objects: [], preps: [], complement: { body: inverted.speech }, extras: [], end: chunks.length - 1 },
  };
}
