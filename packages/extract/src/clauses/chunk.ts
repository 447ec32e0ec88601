/**
 * Shallow parsing: groups tagged tokens into noun phrases, verb groups,
 * prepositions, conjunctions and punctuation. The clause engine works on
 * these chunks, which is what keeps it fast and predictable.
 */
import type { Token } from "../nlp/index.ts";
import { isNounlikeVerb, misTaggedVerbs } from "./retag.ts";
import * as words from "./words.ts";

// Bound once: under the tsx loader every use of an imported binding is a getter call, which showed in profiles of this loop.
const { APPROXIMATORS, BREAKS, CLOSE_QUOTES, DEMONSTRATIVES, FIXED_PREPOSITIONS, isBe, isNominal, isPossessive, isVerbal, MODALS, OPEN_QUOTES, PARTICLES, PERSONAL_PRONOUNS, QUANTIFIERS, RELATIVES, SUBORDINATORS } = words;

export { isBe, PARTICLES, PERSONAL_PRONOUNS, RELATIVES } from "./words.ts";

/**
 * COMMA is "," only; BREAK is a harder boundary (";", ":", "--", dashes) that
 * no clause's arguments run across.
 */
export type ChunkKind = "NP" | "VG" | "PREP" | "CONJ" | "COMMA" | "BREAK" | "REL" | "SUB" | "TO" | "ADV" | "PUNCT" | "OTHER";

export interface Chunk {
  kind: ChunkKind;
  /** Token range, end exclusive. */
  first: number;
  last: number;
}

/**
 * The kind of chunks[i], or "NONE" past either end. The rules look one to three chunks ahead all the
 * time; reading past the end of the array, or comparing an undefined where only strings had been seen,
 * makes V8 throw away the optimised code of the whole caller the first time it happens, in every worker.
 */
export function kindAt(chunks: Chunk[], i: number): ChunkKind | "NONE" {
  return i >= 0 && i < chunks.length ? chunks[i]!.kind : "NONE";
}

/** tokens[i], or undefined past either end without reading there (same reason as kindAt). */
function tokenAt(tokens: Token[], i: number): Token | undefined {
  return i >= 0 && i < tokens.length ? tokens[i] : undefined;
}

/**
 * "a loophole that illegal drug businesses are exploiting": after "that", a
 * noun phrase and a verb with nothing after it — the verb's object is the noun
 * before "that". (With an object after the verb, "that" opens a complement.)
 */
function isObjectRelative(tokens: Token[], i: number): boolean {
  let j = i + 1;
  const np = j;
  while (j < tokens.length && (isNominal(tokens[j]) || (tokens[j]!.pos === "PRON" && j === np))) j++;
  if (j === np) return false;
  const vg = j;
  while (j < tokens.length && (isVerbal(tokens[j]) || tokens[j]!.pos === "ADV" || tokens[j]!.lower === "not" || tokens[j]!.lower === "n't")) {
    if (j > vg && tokens[j]!.pos === "AUX" && tokens[j - 1]!.pos === "VERB") break;
    j++;
  }
  if (j === vg) return false;
  const after = tokens[j];
  // nothing after the verb, or the main clause's verb: "the painting that the museum bought was stolen"
  if (!after || after.pos === "PUNCT" || after.pos === "CCONJ" || after.pos === "AUX") return true;
  return after.pos === "ADP" && !isNominal(tokens[j + 1]) && tokens[j + 1]?.pos !== "PRON";
}

/** Words wink sometimes tags as nouns that are verbs after a relative pronoun or a subject. */
function looksLikeVerb(t: Token, prev: Token | undefined, retagged = false): boolean {
  if (t.pos === "VERB") return true;
  if (t.pos === "AUX") return true;
  if (retagged) return true;
  // "Belarus, which borders Ukraine": a 3rd-person -s form right after a relative pronoun.
  if (prev && RELATIVES.has(prev.lower) && (t.pos === "NOUN" || t.pos === "ADJ") && /[a-z]s$/.test(t.text)) return true;
  return false;
}


/** A year standing first in a phrase ("In 1717 Lady Mary ..."): the name after it is a new phrase. */
const isYear = (t: Token) => t.pos === "NUM" && /^(1[0-9]|20)\d\d$/.test(t.text);

/**
 * The end (exclusive) of a noun phrase starting at i: determiners, adjectives,
 * nouns, numbers, possessives, hyphenated compounds, quoted names, and a few
 * words wink tags as verbs or adverbs inside such phrases.
 */
function nounPhraseEnd(tokens: Token[], i: number, entityStarts: Set<number>, entityEnds: Set<number>, opts: { initialAdjunct: boolean; verbs: Set<number>; opensQuote: boolean[] }): number {
  let j = i;
  let inEntity = false;
  let openQuote = false;
  while (j < tokens.length) {
    const u = tokens[j]!;
    const next = tokens[j + 1];
    // (a name that starts where another ends, "Lib Dem Norman Baker", is one still: the end first)
    if (entityEnds.has(j)) inEntity = false;
    if (entityStarts.has(j)) inEntity = true;
    if (inEntity) {
      j++;
      continue;
    }
    if (j > i && opts.verbs.has(j)) break;
    if (isNominal(u) || isNounlikeVerb(tokens, j)) {
      // a name after a scene-setting phrase starts the subject: "After a short absence Keibler began"
      if (j > i && opts.initialAdjunct && u.pos === "PROPN" && /^[A-Z]/.test(u.text) && ((tokens[j - 1]!.pos === "NOUN" && /^[a-z]/.test(tokens[j - 1]!.text)) || (isYear(tokens[j - 1]!) && j - 1 === i))) break;
      // a determiner after a noun starts a new phrase: "gave Ukraine the weapons"
      if (j > i && (u.pos === "DET" || QUANTIFIERS.has(u.lower)) && ["NOUN", "PROPN", "NUM"].includes(tokens[j - 1]!.pos)) break;
      if (j > i && isYear(tokens[j - 1]!) && j - 1 === i && u.pos === "DET") break;
      j++;
      continue;
    }
    // the first half of a compound, whatever its tag: "forward - rate agreements"
    if (j === i && next?.text === "-") {
      j++;
      continue;
    }
    // hyphenated compounds, spaced or not: "long-range", "flex - time", "fume - filled"
    if (u.text === "-" && j > i && next && /^\w/.test(next.text)) {
      j += 2;
      continue;
    }
    // a participle inside a compound: "the spiralling tensions", "a barnstorming professional team"
    // (after a name only before a common noun: "The Israeli controlled sector", not "the Press included Makaton")
    if (u.pos === "VERB" && /(ing|ed)$/.test(u.lower) && j > i && next && ((["DET", "ADJ"].includes(tokens[j - 1]!.pos) && ["ADJ", "NOUN", "PROPN"].includes(next.pos)) || (tokens[j - 1]!.pos === "PROPN" && tokens[i]!.pos === "DET" && next.pos === "NOUN" && /^[a-z]/.test(next.text)))) {
      j++;
      continue;
    }
    // an adverb grading an adjective: "the relatively small size"
    if (u.pos === "ADV" && next?.pos === "ADJ" && j > i) {
      j++;
      continue;
    }
    // quotes around or inside a name: "`` Curtis Alerici ''", "a `` heretical '' ending"
    if (opts.opensQuote[j] && !openQuote && isNominal(next)) {
      openQuote = true;
      j++;
      continue;
    }
    if (CLOSE_QUOTES.has(u.text) && openQuote) {
      openQuote = false;
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** For each token, whether a straight double quote there opens a quotation (an even number came before). */
function openingQuotes(tokens: Token[]): boolean[] {
  // Pushed, not preallocated: a holey array changes elements kind as it fills, which costs chunk() its optimised code.
  const out: boolean[] = [];
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    out.push(t === '"' ? !open : OPEN_QUOTES.has(t));
    if (t === '"') open = !open;
  }
  return out;
}

export function chunk(tokens: Token[], entityStarts: Set<number>, entityEnds: Set<number>): Chunk[] {
  const chunks: Chunk[] = [];
  const opensQuote = openingQuotes(tokens);
  let i = 0;
  // still inside a sentence-opening prepositional phrase: "In 1717 Lady Mary ...", "After a short absence Keibler ..."
  let opening = tokens[0]?.pos === "ADP";
  const push = (kind: ChunkKind, first: number, last: number) => {
    if (kind !== "PREP" && kind !== "ADV" && kind !== "NP") opening = false;
    chunks.push({ kind, first, last });
  };
  const verbsTaggedAsNouns = misTaggedVerbs(tokens);
  while (i < tokens.length) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.text === ",") {
      push("COMMA", i, i + 1);
      i++;
      continue;
    }
    if (BREAKS.has(t.text)) {
      push("BREAK", i, i + 1);
      i++;
      continue;
    }
    if (RELATIVES.has(t.lower) || (t.lower === "that" && prev && (prev.pos === "NOUN" || prev.pos === "PROPN") && next && (looksLikeVerb(next, t) || isObjectRelative(tokens, i)))) {
      push("REL", i, i + 1);
      i++;
      continue;
    }
    if (t.pos === "CCONJ") {
      push("CONJ", i, i + 1);
      i++;
      continue;
    }
    // "battled past Mario Ancic": "past" after a verb, before a name or a phrase, is a preposition (the tagger
    // calls it an adjective)
    if (t.lower === "past" && t.pos === "ADJ" && prev?.pos === "VERB" && next && ["PROPN", "DET", "PRON"].includes(next.pos)) {
      push("PREP", i, i + 1);
      i++;
      continue;
    }
    // "in relation to direct taxes"
    if (t.lower === "to" && FIXED_PREPOSITIONS.has(prev?.lower ?? "")) {
      push("PREP", i, i + 1);
      i++;
      continue;
    }
    // "to move", "to temporarily close"
    if (t.lower === "to" && (isVerbal(next) || (next?.pos === "ADV" && isVerbal(tokens[i + 2])))) {
      push("TO", i, i + 1);
      i++;
      continue;
    }
    // "That amounts to ...": a demonstrative subject, not a complementizer
    if (t.lower === "that" && (!prev || prev.pos === "PUNCT" || prev.pos === "CCONJ") && next && (isVerbal(next) || verbsTaggedAsNouns.has(i + 1))) {
      push("NP", i, i + 1);
      i++;
      continue;
    }
    // "That method relies on ...", "This finding suggests ...": a determiner
    const demonstrative =
      (t.lower === "that" ? !prev || prev.pos === "PUNCT" : DEMONSTRATIVES.has(t.lower)) &&
      ((isNominal(next) && next!.pos !== "DET" && next!.pos !== "PRON" && !isPossessive(next!) && !verbsTaggedAsNouns.has(i + 1)) || isNounlikeVerb(tokens, i + 1));
    // "known as variolation", "served as consul": "as" opens a clause only first or after a comma
    const asSubordinator = t.lower === "as" && (!prev || prev.pos === "PUNCT");
    if (!demonstrative && SUBORDINATORS.has(t.lower) && (t.lower !== "as" || asSubordinator) && (t.pos === "SCONJ" || t.lower === "that" || ((t.lower === "where" || t.lower === "when") && prev?.text === ","))) {
      push("SUB", i, i + 1);
      i++;
      continue;
    }
    // "provided that they coincide": a conjunction, not a participle
    if ((t.lower === "provided" || t.lower === "providing") && next?.lower === "that" && prev?.text === ",") {
      push("SUB", i, i + 2);
      i += 2;
      continue;
    }
    // "including X", "such as X", "according to X": prepositions the tagger calls verbs
    const twoWords = (t.lower === "such" || t.lower === "according") && (next?.lower === "as" || next?.lower === "to");
    if (t.lower === "including" || (t.lower === "following" && (!prev || prev.pos === "PUNCT") && isNominal(next)) || twoWords) {
      const j = twoWords ? i + 2 : i + 1;
      push("PREP", i, j);
      i = j;
      continue;
    }
    // "in relation to direct taxes": the word after such a "to" starts a noun phrase
    const afterFixedTo = prev?.lower === "to" && FIXED_PREPOSITIONS.has(tokens[i - 2]?.lower ?? "") && isNominal(next);
    // "managing director", "acting chairman": a title, not a verb
    const titleWord = (t.lower === "managing" || t.lower === "acting") && /^(director|editor|partner|chairman|chairwoman|president|manager|coach|head|chief)s?$/.test(next?.lower ?? "");
    if (looksLikeVerb(t, prev, verbsTaggedAsNouns.has(i)) && !entityStarts.has(i) && !isNounlikeVerb(tokens, i) && !afterFixedTo && !titleWord) {
      let j = i + 1;
      let hasBe = isBe(t);
      // auxiliaries, adverbs and "not" between verbs belong to the group
      while (j < tokens.length) {
        const u = tokens[j]!;
        // "told Associated Press": a name the recogniser found is no part of the verb group
        if (entityStarts.has(j)) break;
        // "the painting the museum bought was stolen": an auxiliary after a main verb starts the next verb group
        if (u.pos === "AUX" && tokens[j - 1]!.pos === "VERB") break;
        // ("has won backing from": a gerund used as a noun ends the group)
        if (u.pos === "VERB" && isNounlikeVerb(tokens, j)) break;
        if (u.pos === "VERB" || u.pos === "AUX" || u.lower === "not" || u.lower === "n't" || u.lower === "never") {
          if (isBe(u)) hasBe = true;
          j++;
          continue;
        }
        // after a modal comes a verb, whatever the tagger says: "would close", "will present"
        if ((u.pos === "ADJ" || u.pos === "NOUN") && tokens[j - 1]!.pos === "AUX" && MODALS.has(tokens[j - 1]!.lower)) {
          j++;
          continue;
        }
        // adverbs before the main verb: "has also been", "were generally physically separated"
        let a = j;
        while (tokens[a]?.pos === "ADV" && !PARTICLES.has(tokens[a]!.lower)) a++;
        if (a > j && isVerbal(tokens[a])) {
          j = a;
          continue;
        }
        // a participle wink tags as an adjective after "be": "was sliced by", "were generally separated from"
        const w = tokens[a];
        if (w?.pos === "ADJ" && /ed$/.test(w.lower) && hasBe && !isNominal(tokens[a + 1])) {
          j = a + 1;
          continue;
        }
        // and after "to have": "is reported to have held talks", "is believed to have paid cash"
        if (w?.pos === "ADJ" && tokens[a - 1]?.lower === "have" && tokens[a - 2]?.lower === "to" && (/(ed|en)$/.test(w.lower) || words.IRREGULAR_PARTICIPLES.has(w.lower))) {
          j = a + 1;
          continue;
        }
        break;
      }
      // a verb particle: "pull back", "set up"
      if (j < tokens.length && PARTICLES.has(tokens[j]!.lower) && tokens[j]!.pos !== "NOUN" && tokens[j]!.pos !== "ADP") j++;
      else if (j < tokens.length && PARTICLES.has(tokens[j]!.lower) && tokens[j]!.pos === "ADP" && !isNominal(tokenAt(tokens, j + 1))) j++;
      push("VG", i, j);
      i = j;
      continue;
    }
    if (t.pos === "ADP" || (t.pos === "SCONJ" && !SUBORDINATORS.has(t.lower)) || t.lower === "to" || (t.lower === "as" && !asSubordinator)) {
      push("PREP", i, i + 1);
      i++;
      continue;
    }
    if (t.pos === "PRON" && PERSONAL_PRONOUNS.has(t.lower) && !demonstrative && !(t.lower === "her" && isNominal(next) && next!.pos !== "DET")) {
      push("NP", i, i + 1);
      i++;
      continue;
    }
    const hyphenated = next?.text === "-" && /^\w/.test(t.text) && !!tokens[i + 2] && /^\w/.test(tokens[i + 2]!.text);
    const startsNP =
      isNominal(t) ||
      demonstrative ||
      (hyphenated && !isVerbal(prev) && t.pos !== "AUX") ||
      isNounlikeVerb(tokens, i) ||
      afterFixedTo ||
      entityStarts.has(i) ||
      (opensQuote[i] && isNominal(next)) ||
      (t.pos === "ADV" && next?.pos === "ADJ" && isNominal(tokenAt(tokens, i + 2)) && tokens[i + 2]!.pos !== "DET") ||
      // "about $ 30 million", "nearly five hours"
      (APPROXIMATORS.has(t.lower) && (next?.pos === "NUM" || next?.pos === "SYM"));
    if (startsNP) {
      let j = nounPhraseEnd(tokens, (t.pos === "ADV" && !hyphenated) || demonstrative || afterFixedTo ? i + 1 : i, entityStarts, entityEnds, { initialAdjunct: opening, verbs: verbsTaggedAsNouns, opensQuote });
      if (j === i) j = i + 1;
      push("NP", i, j);
      i = j;
      continue;
    }
    if (t.pos === "ADV") {
      push("ADV", i, i + 1);
      i++;
      continue;
    }
    push(t.pos === "PUNCT" ? "PUNCT" : "OTHER", i, i + 1);
    i++;
  }
  return chunks;
}
