/**
 * Named-entity recognition over tagged tokens: finds name spans, strips
 * titles, types each span from gazetteers and cue words. Pure and fast: one
 * pass over the tokens, no model beyond the tagger's part-of-speech tags.
 */
import type { Token } from "../nlp/index.ts";
import type { EntityType } from "../types.ts";
import {
  DEMONYMS,
  EQUIPMENT_NOUNS,
  EQUIPMENT_TOKEN,
  EVENT_WORDS,
  FIRST_NAMES,
  LOCATION_TAILS,
  LOCATION_WORDS,
  NOT_NAMES,
  ORG_WORDS,
  PLACES,
  TITLES,
} from "./gazetteer.ts";

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
}

/** A demonym or nationality adjective, kept apart: MISC for NER, country for roles. */
export interface DemonymSpan {
  index: number;
  country: string;
}

const LOCATIVE = new Set(["in", "at", "from", "to", "near", "outside", "across", "into", "towards", "toward", "over", "around", "across", "throughout", "via"]);
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "da", "bin", "al", "la", "le"]);
const CONNECTORS = new Set(["of", "for"]);

function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function isEquipment(t: Token): boolean {
  return EQUIPMENT_TOKEN.test(t.text);
}

/** Can this token be part of a name? `atStart`: first word of the sentence. */
function isNameToken(t: Token, atStart: boolean): boolean {
  if (isEquipment(t)) return true;
  if (!isCapitalised(t)) return false;
  if (NOT_NAMES.has(t.lower)) return false;
  if (t.pos === "PUNCT" || t.pos === "NUM" || t.pos === "SYM") return false;
  if (/^[A-Z]\.?$/.test(t.text) && t.pos !== "PROPN") return false;
  if (atStart) return t.pos === "PROPN" || PLACES.has(t.lower) || DEMONYMS.has(t.lower);
  return t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "X" || t.pos === "VERB" || t.pos === "ADV" || t.pos === "INTJ";
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,6}$/.test(text) && /[A-Z].*[A-Z]/.test(text);
}

/** Finds and types the names in one sentence. */
export function recogniseEntities(tokens: Token[]): { entities: EntitySpan[]; demonyms: DemonymSpan[] } {
  const entities: EntitySpan[] = [];
  const demonyms: DemonymSpan[] = [];
  let i = 0;
  // Quotes and brackets at the start don't make the next word the sentence's first.
  let sentenceStart = 0;
  while (sentenceStart < tokens.length && tokens[sentenceStart]!.pos === "PUNCT") sentenceStart++;

  while (i < tokens.length) {
    const atStart = i === sentenceStart;
    if (!isNameToken(tokens[i]!, atStart)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (isNameToken(t, false) && !isEquipment(tokens[j - 1]!)) {
        j++;
        continue;
      }
      // "Department of Defense", "Centre for Strategic Studies", "Charles de Gaulle"
      const next = tokens[j + 1];
      if ((CONNECTORS.has(t.lower) || NAME_PARTICLES.has(t.lower)) && next && isNameToken(next, false) && !DEMONYMS.has(next.lower)) {
        const headWord = tokens[j - 1]!.lower;
        if (NAME_PARTICLES.has(t.lower) || ORG_WORDS.has(headWord) || EVENT_WORDS.has(headWord) || headWord === "bank" || headWord === "university") {
          j += 2;
          continue;
        }
      }
      break;
    }
    // "Grodno region"
    if (j < tokens.length && LOCATION_TAILS.has(tokens[j]!.text)) j++;
    takeSpan(tokens, i, j, entities, demonyms);
    i = j;
  }
  return { entities, demonyms };
}

function takeSpan(tokens: Token[], first: number, end: number, out: EntitySpan[], demonyms: DemonymSpan[]): void {
  // Strip leading titles; remember them as a cue.
  let start = first;
  const titleWords: string[] = [];
  for (let k = first; k < end - 1; k++) {
    const lower = tokens[k]!.lower.replace(/\.$/, "");
    if (TITLES.has(lower)) {
      titleWords.push(...tokens.slice(start, k + 1).map((t) => t.text));
      start = k + 1;
    }
  }
  // A lone title ("President said") names no one.
  if (start >= end) return;
  if (start === end - 1 && TITLES.has(tokens[start]!.lower.replace(/\.$/, ""))) return;

  // Leading demonyms are not part of a name unless the name is an organisation:
  // "Russian Defence Ministry" is one name, "Russian Vladimir Putin" is not.
  while (start < end - 1 && DEMONYMS.has(tokens[start]!.lower)) {
    const rest = tokens.slice(start + 1, end);
    if (ORG_WORDS.has(rest[rest.length - 1]!.lower) || EVENT_WORDS.has(rest[rest.length - 1]!.lower)) break;
    demonyms.push({ index: start, country: DEMONYMS.get(tokens[start]!.lower)! });
    start++;
  }
  const span = tokens.slice(start, end);
  const text = joinTokens(span);
  const lower = text.toLowerCase();

  if (span.length === 1 && DEMONYMS.has(lower) && !PLACES.has(lower)) {
    demonyms.push({ index: start, country: DEMONYMS.get(lower)! });
    return;
  }
  const typed = typeSpan(tokens, start, end, text, titleWords.length > 0);
  if (!typed) return;
  out.push({
    first: start,
    last: end,
    text,
    start: span[0]!.start,
    end: span[span.length - 1]!.end,
    ...typed,
    ...(titleWords.length ? { title: titleWords.join(" ") } : {}),
  });
}

/** Rebuilds the span's text from token offsets, keeping the spacing the article has. */
function joinTokens(span: Token[]): string {
  let text = span[0]!.text;
  for (let k = 1; k < span.length; k++) text += (span[k]!.start > span[k - 1]!.end ? " " : "") + span[k]!.text;
  return text;
}

function typeSpan(tokens: Token[], start: number, end: number, text: string, titled: boolean): Pick<EntitySpan, "type" | "canonical" | "typeConfidence"> | undefined {
  const span = tokens.slice(start, end);
  const lower = text.toLowerCase();
  const lastLower = span[span.length - 1]!.lower;
  const after = tokens[end];
  const before = tokens[start - 1];

  if (span.some(isEquipment) || (after && EQUIPMENT_NOUNS.has(after.lower) && span.length === 1 && !PLACES.has(lower) && isAcronym(text))) {
    return { type: "Equipment", typeConfidence: 0.9 };
  }
  const place = PLACES.get(lower);
  if (place) return { type: place.type, canonical: place.name, typeConfidence: 0.95 };
  if (titled) return { type: "Person", typeConfidence: 0.9 };
  if (LOCATION_TAILS.has(lastLower) || (span.length > 1 && LOCATION_WORDS.has(lastLower))) return { type: "Location", typeConfidence: 0.8 };
  if (ORG_WORDS.has(lastLower) || span.some((t) => ORG_WORDS.has(t.lower) && t.lower !== "force")) return { type: "Organization", typeConfidence: 0.8 };
  if (EVENT_WORDS.has(lastLower)) return { type: "Event", typeConfidence: 0.8 };
  // Named exercises and operations: "exercises named United Resolve".
  if (before && (before.lower === "named" || before.lower === "dubbed" || before.lower === "codenamed" || before.lower === "operation")) {
    return { type: "Event", typeConfidence: 0.7 };
  }
  if (span.length === 1 && isAcronym(text)) return { type: "Organization", typeConfidence: 0.6 };
  if (span.length >= 2 && FIRST_NAMES.has(span[0]!.text)) return { type: "Person", typeConfidence: 0.85 };
  if (span.length >= 2 && span.length <= 4 && span.every((t) => /^[A-Z][a-z'’-]+$/.test(t.text) || NAME_PARTICLES.has(t.lower))) {
    return { type: "Person", typeConfidence: 0.6 };
  }
  if (before && LOCATIVE.has(before.lower)) return { type: "Location", typeConfidence: 0.5 };
  return { type: "Other", typeConfidence: 0.4 };
}
