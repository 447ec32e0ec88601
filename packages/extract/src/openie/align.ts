/**
 * CaRB input is Penn-Treebank tokenised (`-LRB-`, `''`, `'s`) and its scorer
 * compares tokens exactly, so extractions must be printed with the sentence's
 * own tokens. The tagger reads a detokenised copy; every tagger token is mapped
 * back to the input tokens it overlaps, by character offset.
 */
import type { Token } from "../nlp/index.ts";
import type { Span } from "../clauses/types.ts";

// Maps, not object literals: a token such as "constructor" must not find Object.prototype's.
const PTB = new Map(Object.entries({ "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"' }));

export interface Aligned {
  /** The text the tagger reads. */
  text: string;
  /** The input tokens. */
  original: string[];
  /** For each character of `text`, the input token it belongs to (-1 for the spaces between). */
  owner: Int32Array;
}

/** Turns a tokenised sentence back into text a tagger reads well. */
export function detokenise(tokenised: string): string {
  return tokenised
    .split(" ")
    .map((t) => PTB.get(t) ?? t)
    .join(" ");
}

export function align(tokenised: string): Aligned {
  const original = tokenised.split(" ");
  const pieces = original.map((t) => PTB.get(t) ?? t);
  const text = pieces.join(" ");
  const owner = new Int32Array(text.length).fill(-1);
  let at = 0;
  pieces.forEach((p, i) => {
    owner.fill(i, at, at + p.length);
    at += p.length + 1;
  });
  return { text, original, owner };
}

/** The input-token range [from, to) that tagger tokens `span` cover. */
export function originalRange(a: Aligned, tokens: Token[], span: Span): [number, number] {
  if (span.last <= span.first) return [0, 0];
  let from = -1;
  for (let c = tokens[span.first]!.start; c < tokens[span.last - 1]!.end && from < 0; c++) from = a.owner[c]!;
  let to = -1;
  for (let c = tokens[span.last - 1]!.end - 1; c >= tokens[span.first]!.start && to < 0; c--) to = a.owner[c]!;
  return from < 0 || to < from ? [0, 0] : [from, to + 1];
}

const OPENING = new Set(["``", "`"]);
const CLOSING = new Map(Object.entries({ "``": "''", "`": "'" }));

/** The input tokens under `span`, space-separated; an opened quote is closed if the sentence closes it next. */
export function originalText(a: Aligned, tokens: Token[], span: Span): string {
  const [from, to] = originalRange(a, tokens, span);
  const words = a.original.slice(from, to);
  const open = words.findLast((w) => OPENING.has(w) || w === "''" || w === "'");
  if (open && OPENING.has(open) && a.original[to] === CLOSING.get(open)) words.push(a.original[to]!);
  return words.join(" ");
}
