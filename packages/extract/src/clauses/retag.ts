/**
 * Repairs for the tagger's commonest slips that the clause engine trips over:
 * present-tense verbs tagged as plural nouns ("Ed drives the creature"), and
 * nouns tagged as verbs ("This finding indicated", "human being").
 */
import type { Token } from "../nlp/index.ts";
import { DEMONSTRATIVES, DETERMINERS, POSSESSIVE_PRONOUNS, VERBS_BEFORE_INFINITIVE, VERBS_BETWEEN_NAMES } from "./words.ts";

const OBJECT_STARTS = new Set(["DET", "PRON", "NUM"]);

/**
 * Third-person verbs wink tags as plural nouns when they follow their subject:
 * "Ed drives the creature", "The poll points up", "That amounts to". Only
 * before any other verb of the sentence, and only when an object or a
 * preposition follows (but not "of": "amounts of money").
 */
export function misTaggedVerbs(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  let sawVerb = false;
  let presentVerb = false;
  const pluralLike = (t: Token) => t.pos === "NOUN" && /[^s'u]s$/.test(t.lower) && !/^[A-Z]/.test(t.text);
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    if (t.pos === "VERB" || t.pos === "AUX") {
      sawVerb = true;
      if (/[^s]s$/.test(t.lower) && t.lower !== t.lemma) presentVerb = true;
      continue;
    }
    // "Belarus borders Poland": a verb between two names, before any other verb
    // (not "BBC hits Little Britain and Strictly Come Dancing are ...": a verb after the names makes it a noun)
    let after = i + 1;
    while (after < tokens.length && (tokens[after]!.pos === "PROPN" || tokens[after]!.pos === "CCONJ" || tokens[after]!.text === ",")) after++;
    // ("Southampton visit Northampton, having already beaten them": a participle after a comma is no verb of the names)
    const participleAfterComma = tokens[after - 1]?.text === "," && /ing$/.test(tokens[after]?.lower ?? "");
    const verbAfter = after < tokens.length && (tokens[after]!.pos === "VERB" || tokens[after]!.pos === "AUX") && !participleAfterComma;
    if (!sawVerb && !verbAfter && t.pos === "NOUN" && prev.pos === "PROPN" && next.pos === "PROPN" && VERBS_BETWEEN_NAMES.has(t.lower)) {
      out.add(i);
      sawVerb = true;
      continue;
    }
    // "Tom Hale plans to fly to Paris": a verb of intending before an infinitive, before any other verb
    if (!sawVerb && t.pos === "NOUN" && (prev.pos === "PROPN" || prev.pos === "PRON") && next.lower === "to" && tokens[i + 2]?.pos === "VERB" && VERBS_BEFORE_INFINITIVE.has(t.lower)) {
      out.add(i);
      sawVerb = true;
      continue;
    }
    if (!pluralLike(t)) continue;
    const objectAfter = OBJECT_STARTS.has(next.pos) || (next.pos === "ADP" && next.lower !== "of" && next.lower !== "in" && next.lower !== "for");
    if (!objectAfter) continue;
    // "Michael secures a job and plans on leaving": a second present-tense verb after "and"
    const afterAnd = presentVerb && prev.pos === "CCONJ";
    const afterSubject = !sawVerb && (["PROPN", "NOUN", "NUM"].includes(prev.pos) || (prev.pos === "PRON" && i === 1 && !POSSESSIVE_PRONOUNS.has(prev.lower)));
    // "This releases some of the water": a singular demonstrative before a plural-looking word
    const afterThis = !sawVerb && (prev.lower === "this" || prev.lower === "that") && (i === 1 || tokens[i - 2]!.pos === "PUNCT");
    // "Euronext, which combines the Paris ... exchanges": a relative pronoun's verb
    const afterRelative = prev.lower === "which" || prev.lower === "who";
    if (afterAnd || afterSubject || afterThis || afterRelative) {
      out.add(i);
      sawVerb = true;
    }
  }
  return out;
}

/**
 * Words the tagger calls verbs that are nouns here: a gerund after a determiner
 * ("This finding indicated", "the spiralling tensions") and "being" in "human being".
 * Callers ask about the word after a determiner, which may be past the sentence's end
 * ("... their own positions on this"): no word there, so no noun.
 */
export function isNounlikeVerb(tokens: Token[], j: number): boolean {
  if (j < 0 || j >= tokens.length) return false;
  const u = tokens[j]!;
  const prev = j > 0 ? tokens[j - 1] : undefined;
  if (u.pos !== "VERB" && u.pos !== "AUX") return false;
  if (u.lower === "being" && prev?.lower === "human") return true;
  const next = j + 1 < tokens.length ? tokens[j + 1] : undefined;
  // "has won backing from": a gerund that names a thing given, after a verb, is its object
  if (u.pos === "VERB" && NOMINAL_GERUNDS.has(u.lower) && prev?.pos === "VERB") return true;
  // "the spiralling tensions"; "This finding indicated" (a demonstrative tagged as a pronoun, then the verb)
  const nextIsVerb = next?.pos === "VERB" || next?.pos === "AUX";
  if (u.pos === "VERB" && /ing$/.test(u.lower) && !!prev && DETERMINERS.has(prev.lower) && (prev.pos !== "PRON" || (DEMONSTRATIVES.has(prev.lower) && nextIsVerb))) return true;
  // "But declining issues outnumbered ...": an "-ing" adjective opening a phrase before a plural noun
  // (not "..., destroying hundreds of homes": after a comma it is a participle with its object)
  const afterNoun = j + 2 < tokens.length ? tokens[j + 2] : undefined;
  if (u.pos === "VERB" && /ing$/.test(u.lower) && (!prev || prev.pos === "CCONJ") && next?.pos === "NOUN" && /[^s]s$/.test(next.lower) && !!afterNoun && ["VERB", "AUX", "ADP"].includes(afterNoun.pos)) return true;
  // "the art of doctoring ''": a gerund after "of" with no object
  // (not after a name or pronoun: "accused Blair of lying" charges Blair with lying)
  const beforeOf = j > 1 ? tokens[j - 2] : undefined;
  if (u.pos === "VERB" && /ing$/.test(u.lower) && prev?.lower === "of" && beforeOf?.pos !== "PROPN" && beforeOf?.pos !== "PRON" && (!next || next.pos === "PUNCT" || next.pos === "AUX" || next.pos === "CCONJ")) return true;
  // "the supply of experienced civil engineers": an "-ed" adjective after a preposition
  if (u.pos === "VERB" && /ed$/.test(u.lower) && prev?.pos === "ADP" && (next?.pos === "ADJ" || next?.pos === "NOUN")) return true;
  // "the road shows which toured": a plural noun before a relative pronoun
  if (u.pos === "VERB" && /[^s]s$/.test(u.lower) && (prev?.pos === "NOUN" || prev?.pos === "ADJ") && /^(which|who|that)$/.test(next?.lower ?? "")) return true;
  // "The 10.48 % yield represents": a base form between a modifier and the verb
  if (u.pos === "VERB" && u.lower === u.lemma && !!prev && ["NOUN", "NUM", "SYM", "ADJ"].includes(prev.pos) && (next?.pos === "VERB" || next?.pos === "AUX") && /[^s]s$/.test(next.lower)) return true;
  // "the British capture of Madrid", "a think tank": a base form used as a noun
  if (u.pos === "VERB" && u.lower === u.lemma && !!prev && ["DET", "ADJ", "PROPN"].includes(prev.pos) && (next?.lower === "of" || (u.lower === "think" && /^tanks?$/.test(next?.lower ?? "")))) return true;
  // "the England left-back", "a play-off", "the sell-off": a verb glued by a hyphen to a particle is a noun
  const glued = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.end === b.start;
  if (u.pos === "VERB" && next?.text === "-" && glued(u, next) && glued(next, tokens[j + 2]) && COMPOUND_PARTICLES.has(tokens[j + 2]!.lower)) return true;
  // "a morale-boosting Celtic League win over Borders", "their Cup draw with Hibs": a base form after a name,
  // in a phrase opened by "a" or a possessive, is the noun (a singular subject would make it "wins")
  // (not before an object: "saw her book Small Island win the award", "Argentina's Agustin Calleri beat Novak")
  if (u.pos === "VERB" && u.lower === u.lemma && prev?.pos === "PROPN" && (!next || ["ADP", "PUNCT", "VERB", "AUX", "CCONJ"].includes(next.pos)) && opensSingularPhrase(tokens, j)) return true;
  // "homogeneous coordinates means": a plural noun between an adjective and the verb
  return u.pos === "VERB" && /[^s]s$/.test(u.lower) && prev?.pos === "ADJ" && (next?.pos === "VERB" || next?.pos === "AUX");
}

/** Gerunds used as nouns of what is given or won: "won backing from", "secured funding from". */
const NOMINAL_GERUNDS = new Set(["backing", "funding", "financing"]);

const SINGULAR_OPENERS = new Set(["a", "an", "his", "her", "its", "their", "our", "my", "your", "'s", "’s"]);
/**
 * Whether the noun phrase ending before token j opens with "a" or a possessive, past names and modifiers;
 * or with "the" before a win or defeat over someone ("the 2-0 Uefa Cup win against Lazio").
 */
function opensSingularPhrase(tokens: Token[], j: number): boolean {
  const over = /^(over|against)$/.test(tokens[j + 1]?.lower ?? "");
  for (let k = j - 1; k >= Math.max(0, j - 8); k--) {
    const t = tokens[k]!;
    if (SINGULAR_OPENERS.has(t.lower) || (over && t.lower === "the")) return true;
    if (!(["PROPN", "NOUN", "ADJ", "NUM"].includes(t.pos) || t.text === "-" || (t.pos === "VERB" && /ing$/.test(t.lower)))) return false;
  }
  return false;
}

/** Second parts of nouns made of a verb and a particle: "left-back", "play-off", "run-up", "sell-off". */
const COMPOUND_PARTICLES = new Set(["back", "half", "off", "out", "up", "over", "down", "in"]);
