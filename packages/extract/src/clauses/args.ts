/**
 * The argument region of a clause: what follows its verb group up to the
 * next clause. Split into direct objects, prepositional arguments, a
 * "that"-complement, and the rest (adverbs, commas between adjuncts) kept as
 * extra spans so that open IE can print the region whole.
 */
import type { Token } from "../nlp/index.ts";
import { kindAt, type Chunk } from "./chunk.ts";
import { CLAUSAL_PREPS, coordinatedNPs, NOMINATIVE } from "./phrases.ts";
import { isBareParticiple } from "./subject.ts";
import type { PrepArg, Span } from "./types.ts";

export interface ArgRegion {
  objects: Span[];
  preps: PrepArg[];
  complement?: { marker?: Span; body: Span };
  /** The region minus the objects, as token spans. */
  extras: Span[];
  /** Last chunk of the region (inclusive); the chunk before it when the region is empty. */
  end: number;
}

const COMPLEMENTIZERS = new Set(["that", "whether", "if"]);
const WH_COMPLEMENTIZERS = new Set(["how", "why", "what", "where", "when", "whether", "who"]);
/** The wh-words that open a clause after any verb ("where" and "when" may open a time or place adjunct instead; "whether" after a participle may open the sentence: "Asked whether ..., Mr Howard told the BBC"). */
const WH_ANY_VERB = new Set(["how", "why"]);
const spanOf = (chunks: Chunk[], from: number, to: number): Span => ({ first: chunks[from]!.first, last: chunks[to]!.last });

/** Longest clause body taken whole; the bound keeps run-on "sentences" (tables, lists) linear. */
const MAX_BODY_CHUNKS = 80;

/** From chunk k to the end of the sentence or the next hard break, without the closing punctuation. */
export function restOfSentence(chunks: Chunk[], k: number): number {
  let e = k;
  while (chunks[e + 1] && chunks[e + 1]!.kind !== "BREAK" && e - k < MAX_BODY_CHUNKS) e++;
  while (e > k && (chunks[e]!.kind === "PUNCT" || chunks[e]!.kind === "COMMA")) e--;
  return e;
}

/**
 * "the company would ...", "Blackburn made a bid": a clause with its own subject right after a verb of
 * saying. Its verb is finite: an auxiliary, or a verb in -s, -ed, or an irregular past ("made", "met").
 */
function clauseFollows(chunks: Chunk[], k: number, tokens: Token[]): boolean {
  if (kindAt(chunks, k) !== "NP") return false;
  // "suggested Yukos artificially manufactured": an adverb before the verb
  let n = k + 1;
  while (kindAt(chunks, n) === "ADV") n++;
  const v = chunks[n];
  if (v?.kind !== "VG") return false;
  const t = tokens[v.first]!;
  return t.pos === "AUX" || /(s|ed)$/.test(t.lower) || (t.pos === "VERB" && t.lower !== t.lemma && !/ing$/.test(t.lower));
}

const isQuote = (tokens: Token[], c: Chunk | undefined) => c?.kind === "PUNCT" && /^["“`']+$/.test(tokens[c.first]!.text);

/**
 * A clause taken as one argument right after the verb (at chunk `start`, or at
 * `k` past leading adverbs): "indicated that ...", "showed how ...", and after
 * verbs of saying "believe the dam will hold", "admits `` they 're ... ''",
 * "says , `` We believe ...".
 */
function complementAfter(chunks: Chunk[], tokens: Token[], start: number, k: number, speech: boolean): { marker?: Span; body: Span; end: number } | undefined {
  const first = chunks[start];
  // ("was asked why Mr Smith had been allowed to resign": after any verb, "why" or "how" opens a
  // clause, whose subject is no object of the verb)
  const wh = first && first.last - first.first === 1 ? tokens[first.first]!.lower : "";
  if (first && WH_COMPLEMENTIZERS.has(wh) && (speech || WH_ANY_VERB.has(wh)) && chunks[start + 1]) {
    const end = restOfSentence(chunks, start + 1);
    return { marker: spanOf(chunks, start, start), body: spanOf(chunks, start + 1, end), end };
  }
  let c = chunks[k];
  // right after the verb ("indicated that ..."), not after an adjective ("so far away that ...")
  if (c?.kind === "SUB" && COMPLEMENTIZERS.has(tokens[c.first]!.lower) && chunks[k + 1] && (k === start || speech)) {
    const end = restOfSentence(chunks, k + 1);
    return { marker: spanOf(chunks, k, k), body: spanOf(chunks, k + 1, end), end };
  }
  if (!speech) return undefined;
  // the comma before a quotation
  if (c?.kind === "COMMA" && k === start && isQuote(tokens, chunks[k + 1])) c = chunks[++k];
  if (clauseFollows(chunks, k, tokens) || (isQuote(tokens, c) && chunks[k + 1])) {
    const end = restOfSentence(chunks, k);
    return { body: spanOf(chunks, k, end), end };
  }
  return undefined;
}

export function collectArgs(chunks: Chunk[], tokens: Token[], k: number, opts: { speech: boolean }, depth = 0): ArgRegion {
  const objects: Span[] = [];
  const preps: PrepArg[] = [];
  const extras: Span[] = [];
  // "include : review of data ; ...": a colon introducing the objects
  if (kindAt(chunks, k) === "BREAK" && tokens[chunks[k]!.first]!.text === ":" && kindAt(chunks, k + 1) === "NP") k++;
  const start = k;
  // leading adverbs: "is heating up too", "dress casually"
  while (kindAt(chunks, k) === "ADV") k++;
  if (k > start) extras.push(spanOf(chunks, start, k - 1));

  // "confirmed in midweek that he would join", "was told by the committee that": a verb of saying keeps its
  // "that" clause past one prepositional adjunct, which stays the verb's
  if (opts.speech && kindAt(chunks, k) === "PREP" && kindAt(chunks, k + 1) === "NP" && kindAt(chunks, k + 2) === "SUB" && tokens[chunks[k + 2]!.first]!.lower === "that" && chunks[k + 3]) {
    const end = restOfSentence(chunks, k + 3);
    preps.push({ prep: spanOf(chunks, k, k), arg: spanOf(chunks, k + 1, k + 1) });
    return { objects, preps, extras: [...extras, spanOf(chunks, k, k + 1)], complement: { marker: spanOf(chunks, k + 2, k + 2), body: spanOf(chunks, k + 3, end) }, end };
  }
  const complement = complementAfter(chunks, tokens, start, k, opts.speech);
  if (complement) {
    const { marker, body, end } = complement;
    // a wh-word marker was counted among the leading adverbs
    return { objects, preps, extras: marker && marker.first === chunks[start]!.first ? [] : extras, complement: { ...(marker ? { marker } : {}), body }, end };
  }
  const c = chunks[k];
  if (c?.kind === "NP") {
    const np = coordinatedNPs(chunks, k, tokens);
    objects.push(...np.spans);
    k = np.end + 1;
    // a second object: "gave Ukraine the weapons"
    if (kindAt(chunks, k) === "NP" && kindAt(chunks, k + 1) !== "VG") {
      extras.push(spanOf(chunks, k, k));
      k++;
    }
  }
  for (;;) {
    const x = chunks[k];
    if (x?.kind === "ADV") {
      extras.push(spanOf(chunks, k, k));
      k++;
      continue;
    }
    if (x?.kind === "PREP") {
      // "by adding a sliced raw potato": a gerund phrase is a prepositional argument
      const g = chunks[k + 1];
      if (g?.kind === "VG" && /ing$/.test(tokens[g.first]!.lower)) {
        let e = k + 1;
        if (kindAt(chunks, e + 1) === "NP") e = coordinatedNPs(chunks, e + 1, tokens).end;
        extras.push(spanOf(chunks, k, e));
        k = e + 1;
        continue;
      }
      let n = k + 1;
      while (kindAt(chunks, n) === "ADV") n++;
      // "as far as", "out of": stacked prepositions
      while (kindAt(chunks, n) === "PREP" && n - k < 3) n++;
      if (kindAt(chunks, n) !== "NP") break;
      // "until he switched over": the noun phrase is the subject of a new clause
      if (kindAt(chunks, n + 1) === "VG" && (NOMINATIVE.has(tokens[chunks[n]!.first]!.lower) || CLAUSAL_PREPS.has(tokens[x.first]!.lower))) break;
      const np = coordinatedNPs(chunks, n, tokens);
      for (const s of np.spans) preps.push({ prep: spanOf(chunks, k, k), arg: s });
      extras.push(spanOf(chunks, k, np.end));
      k = np.end + 1;
      continue;
    }
    // "the man who trembled with fear": a restrictive relative clause belongs to the object
    if (x?.kind === "REL" && k > start && chunks[k - 1]!.kind === "NP" && kindAt(chunks, k + 1) === "VG" && depth < 1) {
      const inner = collectArgs(chunks, tokens, k + 2, { speech: false }, depth + 1);
      const e = Math.max(k + 1, inner.end);
      extras.push(spanOf(chunks, k, e));
      k = e + 1;
      continue;
    }
    // "someone living alone", "vehicles built there": a participle phrase modifying the object
    if (x?.kind === "VG" && k > start && chunks[k - 1]!.kind === "NP" && isBareParticiple(tokens, x)) {
      let e = k;
      while (kindAt(chunks, e + 1) === "TO" && kindAt(chunks, e + 2) === "VG") e += 2;
      if (kindAt(chunks, e + 1) === "NP") e = coordinatedNPs(chunks, e + 1, tokens).end;
      while (kindAt(chunks, e + 1) === "ADV") e++;
      while (kindAt(chunks, e + 1) === "PREP" && kindAt(chunks, e + 2) === "NP") e = coordinatedNPs(chunks, e + 2, tokens).end;
      extras.push(spanOf(chunks, k, e));
      k = e + 1;
      continue;
    }
    // "when results were sluggish", "until the GASB superceded them": a subordinate clause closing the region
    if (x?.kind === "SUB" && k > start && depth < 1 && chunks[k + 1]) {
      const e = restOfSentence(chunks, k);
      extras.push(spanOf(chunks, k, e));
      k = e + 1;
      break;
    }
    // ", in 1941": a further adjunct after a comma
    if (x?.kind === "COMMA" && kindAt(chunks, k + 1) === "PREP" && kindAt(chunks, k + 2) === "NP" && kindAt(chunks, k + 3) !== "VG") {
      k++;
      continue;
    }
    break;
  }
  return { objects, preps, extras, end: k - 1 };
}
