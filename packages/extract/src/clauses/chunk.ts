/**
 * Shallow parsing: groups tagged tokens into noun phrases, verb groups,
 * prepositions, conjunctions and punctuation. The clause engine works on
 * these chunks, which is what keeps it fast and predictable.
 */
import type { Token } from "../nlp/index.ts";

export type ChunkKind = "NP" | "VG" | "PREP" | "CONJ" | "COMMA" | "REL" | "SUB" | "TO" | "ADV" | "PUNCT" | "OTHER";

export interface Chunk {
  kind: ChunkKind;
  /** Token range, end exclusive. */
  first: number;
  last: number;
}

const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "X", "SYM"]);
const PERSONAL_PRONOUNS = new Set(["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "these", "those", "who", "whom"]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "their", "our", "my", "your"]);
const RELATIVES = new Set(["which", "who", "whom", "whose"]);
const SUBORDINATORS = new Set(["that", "because", "while", "although", "though", "if", "whether", "when", "where", "after", "before", "since", "until", "unless", "as"]);
export const PARTICLES = new Set(["back", "up", "out", "off", "down", "away"]);
const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re"]);
export const isBe = (t: Token) => BE_FORMS.has(t.lower) || t.lemma === "be";

/** Words wink sometimes tags as nouns that are verbs after a relative pronoun or a subject. */
function looksLikeVerb(t: Token, prev: Token | undefined): boolean {
  if (t.pos === "VERB") return true;
  if (t.pos === "AUX") return true;
  // "Belarus, which borders Ukraine": a 3rd-person -s form right after a relative pronoun.
  if (prev && RELATIVES.has(prev.lower) && (t.pos === "NOUN" || t.pos === "ADJ") && /[a-z]s$/.test(t.text)) return true;
  return false;
}

export function chunk(tokens: Token[], entityStarts: Set<number>, entityEnds: Set<number>): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  const push = (kind: ChunkKind, first: number, last: number) => chunks.push({ kind, first, last });
  while (i < tokens.length) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.text === "," || t.text === ";" || t.text === ":" || t.text === "–" || t.text === "—") {
      push("COMMA", i, i + 1);
      i++;
      continue;
    }
    if (RELATIVES.has(t.lower) || (t.lower === "that" && prev && (prev.pos === "NOUN" || prev.pos === "PROPN") && tokens[i + 1] && looksLikeVerb(tokens[i + 1]!, t))) {
      push("REL", i, i + 1);
      i++;
      continue;
    }
    if (t.pos === "CCONJ") {
      push("CONJ", i, i + 1);
      i++;
      continue;
    }
    if (t.lower === "to" && tokens[i + 1] && (tokens[i + 1]!.pos === "VERB" || tokens[i + 1]!.pos === "AUX")) {
      push("TO", i, i + 1);
      i++;
      continue;
    }
    if (SUBORDINATORS.has(t.lower) && (t.pos === "SCONJ" || t.lower === "that")) {
      push("SUB", i, i + 1);
      i++;
      continue;
    }
    if (looksLikeVerb(t, prev) && !entityStarts.has(i)) {
      let j = i + 1;
      // auxiliaries, adverbs and "not" between verbs belong to the group
      while (j < tokens.length) {
        const u = tokens[j]!;
        if (u.pos === "VERB" || u.pos === "AUX" || u.lower === "not" || u.lower === "n't") {
          j++;
          continue;
        }
        if (u.pos === "ADV" && tokens[j + 1] && (tokens[j + 1]!.pos === "VERB" || tokens[j + 1]!.pos === "AUX") && !PARTICLES.has(u.lower)) {
          j++;
          continue;
        }
        break;
      }
      // a verb particle: "pull back", "set up"
      if (j < tokens.length && PARTICLES.has(tokens[j]!.lower) && tokens[j]!.pos !== "NOUN") j++;
      push("VG", i, j);
      i = j;
      continue;
    }
    if (t.pos === "ADP" || (t.pos === "SCONJ" && !SUBORDINATORS.has(t.lower))) {
      push("PREP", i, i + 1);
      i++;
      continue;
    }
    if (t.pos === "PRON" && PERSONAL_PRONOUNS.has(t.lower)) {
      push("NP", i, i + 1);
      i++;
      continue;
    }
    if (NP_POS.has(t.pos) || POSSESSIVE_PRONOUNS.has(t.lower) || entityStarts.has(i) || (t.pos === "PART" && /^['’]s?$/.test(t.text))) {
      let j = i;
      let inEntity = false;
      while (j < tokens.length) {
        const u = tokens[j]!;
        if (entityStarts.has(j)) inEntity = true;
        if (entityEnds.has(j)) inEntity = false;
        if (inEntity || NP_POS.has(u.pos) || POSSESSIVE_PRONOUNS.has(u.lower) || (u.pos === "PART" && /^['’]s?$/.test(u.text))) {
          // a determiner after a noun starts a new phrase: "gave Ukraine the weapons"
          if (j > i && u.pos === "DET" && !inEntity && (tokens[j - 1]!.pos === "NOUN" || tokens[j - 1]!.pos === "PROPN")) break;
          j++;
          continue;
        }
        // hyphenated compounds: "long-range", "US-based"
        if (u.text === "-" && j > i && tokens[j + 1] && tokens[j - 1]!.end === u.start && u.end === tokens[j + 1]!.start) {
          j += 2;
          continue;
        }
        // a participle inside a compound: "the spiralling tensions"
        if (u.pos === "VERB" && /ing$/.test(u.lower) && j > i && tokens[j - 1]!.pos === "DET" && tokens[j + 1] && tokens[j + 1]!.pos === "NOUN") {
          j++;
          continue;
        }
        break;
      }
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
