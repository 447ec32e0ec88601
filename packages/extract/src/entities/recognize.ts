/**
 * Named-entity recognition over tagged tokens: finds name spans, strips
 * titles, types each span from gazetteers, cue words and the words around
 * it. Pure and fast: one pass over the tokens, no model beyond the tagger's
 * part-of-speech tags. `harmoniseDocument` (document.ts) then makes the
 * types agree across a document.
 *
 * Tokens are first grouped into words ("units"): wink splits a word at some
 * non-ASCII letters ("Stanis|ł|aw") and at hyphens ("Pantsir|-|S",
 * "Saxony|-|Anhalt"); a unit puts such pieces back together, so spans never
 * end inside a word. Spans still report token indices.
 */
import type { Token } from "../nlp/index.ts";
import type { EntityType } from "../types.ts";
import {
  AFFILIATIONS,
  CITIES,
  COMMON_ACRONYMS,
  DEMONYMS,
  EQUIPMENT_NOUNS,
  EQUIPMENT_TOKEN,
  EVENT_PREFIXES,
  EVENT_WORDS,
  FIRST_NAMES,
  LOCATION_PREFIXES,
  LOCATION_TAILS,
  LOCATION_WORDS,
  MISC_WORDS,
  NOT_NAMES,
  ORG_CUES,
  ORG_PREFIXES,
  ORG_WORDS,
  PERSON_CUES,
  PERSON_VERBS,
  PLACE_OF,
  PLACES,
  PLAYING_POSITIONS,
  REGIONS,
  SPORTS_ROLES,
  TITLES,
} from "./gazetteer.ts";
import { isLexiconWord } from "./lexicon.ts";

export interface EntitySpan {
  /** Token indices into the sentence, end exclusive. */
  first: number;
  last: number;
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /** Canonical name where a gazetteer knows one ("Kiev" -> "Kyiv"). */
  canonical?: string;
  /** Title words that stood before a person's name ("Mr", "President"). */
  title?: string;
  /** How sure the typing is, in [0,1]; weak guesses feed lower confidence. */
  typeConfidence: number;
  /** The words of the name, as written ("Pantsir-S" is one word). */
  words: string[];
}

/** A demonym or nationality adjective, kept apart: MISC for NER, country for roles. */
export interface DemonymSpan {
  index: number;
  country: string;
}

/** A language, religion or similar word of belonging ("English", "Catholic"): MISC for NER, not an entity. */
export interface AffiliationSpan {
  first: number;
  last: number;
}

export interface SentenceEntities {
  entities: EntitySpan[];
  demonyms: DemonymSpan[];
  affiliations: AffiliationSpan[];
}

/** A word: one token, or several that wink split out of one written word. */
export interface Unit {
  first: number;
  last: number;
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
}

/**
 * What a look past either end of a sentence reads: a unit with every field present and empty, so rules
 * compare strings with strings. Reading past an array's end, or comparing undefined where a string was
 * always seen, makes V8 throw away the optimised code of the whole rule; it happens once a worker, and
 * each worker pays for it. Same field order as the units toUnits makes, so both share one hidden class.
 */
const NO_UNIT: Unit = { first: -1, last: -1, text: "", lower: "", pos: "NONE", start: -1, end: -1 };

function unitAt(units: Unit[], k: number): Unit {
  return k >= 0 && k < units.length ? units[k]! : NO_UNIT;
}

const DIRECTIONS = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "greater", "central", "new"]);
const COMPASS = new Set(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "suburbs", "centre", "center", "villages", "towns", "cities", "streets", "plains", "prairie"]);
const LOCATIVE = new Set(["in", "at", "near", "outside", "into", "towards", "toward", "throughout", "via", "across"]);
const PARTICLES = new Set(["de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "des", "la", "le", "y", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "zu", "af", "bint", "ben"]);
/** Title words that only modify a title: "Foreign Minister", "Deputy Prime Minister". */
export const TITLE_MODIFIERS = new Set(["foreign", "defence", "defense", "interior", "finance", "prime", "deputy", "vice", "acting", "former", "chief", "first", "grand", "supreme", "then", "late", "us", "u.s.", "uk", "eu", "state", "home", "shadow", "culture", "health", "education", "trade", "transport", "environment", "justice", "industry", "labour", "tory", "conservative", "liberal", "democrat", "lib", "dem", "snp", "plaid", "republican", "democratic"]);
/** Words that open a sentence before a name without being part of it. */
const SENTENCE_START_MODIFIERS = new Set(["former", "fellow", "veteran", "late", "ex"]);
const MILITARY_UNITS = new Set(["division", "wing", "squadron", "brigade", "regiment", "battalion", "corps", "army", "fleet", "group", "guards"]);
const ORDINAL = /^\d+(?:st|nd|rd|th|d)?$/;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const NON_ASCII = /[^\x00-\x7f]/;
const UPPER_START = /^\p{Lu}/u;
const INITIAL = /^\p{Lu}\.?$/u;
const ACRONYM = /^[A-Z][A-Z0-9&.]{1,6}$/;
/** "6PR", "3AW": broadcasters' call signs and similar codes. */
const CALL_SIGN = /^\d+[A-Z][A-Za-z]*$/;

function isAcronym(text: string): boolean {
  return ACRONYM.test(text) && /[A-Z].*[A-Z]/.test(text);
}

function isPlaceWord(lower: string): boolean {
  return PLACES.has(lower) || DEMONYMS.has(lower) || CITIES.has(lower) || REGIONS.has(lower);
}

/** Whether two hyphenated pieces are one name ("Saxony-Anhalt", "SVD-M") rather than two ("Russia-Ukraine"). */
function hyphenJoins(left: string, right: string, afterRight: Token | undefined): boolean {
  if (!UPPER_START.test(left) && !/^\d/.test(left)) return false;
  if (!UPPER_START.test(right) && !/^\d/.test(right)) {
    // "Stratford-upon-Avon", "Hauts-de-France": a lower-case piece inside a longer name
    return !!afterRight && afterRight.text === "-" && /^[a-z]{1,4}$/.test(right);
  }
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (isPlaceWord(l) && isPlaceWord(r)) return false;
  return true;
}

export function toUnits(tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    let text = tokens[i]!.text;
    let pos = tokens[i]!.pos;
    for (;;) {
      const prev = tokens[j - 1]!;
      const next = tokens[j];
      if (!next || next.start !== prev.end || next.pos === "PUNCT" && next.text !== "-") break;
      if (LETTERS.test(prev.text) && LETTERS.test(next.text) && (NON_ASCII.test(prev.text) || NON_ASCII.test(next.text)) && pos !== "PUNCT") {
        text += next.text;
        if (next.pos === "PROPN") pos = "PROPN";
        j++;
        continue;
      }
      // "6PR": wink splits a call sign after its digits
      if (/^\d+$/.test(prev.text) && j === i + 1 && /^[A-Z]{2,}[a-z]*$/.test(next.text) && !/^(?:AM|PM|GMT|UTC|BC|AD|BCE|CE)$/.test(next.text)) {
        text += next.text;
        pos = "PROPN";
        j++;
        continue;
      }
      if (next.text === "-" && pos !== "PUNCT") {
        const after = tokens[j + 1];
        const lastPiece = text.slice(text.lastIndexOf("-") + 1);
        if (after && after.start === next.end && /^[\p{L}\p{N}]/u.test(after.text) && hyphenJoins(lastPiece, after.text, tokens[j + 2]?.start === after.end ? tokens[j + 2] : undefined)) {
          text += "-" + after.text;
          if (UPPER_START.test(text)) pos = "PROPN";
          j += 2;
          continue;
        }
      }
      break;
    }
    const t = tokens[i]!;
    if (j === i + 1) units.push({ first: i, last: j, text, lower: t.lower, pos, start: t.start, end: t.end });
    else units.push({ first: i, last: j, text, lower: text.toLowerCase(), pos: UPPER_START.test(text) ? "PROPN" : pos, start: t.start, end: tokens[j - 1]!.end });
    i = j;
  }
  return units;
}

function isEquipment(u: Unit): boolean {
  return EQUIPMENT_TOKEN.test(u.text);
}

/** Can this word be part of a name (away from the sentence start)? */
function nameLike(u: Unit): boolean {
  if (u === NO_UNIT) return false;
  if (isEquipment(u)) return true;
  if (!UPPER_START.test(u.text)) return CALL_SIGN.test(u.text) && /[A-Z].*[A-Z]/.test(u.text);
  if (u.pos === "PUNCT" || u.pos === "SYM" || u.pos === "NUM") return false;
  if (NOT_NAMES.has(u.lower)) return false;
  if (INITIAL.test(u.text) && u.pos !== "PROPN") return false;
  return true;
}

/** Can a name start at the sentence's first word? Only if the word is a name in its own right. */
function nameAtStart(u: Unit, next: Unit): boolean {
  if (!nameLike(u)) return false;
  // "Former Everton midfielder Thomas Gravesen", "Fellow Bath prop Duncan Bell": capitalised only for starting the sentence
  if (SENTENCE_START_MODIFIERS.has(u.lower)) return false;
  // "Troops arrived": an ordinary word opening the sentence
  if (!nameLike(next) && isLexiconWord(u.lower) && !isPlaceWord(u.lower) && !FIRST_NAMES.has(u.text) && !AFFILIATIONS.has(u.lower)) return false;
  if (u.pos === "PROPN") return true;
  if (isPlaceWord(u.lower) || FIRST_NAMES.has(u.text) || AFFILIATIONS.has(u.lower) || isAcronym(u.text)) return true;
  return u.pos !== "ADJ" && u.pos !== "ADV" && u.pos !== "VERB" && u.pos !== "AUX" && nameLike(next) && ORG_WORDS.has(next.lower);
}

export function isTitle(lower: string): boolean {
  return TITLES.has(lower.replace(/\.$/, ""));
}

/**
 * The units in [start, end) (clamped to the array, as slice is), one field of each, joined by spaces. A loop
 * where the code used slice, map and join: no arrays to allocate, and nothing for V8 to re-optimise when
 * map hands back an array of another elements kind (a recompile of the whole caller each time).
 */
function joinField(units: Unit[], start: number, end: number, field: "lower" | "text"): string {
  const from = Math.max(0, start);
  const stop = Math.min(end, units.length);
  let out = "";
  for (let k = from; k < stop; k++) out += k > from ? " " + units[k]![field] : units[k]![field];
  return out;
}

/** Length in words of a gazetteer place starting at unit k (0 if none). */
function placeAt(units: Unit[], k: number): number {
  for (let n = 3; n >= 1; n--) {
    if (k + n > units.length) continue;
    const slice = units.slice(k, k + n);
    if (!slice.every((u) => UPPER_START.test(u.text) || u.lower === "of")) continue;
    const text = joinField(units, k, k + n, "lower");
    if (PLACES.has(text) || REGIONS.has(text) || (n > 1 && CITIES.has(text))) return n;
  }
  return 0;
}

/** Finds and types the names in one sentence. `units`: toUnits(tokens), when the caller has them already. */
export function recogniseEntities(tokens: Token[], units = toUnits(tokens)): SentenceEntities {
  const out: SentenceEntities = { entities: [], demonyms: [], affiliations: [] };
  // Quotes and brackets at the start don't make the next word the sentence's first.
  let sentenceStart = 0;
  while (sentenceStart < units.length && units[sentenceStart]!.pos === "PUNCT") sentenceStart++;

  let i = 0;
  while (i < units.length) {
    const u = units[i]!;
    // A capitalised "The" inside a sentence belongs to the name after it: "supporting The Used".
    const leadingThe = u.text === "The" && i !== sentenceStart && nameLike(unitAt(units, i + 1));
    if (!leadingThe && !(i === sentenceStart ? nameAtStart(u, unitAt(units, i + 1)) : nameLike(u))) {
      i++;
      continue;
    }
    const j = extendSpan(units, leadingThe ? i + 1 : i);
    takeSpan(tokens, units, i, j, i === sentenceStart, out);
    i = j;
  }
  shareListTypes(tokens, out.entities);
  return out;
}

const LIST_GLUE = new Set([",", "and", "or", "&", "/", ";"]);

/**
 * Names listed together are mostly of one kind: "Bearn, Gascony and Brittany",
 * "Senlis, Oise, Picardie". A guess in a list takes the type of a sure item.
 */
function shareListTypes(tokens: Token[], entities: EntitySpan[]): void {
  let k = 0;
  while (k < entities.length) {
    let m = k + 1;
    while (m < entities.length) {
      const gap = tokens.slice(entities[m - 1]!.last, entities[m]!.first);
      if (gap.length === 0 || gap.length > 2 || !gap.every((t) => LIST_GLUE.has(t.lower))) break;
      m++;
    }
    if (m - k > 1) {
      const items = entities.slice(k, m);
      const votes = new Map<EntityType, number>();
      for (const e of items) if (e.typeConfidence >= 0.7 && e.type !== "Other" && e.type !== "Equipment") votes.set(e.type, (votes.get(e.type) ?? 0) + 1);
      const ranked = [...votes].sort((a, b) => b[1] - a[1]);
      if (ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1])) {
        const type = ranked[0]![0];
        for (const e of items) {
          if (e.typeConfidence < 0.5 && e.type !== type) {
            e.type = type;
            e.typeConfidence = 0.5;
          }
        }
      }
    }
    k = m;
  }
}

/** Where the name that starts at unit `i` ends (exclusive). */
function extendSpan(units: Unit[], i: number): number {
  let j = i + 1;
  let orgOf = false;
  while (j < units.length) {
    const t = units[j]!;
    // "F-102 Delta Dagger" is one name; "Il-76 Russia" is not
    if (nameLike(t) && !(isEquipment(units[j - 1]!) && (isPlaceWord(t.lower) || isEquipment(t)))) {
      j++;
      continue;
    }
    const next = unitAt(units, j + 1);
    // "Herbert A E Scheele": initials between names
    if (INITIAL.test(t.text) && nameLike(next)) {
      j++;
      continue;
    }
    // "Hootie & the Blowfish", "CBL & Associates"
    if (t.text === "&") {
      let k = j + 1;
      if (unitAt(units, k).lower === "the") k++;
      // "David Christison & Lee Tate" are two people
      if (nameLike(unitAt(units, k)) && !FIRST_NAMES.has(units[k]!.text) && !FIRST_NAMES.has(units[i]!.text)) {
        j = k + 1;
        continue;
      }
    }
    // "Charles de Gaulle", "Joaquin de la Pazuela", "Kingston upon Thames"
    if (PARTICLES.has(t.text) || t.text === "upon") {
      let k = j;
      while (k < units.length && PARTICLES.has(units[k]!.text)) k++;
      if (unitAt(units, k).text === "upon") k++;
      if (nameLike(unitAt(units, k)) && !DEMONYMS.has(units[k]!.lower)) {
        j = k + 1;
        continue;
      }
    }
    // "Bank of England", "Army of the North", "Centre for Strategic Studies"
    if (t.lower === "of" || t.lower === "for" || t.lower === "on") {
      let k = j + 1;
      if (unitAt(units, k).lower === "the" && t.lower === "of") k++;
      if (nameLike(unitAt(units, k))) {
        const rightEnd = extendSpan(units, k);
        if (joinsAcross(units, i, j, t.lower, k, rightEnd)) {
          if (ORG_WORDS.has(units[j - 1]!.lower)) orgOf = true;
          j = rightEnd;
          continue;
        }
      }
    }
    // "Department of Physics and Astronomy", "Center for Science and Culture"
    if (orgOf && t.lower === "and" && nameLike(next) && !isPlaceWord(next.lower) && !FIRST_NAMES.has(next.text) && !PLACES.has(next.lower)) {
      let k = j + 1;
      while (nameLike(unitAt(units, k)) && !isPlaceWord(units[k]!.lower)) k++;
      if (!nameLike(unitAt(units, k)) && unitAt(units, k).lower !== "and") {
        j = k;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Whether the name units[i..j) goes on across the connector at j ("of", "for", "on"). */
function joinsAcross(units: Unit[], i: number, j: number, connector: string, k: number, rightEnd: number): boolean {
  const left = units.slice(i, j);
  const head = left[left.length - 1]!.lower;
  if (connector !== "of") return ORG_WORDS.has(head) || EVENT_WORDS.has(head);
  // "President of Russia": a title phrase, stripped later
  if (left.every((u) => isTitle(u.lower) || TITLE_MODIFIERS.has(u.lower))) return true;
  // "Carlos I of Portugal", "Professor Amos Frumkin of the Hebrew University": people are not named with "of"
  if (left.some((u) => FIRST_NAMES.has(u.text)) && !ORG_WORDS.has(head) && !LOCATION_WORDS.has(head)) return false;
  const headed = (w: string) => ORG_WORDS.has(w) || LOCATION_WORDS.has(w) || EVENT_WORDS.has(w) || MISC_WORDS.has(w);
  if (left.length === 1) return headed(head) || EVENT_PREFIXES.has(head) || ORG_PREFIXES.has(head);
  // "Victoria Hockey Club of Montreal", "Division of the IV Corps": a whole name, then another
  const right = units.slice(k, rightEnd);
  const rightLower = joinField(units, k, rightEnd, "lower");
  const rightWhole = isPlaceWord(rightLower) || REGIONS.has(rightLower) || (right.length > 1 && (ORG_WORDS.has(right[right.length - 1]!.lower) || LOCATION_WORDS.has(right[right.length - 1]!.lower)));
  if (headed(head) && rightWhole) return false;
  return true;
}

function takeSpan(tokens: Token[], units: Unit[], first: number, end: number, atSentenceStart: boolean, out: SentenceEntities): void {
  let start = first;
  let theWord = false;
  if (units[start]!.text === "The" && !atSentenceStart) {
    theWord = true;
    start++;
  }
  // "Actor Christian Slater", "Boss Sir Alex Ferguson": a cue word is capitalised only for opening the sentence
  // (typeSpan still reads it as the word before the name)
  // ("Bishop Garrigan High School" keeps its first word: the name ends as an institution's does)
  const lastWord = units[end - 1]!.lower;
  const institution = (ORG_WORDS.has(lastWord) || LOCATION_WORDS.has(lastWord) || EVENT_WORDS.has(lastWord)) && !FIRST_NAMES.has(unitAt(units, start + 1).text);
  if (atSentenceStart && end - start > 1 && !institution && (PERSON_CUES.has(units[start]!.lower) || SPORTS_ROLES.has(units[start]!.lower))) start++;
  // A military unit keeps its number: "3 Air Division", "58th Combined Arms Army".
  if (!theWord && start > 0 && ORDINAL.test(units[start - 1]!.text) && MILITARY_UNITS.has(units[end - 1]!.lower)) start--;

  // "Washington, D.C."
  if (unitAt(units, end).text === "," && unitAt(units, end + 1).text === "D.C.") end += 2;
  // "Grodno region"
  if (end < units.length && LOCATION_TAILS.has(units[end]!.text)) end++;

  // Strip leading titles; remember them as a cue. "Foreign Minister Sergei Lavrov",
  // "Russian President Vladimir Putin", "Secretary of State Antony Blinken".
  const titleWords: string[] = [];
  let lastTitle = -1;
  let core = false;
  for (let k = start; k < end - 1; k++) {
    const lower = units[k]!.lower.replace(/\.$/, "");
    if (isTitle(lower) || (core && TITLE_MODIFIERS.has(lower))) {
      if (!TITLE_MODIFIERS.has(lower)) core = true;
      if (core) lastTitle = k;
    } else if (!(TITLE_MODIFIERS.has(lower) || isPlaceWord(lower) || lower === "of" || lower === "the")) break;
  }
  if (lastTitle >= 0) {
    let cut = lastTitle + 1;
    // "Secretary of State ...", "President of Russia ..."
    if (unitAt(units, cut).lower === "of") {
      let k = cut + 1;
      if (unitAt(units, k).lower === "the") k++;
      const place = placeAt(units, k);
      k += place || 1;
      cut = Math.min(k, end);
    }
    const rest = units.slice(cut, end);
    const restHead = rest[rest.length - 1]?.lower ?? "";
    // "Queen Elizabeth Hospital", "Major League Baseball", "General Motors" keep their first word
    const institution = rest.some((u) => ORG_WORDS.has(u.lower)) || LOCATION_WORDS.has(restHead) || EVENT_WORDS.has(restHead) || MISC_WORDS.has(restHead);
    if (!institution) {
      if (rest.length === 0) {
        // "the President of Russia": no one is named; the place after "of" still is
        const ofAt = units.slice(start, end).findIndex((u) => u.lower === "of");
        if (ofAt >= 0) {
          let k = start + ofAt + 1;
          if (unitAt(units, k).lower === "the") k++;
          if (k < end) takeSpan(tokens, units, k, end, false, out);
        }
        return;
      }
      for (let k = start; k < cut; k++) {
        const d = DEMONYMS.get(units[k]!.lower);
        if (d) out.demonyms.push({ index: units[k]!.first, country: d });
      }
      titleWords.push(...units.slice(start, cut).map((u) => u.text));
      start = cut;
      theWord = false;
    }
  }
  // A lone title ("President said") names no one.
  if (start >= end) return;
  if (start === end - 1 && isTitle(units[start]!.lower)) return;

  // Leading demonyms are not part of a name unless the name is an organisation:
  // "Russian Defence Ministry" is one name, "Russian Vladimir Putin" is not.
  while (start < end - 1 && DEMONYMS.has(units[start]!.lower) && !isPlaceWord(joinField(units, start, end, "lower"))) {
    const rest = units.slice(start + 1, end);
    const head = rest[rest.length - 1]!.lower;
    if (ORG_WORDS.has(head) || EVENT_WORDS.has(head) || MISC_WORDS.has(head) || LOCATION_WORDS.has(head) || rest.some((u) => ORG_WORDS.has(u.lower))) break;
    out.demonyms.push({ index: units[start]!.first, country: DEMONYMS.get(units[start]!.lower)! });
    start++;
    theWord = false;
  }
  // "U.S. Olympic team": a country before a lone adjective is the name, the adjective is not.
  if (end - start === 2 && PLACES.has(units[start]!.lower) && (units[start + 1]!.pos === "ADJ" || units[start + 1]!.pos === "NOUN") && !ORG_WORDS.has(units[start + 1]!.lower) && !LOCATION_WORDS.has(units[start + 1]!.lower) && !EVENT_WORDS.has(units[start + 1]!.lower)) {
    end = start + 1;
  }

  const span = units.slice(start, end);
  const lower = joinField(units, start, end, "lower");
  if (span.length === 1 && !theWord && !PLACES.has(lower) && !REGIONS.has(lower)) {
    if (DEMONYMS.has(lower)) {
      out.demonyms.push({ index: span[0]!.first, country: DEMONYMS.get(lower)! });
      return;
    }
    if (AFFILIATIONS.has(lower) || (lower.includes("-") && DEMONYMS.has(lower.slice(lower.lastIndexOf("-") + 1)))) {
      out.affiliations.push({ first: span[0]!.first, last: span[0]!.last });
      return;
    }
  }
  // "(Photo: John Smith/AP)": a credit names no one the story is about
  if (isCredit(units, start, end)) return;
  const typed = typeSpan(units, start, end, titleWords.length > 0, theWord);
  if (!typed) return;
  // "The" stays only with names that carry it: bands, papers, organisations.
  if (theWord && (typed.type === "Person" || typed.type === "Location")) theWord = false;
  const from = theWord ? start - 1 : start;
  const all = units.slice(from, end);
  // One object shape for every entity (absent fields are undefined, not missing): code that reads
  // entities then stays monomorphic, and V8 does not recompile it each time a new shape turns up.
  out.entities.push({
    first: all[0]!.first,
    last: all[all.length - 1]!.last,
    text: joinUnits(tokens, all),
    start: all[0]!.start,
    end: all[all.length - 1]!.end,
    type: typed.type,
    canonical: typed.canonical,
    title: titleWords.length ? titleWords.join(" ") : undefined,
    typeConfidence: typed.typeConfidence,
    words: span.map((u) => u.text),
  });
}

const CREDIT_WORDS = new Set(["photo", "photos", "image", "images", "picture", "pictures", "credit", "credits", "photograph", "photographer", "video", "source", "getty", "illustration"]);

/** Whether units[start..end) sit in a photo credit: "Photo: John Smith/AP", "John Smith/Reuters", "(AP Photo/Evan Vucci)". */
function isCredit(units: Unit[], start: number, end: number): boolean {
  if (unitAt(units, end).text === "/" && UPPER_START.test(unitAt(units, end + 1).text)) return true;
  if (unitAt(units, start - 1).text === "/" && CREDIT_WORDS.has(unitAt(units, start - 2).lower)) return true;
  // "John Smith/AP)": the agency after the photographer
  if (unitAt(units, start - 1).text === "/" && UPPER_START.test(unitAt(units, start - 2).text) && (end >= units.length || units[end]!.text === ")" || units[end]!.text === "]")) return true;
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const u = units[k]!;
    if (u.text === ":" && CREDIT_WORDS.has(unitAt(units, k - 1).lower)) return true;
    if (u.pos !== "PUNCT") break;
  }
  return false;
}

/** Rebuilds the span's text from token offsets, keeping the spacing the article has. */
export function joinUnits(tokens: Token[], span: Unit[]): string {
  const toks = tokens.slice(span[0]!.first, span[span.length - 1]!.last);
  let text = toks[0]!.text;
  for (let k = 1; k < toks.length; k++) text += (toks[k]!.start > toks[k - 1]!.end ? " " : "") + toks[k]!.text;
  return text;
}

type Typed = Pick<EntitySpan, "type" | "canonical" | "typeConfidence">;

function personLike(span: Unit[]): boolean {
  return span.every((u) => /^\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*$/u.test(u.text) || INITIAL.test(u.text) || PARTICLES.has(u.text) || u.text === "Jr." || u.text === "Jr");
}

function typeSpan(units: Unit[], start: number, end: number, titled: boolean, theWord: boolean): Typed | undefined {
  const span = units.slice(start, end);
  const words: string[] = [];
  for (const u of span) words.push(u.lower);
  const lower = joinField(units, start, end, "lower");
  // "World War II", "Henry VIII": a regnal or series number is not the head
  const head = words.length > 1 && /^[ivx]+$/.test(words[words.length - 1]!) ? words[words.length - 2]! : words[words.length - 1]!;
  const firstWord = words[0]!;
  const n = span.length;
  // NO_UNIT where the sentence ends: its empty fields match no cue below.
  const after = unitAt(units, end);
  const before = unitAt(units, theWord ? start - 2 : start - 1);
  const before2 = unitAt(units, theWord ? start - 3 : start - 2);
  const afterThe = theWord || before.lower === "the";
  const text = joinField(units, start, end, "text");

  if (span.some(isEquipment) || (EQUIPMENT_NOUNS.has(after.lower) && n === 1 && !PLACES.has(lower) && isAcronym(text))) {
    return { type: "Equipment", typeConfidence: 0.9 };
  }
  const place = PLACES.get(lower);
  if (place) return { type: place.type, canonical: place.name, typeConfidence: 0.95 };
  if (titled) return { type: "Person", typeConfidence: 0.9 };
  // "Arsenal striker Thierry Henry": a name before a playing position and a name is a team (a town's name
  // stays a place, as it does elsewhere: "Liverpool winger Harry Kewell")
  if (n <= 3 && PLAYING_POSITIONS.has(after.lower) && nameLike(unitAt(units, end + 1)) && !isPlaceWord(lower) && !DEMONYMS.has(firstWord)) return { type: "Organization", typeConfidence: 0.7 };
  // A title of a work in quotes: "Rock Out", "The Game of the Century"
  if (/^["“‘'`]+$/.test(before.text) && !REGIONS.has(lower) && !CITIES.has(lower)) return { type: "Other", typeConfidence: 0.5 };
  // "a Specialist Group of ...", "an Air Division": a kind of thing, not a name
  if ((before.lower === "a" || before.lower === "an") && !theWord && !(after.pos === "NOUN" && !UPPER_START.test(after.text)) && !REGIONS.has(lower) && !CITIES.has(lower)) {
    return { type: "Other", typeConfidence: 0.4 };
  }
  if (LOCATION_TAILS.has(head) && span[n - 1]!.text === head) return { type: "Location", typeConfidence: 0.85 };

  // Named exercises and operations: "exercises named United Resolve".
  if ((before.lower === "named" || before.lower === "dubbed" || before.lower === "codenamed" || before.lower === "called") && /^(?:exercises?|operations?|drills|manoeuvres|maneuvers|war ?games)$/.test(before2.lower)) {
    return { type: "Event", typeConfidence: 0.8 };
  }
  // Cue words at the head or the front of the name.
  if (n > 1) {
    if (EVENT_PREFIXES.has(firstWord) && (words[1] === "of" || firstWord === "operation")) return { type: "Event", typeConfidence: 0.8 };
    if (ORG_WORDS.has(head) && !(MILITARY_UNITS.has(head) && LOCATION_WORDS.has(words[n - 2]!))) return { type: "Organization", typeConfidence: 0.8 };
    if (LOCATION_WORDS.has(head)) return { type: "Location", typeConfidence: 0.8 };
    if (EVENT_WORDS.has(head)) return { type: "Event", typeConfidence: 0.8 };
    if (MISC_WORDS.has(head)) return { type: "Other", typeConfidence: 0.7 };
    if (ORG_PREFIXES.has(firstWord) || words.some((w) => ORG_WORDS.has(w) && w !== "united")) return { type: "Organization", typeConfidence: 0.75 };
    if (LOCATION_PREFIXES.has(firstWord) || (words.includes("of") && LOCATION_WORDS.has(words[words.indexOf("of") - 1]!))) return { type: "Location", typeConfidence: 0.75 };
  }
  if (REGIONS.has(lower)) return { type: "Location", typeConfidence: 0.9 };

  // The words around the name.
  if (before.lower === "of" && (PLACE_OF.has(before2.lower) || COMPASS.has(before2.lower))) return { type: "Location", typeConfidence: 0.85 };
  // "Brensbach is a municipality in ...", "Champdor is a commune"
  if ((after.lower === "is" || after.lower === "was") && (unitAt(units, end + 1).lower === "a" || unitAt(units, end + 1).lower === "an")) {
    for (let k = end + 2; k < Math.min(end + 6, units.length); k++) {
      if (PLACE_OF.has(units[k]!.lower)) return { type: "Location", typeConfidence: 0.8 };
      if (units[k]!.pos === "NOUN" || units[k]!.pos === "PUNCT") break;
    }
  }
  if (after.text === "," && placeAt(units, end + 1) > 0 && !afterThe) {
    const k = end + 1 + placeAt(units, end + 1);
    if (k >= units.length || units[k]!.pos === "PUNCT" || !nameLike(units[k]!)) return { type: "Location", typeConfidence: 0.8 };
  }
  const personCue = PERSON_CUES.has(before.lower) || (before.lower === "of" && PERSON_CUES.has(before2.lower) && !afterThe);
  const orgCue = ORG_CUES.has(before.lower) || (theWord && n > 1);

  if (CITIES.has(lower)) {
    if (n === 1 && FIRST_NAMES.has(span[0]!.text) && personCue) return { type: "Person", typeConfidence: 0.6 };
    return { type: "Location", typeConfidence: n > 1 ? 0.85 : 0.75 };
  }
  if (orgCue && !personCue) return { type: "Organization", typeConfidence: 0.7 };
  if (personCue && !afterThe) return { type: "Person", typeConfidence: 0.7 };
  if (n >= 2 && n <= 5 && FIRST_NAMES.has(span[0]!.text) && personLike(span.slice(1)) && !afterThe) return { type: "Person", typeConfidence: 0.85 };
  if (n >= 2 && n <= 5 && INITIAL.test(span[0]!.text) && personLike(span) && !afterThe) return { type: "Person", typeConfidence: 0.7 };
  if (after.text === "(" && unitAt(units, end + 1).lower === "born") return { type: "Person", typeConfidence: 0.8 };

  if (n === 1 && CALL_SIGN.test(span[0]!.text) && /[A-Z].*[A-Z]/.test(span[0]!.text)) return { type: "Organization", typeConfidence: 0.6 };
  if (theWord) return { type: "Organization", typeConfidence: 0.6 };
  if (n === 1 && isAcronym(span[0]!.text)) {
    if (COMMON_ACRONYMS.has(span[0]!.text)) return { type: "Other", typeConfidence: 0.5 };
    return { type: "Organization", typeConfidence: 0.6 };
  }
  if (n > 1 && words.includes("of")) return { type: "Organization", typeConfidence: 0.55 };
  const verbAfter = PERSON_VERBS.has(after.lower) || (after.lower === "was" && unitAt(units, end + 1).lower === "born");
  if (verbAfter && !afterThe && n <= 3) return { type: "Person", typeConfidence: 0.6 };
  if (LOCATIVE.has(before.lower) && n <= 3) return { type: "Location", typeConfidence: 0.5 };
  if (n === 1 && !afterThe && (after.pos === "VERB" || after.pos === "AUX") && !isLexiconWord(firstWord)) return { type: "Person", typeConfidence: 0.45 };
  if (afterThe) return { type: "Other", typeConfidence: 0.3 };
  if (n >= 2 && n <= 4 && personLike(span)) {
    // "East Perth", "Greater Poland", "Maine Central"
    if (DIRECTIONS.has(firstWord) && !FIRST_NAMES.has(span[1]!.text)) return { type: "Location", typeConfidence: 0.5 };
    // "Velvet Revolver", "Pawn Shop": ordinary words are seldom a person's name
    if (words.every((w) => isLexiconWord(w))) return { type: "Other", typeConfidence: 0.4 };
    if (!isLexiconWord(head)) return { type: "Person", typeConfidence: 0.55 };
    return { type: "Other", typeConfidence: 0.4 };
  }
  if (n === 1 && FIRST_NAMES.has(span[0]!.text)) return { type: "Person", typeConfidence: 0.5 };
  return { type: "Other", typeConfidence: 0.35 };
}
