/**
 * Features of the entity model, as strings: the same function serves training
 * (scripts/ner/train.ts) and tagging (model.ts), so the two can never drift.
 *
 * Two kinds:
 * - word features depend only on a word and its position relative to the word
 *   being tagged (-2…2): the word, its shape, affixes, clusters, gazetteer
 *   flags. The tagger caches their summed weights per word, which is what
 *   makes the model cheap at run time.
 * - context features depend on the sentence: parts of speech, word pairs,
 *   the sentence start, all-capital headlines, and names the lexicons know
 *   over several words.
 * - document features depend on the article: whether it is a sports report
 *   (where "Ireland" and "Milan" are teams), and how the article labelled a
 *   capitalised word before ("Sonaptic" once an organisation, then always).
 */
import { AFFILIATIONS, CITIES, DEMONYMS, EQUIPMENT_TOKEN, EVENT_WORDS, FIRST_NAMES, LOCATION_WORDS, MISC_WORDS, NOT_NAMES, ORG_CUES, ORG_WORDS, PERSON_CUES, PLACES, REGIONS, TITLES } from "../gazetteer.ts";
import { isLexiconWord } from "../lexicon.ts";
import { isSportsReport } from "../../article/sports.ts";
import { ENTITY_CLASSES, type ClassSpan } from "./labels.ts";

/** What the model reads of a word: wink's token, or a unit of tokens wink split. */
export interface FeatureWord {
  text: string;
  lower: string;
  pos: string;
}

/** Learned from raw and teacher-labelled news by `pnpm train:ner`; shipped beside the weights. */
export interface ModelLexicons {
  /** Word (as written) -> its cluster at each granularity, coarse to fine ("a12", "b140", "c700"). */
  clusters: Map<string, string[]>;
  /** Lower-cased name (words joined by one space) -> the class the teacher gave it most ("ORG", or "MIX"). */
  names: Map<string, string>;
}

/** Relative positions the word features look at: two words either side closely, two more as a bag. */
export const WINDOW = [-4, -3, -2, -1, 0, 1, 2, 3, 4] as const;
/** The positions word features name: -3 and 3 stand for three or four words away. */
export const POSITIONS = [-3, -2, -1, 0, 1, 2, 3] as const;
/** Index into POSITIONS of a relative position in WINDOW. */
export function positionIndex(offset: number): number {
  return Math.max(-3, Math.min(3, offset)) + 3;
}
const MAX_NAME_WORDS = 5;

/** The class of one character for shapes: X upper, x lower, d digit, else itself. */
function shapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) return "X";
  if (code >= 97 && code <= 122) return "x";
  if (code >= 48 && code <= 57) return "d";
  if (code < 128) return ch;
  return ch !== ch.toLowerCase() ? "X" : ch !== ch.toUpperCase() ? "x" : ch;
}

/** "Putin" -> "Xxxx", "S-400" -> "X-ddd": runs of a class cut at three. */
export function shape(text: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (const ch of text) {
    const c = shapeChar(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 3) out += c;
  }
  return out;
}

/** "Putin" -> "Xx", "S-400" -> "X-d": runs of a class as one. */
export function shortShape(text: string): string {
  let out = "";
  let last = "";
  for (const ch of text) {
    const c = shapeChar(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Gazetteer and word-list memberships of a word, as short flags. */
export function wordFlags(text: string, lower = text.toLowerCase()): string[] {
  const f: string[] = [];
  if (FIRST_NAMES.has(text)) f.push("FN");
  if (PLACES.has(lower)) f.push(PLACES.get(lower)!.type === "Location" ? "PL" : "PO");
  if (CITIES.has(lower)) f.push("CI");
  if (REGIONS.has(lower)) f.push("RG");
  if (DEMONYMS.has(lower)) f.push("DM");
  if (AFFILIATIONS.has(lower)) f.push("AF");
  if (TITLES.has(lower.replace(/\.$/, ""))) f.push("TI");
  if (ORG_WORDS.has(lower)) f.push("OW");
  if (LOCATION_WORDS.has(lower)) f.push("LW");
  if (EVENT_WORDS.has(lower)) f.push("EW");
  if (MISC_WORDS.has(lower)) f.push("MW");
  if (PERSON_CUES.has(lower)) f.push("PC");
  if (ORG_CUES.has(lower)) f.push("OC");
  if (NOT_NAMES.has(lower)) f.push("NN");
  if (EQUIPMENT_TOKEN.test(text)) f.push("EQ");
  if (isOrdinaryWord(lower)) f.push("LX");
  return f;
}

/**
 * A word's features at every position of POSITIONS, without the position: `bases[k]` are those seen
 * from POSITIONS[k] words away (p = 0: the word being tagged; ±3: three or four away). The strings
 * are shared between positions, so a tagger looking each up in a table per position hashes each once.
 * `lower` and `flags` are the word's lower case and wordFlags, for a caller that has them already.
 */
export function wordFeatureBases(text: string, lex: ModelLexicons, lower = text.toLowerCase(), wordFlagList = wordFlags(text, lower)): string[][] {
  const clusters = lex.clusters.get(text) ?? lex.clusters.get(lower);
  const lw = `lw=${lower}`;
  const ss = `ss=${shortShape(text)}`;
  const flags = wordFlagList.map((f) => `g=${f}`);
  const c = clusters?.map((x) => `c=${x}`);
  const centre = [`w=${text}`, lw, `sh=${shape(text)}`, ss];
  for (let n = 1; n <= 4 && n < lower.length; n++) centre.push(`p${n}=${lower.slice(0, n)}`, `s${n}=${lower.slice(-n)}`);
  // letter trigrams inside the word: what unseen names share with seen ones ("-ovic", "-sson", "Inter-")
  const padded = `<${lower}>`;
  if (padded.length > 5) for (let k = 0; k + 3 <= padded.length; k++) centre.push(`g3=${padded.slice(k, k + 3)}`);
  centre.push(`len=${Math.min(lower.length, 12)}`);
  if (c) centre.push(...c);
  else centre.push("c=none");
  centre.push(...flags);
  const near = [lw, ss, `s3=${lower.slice(-3)}`, ...(c ? c.slice(1) : []), ...flags];
  const mid = c ? [lw, ss, c[1] ?? c[0]!] : [lw, ss];
  const far = c ? [lw, c[0]!] : [lw];
  const at = (p: number) => (p === 0 ? centre : p === -1 || p === 1 ? near : p === -2 || p === 2 ? mid : far);
  return POSITIONS.map(at);
}

/** The features of `word` seen from `p` words away, as the model's feature names ("0|w=Putin"). */
export function wordFeatures(text: string, p: number, lex: ModelLexicons): string[] {
  return wordFeatureBases(text, lex)[positionIndex(p)]!.map((f) => `${p}|${f}`);
}

/** What the context features need to know of the sentence as a whole. */
export interface SentenceFlags {
  /** Index of the first word that is not punctuation. */
  first: number;
  /** Most letters are capitals: a headline or a dateline written in capitals. */
  caps: boolean;
  /** Per word: names the lexicons know that cover it, as "source-class:part" ("S-ORG:B"). */
  names: string[][];
}

/** The flags, and per word (with "<s>" and "</s>" past the ends) its part of speech, lower case, short shape and rule tag. */
export interface SentenceView extends SentenceFlags {
  words: FeatureWord[];
  pos: string[];
  lower: string[];
  shapes: string[];
  rules: string[];
}

/*
 * Character tests with an ASCII fast path: the Unicode regular expressions and toUpperCase they stand
 * for ran on every word of every sentence, and news text is mostly ASCII. Past the first non-ASCII
 * character the original test decides.
 */

/** /\p{L}/u.test(text) */
function hasLetter(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return /\p{L}/u.test(text);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** text === text.toUpperCase() */
function isUpperCase(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return text === text.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** /^[\p{Lu}\d]/u.test(text) */
function startsUpperOrDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 128) return /^[\p{Lu}\d]/u.test(text);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

export function sentenceFlags(words: FeatureWord[], lex: ModelLexicons): SentenceFlags {
  let first = 0;
  while (first < words.length && words[first]!.pos === "PUNCT") first++;
  let letters = 0;
  let capitals = 0;
  for (const w of words) {
    if (!hasLetter(w.text)) continue;
    letters++;
    if (isUpperCase(w.text)) capitals++;
  }
  const caps = letters >= 3 && capitals / letters >= 0.7;
  return { first, caps, names: nameMatches(words, caps, lex) };
}

/** `rules`: the hand-written recogniser's tag of each word (model/rules.ts). */
export function sentenceView(words: FeatureWord[], lex: ModelLexicons, rules: string[]): SentenceView {
  // padded by one on each side, so features read neighbours without bounds checks
  const pos = ["<s>"];
  const lower = ["<s>"];
  const shapes = ["<s>"];
  for (const w of words) {
    pos.push(w.pos);
    lower.push(w.lower);
    shapes.push(shortShape(w.text));
  }
  pos.push("</s>");
  lower.push("</s>");
  shapes.push("</s>");
  return { ...sentenceFlags(words, lex), words, pos, lower, shapes, rules: ["<s>", ...rules, "</s>"] };
}

/** Every proper prefix, at word boundaries, of the names with more than one word. */
function prefixesOf(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys) for (let k = key.indexOf(" "); k > 0; k = key.indexOf(" ", k + 1)) out.add(key.slice(0, k));
  return out;
}
let gazetteerPrefixes: Set<string> | undefined;
const namePrefixes = new WeakMap<Map<string, string>, Set<string>>();

/** The longest lexicon name starting at each capitalised word, per source. */
function nameMatches(words: FeatureWord[], caps: boolean, lex: ModelLexicons): string[][] {
  gazetteerPrefixes ??= prefixesOf([...PLACES.keys(), ...CITIES, ...REGIONS]);
  let silverPrefixes = namePrefixes.get(lex.names);
  if (!silverPrefixes) namePrefixes.set(lex.names, (silverPrefixes = prefixesOf(lex.names.keys())));
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) out.push([]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!caps && !startsUpperOrDigit(w.text)) continue;
    let key = "";
    let silver: string | undefined;
    let silverLength = 0;
    let gazetteer: string | undefined;
    let gazetteerLength = 0;
    for (let n = 1; n <= MAX_NAME_WORDS && i + n <= words.length; n++) {
      key += (n > 1 ? " " : "") + words[i + n - 1]!.lower;
      const s = lex.names.get(key);
      if (s) (silver = `S-${s}`), (silverLength = n);
      const place = PLACES.get(key);
      const gaz = place ? (place.type === "Location" ? "G-LOC" : "G-ORG") : n > 1 && (CITIES.has(key) || REGIONS.has(key)) ? "G-LOC" : undefined;
      if (gaz) (gazetteer = gaz), (gazetteerLength = n);
      if (!silverPrefixes.has(key) && !gazetteerPrefixes.has(key)) break;
    }
    markName(out, i, silver, silverLength);
    markName(out, i, gazetteer, gazetteerLength);
  }
  return out;
}

function markName(out: string[][], i: number, tag: string | undefined, n: number): void {
  if (!tag) return;
  if (n === 1) out[i]!.push(`${tag}:U`);
  else for (let k = 0; k < n; k++) out[i + k]!.push(`${tag}:${k === 0 ? "B" : k === n - 1 ? "L" : "I"}`);
}

/** What a context feature reads of a word: its part of speech, lower case, short shape, whether it is ordinary English. */
export type SlotKind = "pos" | "lower" | "shape" | "lx" | "rule";

/**
 * The context features, as data: a name, when it fires (always, on the sentence's first word, in an
 * all-capital sentence), and the words it reads, relative to the word tagged. A feature's string is
 * `name` or `name=v1|v2`. Training (contextFeatures) and the tagger's compiled lookups
 * (model.ts) both read this table.
 */
export interface ContextTemplate {
  name: string;
  when: "always" | "start" | "caps";
  slots: [SlotKind, -1 | 0 | 1][];
}

export const CONTEXT_TEMPLATES: ContextTemplate[] = [
  { name: "bias", when: "always", slots: [] },
  { name: "t0", when: "always", slots: [["pos", 0]] },
  { name: "t-1", when: "always", slots: [["pos", -1]] },
  { name: "t+1", when: "always", slots: [["pos", 1]] },
  { name: "t-1t0", when: "always", slots: [["pos", -1], ["pos", 0]] },
  { name: "t0t+1", when: "always", slots: [["pos", 0], ["pos", 1]] },
  { name: "lw-1lw0", when: "always", slots: [["lower", -1], ["lower", 0]] },
  { name: "lw0lw+1", when: "always", slots: [["lower", 0], ["lower", 1]] },
  { name: "ss-1ss0", when: "always", slots: [["shape", -1], ["shape", 0]] },
  { name: "ss0ss+1", when: "always", slots: [["shape", 0], ["shape", 1]] },
  { name: "start", when: "start", slots: [] },
  { name: "start|ss0", when: "start", slots: [["shape", 0]] },
  { name: "start|lx", when: "start", slots: [["lx", 0]] },
  { name: "start|t0", when: "start", slots: [["pos", 0]] },
  { name: "caps", when: "caps", slots: [] },
  { name: "caps|t0", when: "caps", slots: [["pos", 0]] },
  { name: "caps|lw0", when: "caps", slots: [["lower", 0]] },
  { name: "r0", when: "always", slots: [["rule", 0]] },
  { name: "r-1r0", when: "always", slots: [["rule", -1], ["rule", 0]] },
  { name: "r0r+1", when: "always", slots: [["rule", 0], ["rule", 1]] },
];

/** Prefix of the features that name a lexicon match ("n=S-ORG:B"). */
export const NAME_FEATURE = "n=";

export function isOrdinaryWord(lower: string): boolean {
  return /^[a-z]+$/.test(lower) && isLexiconWord(lower);
}

function slotValue(s: SentenceView, kind: SlotKind, k: number): string {
  // views are padded: word i is at i + 1
  if (kind === "pos") return s.pos[k + 1]!;
  if (kind === "lower") return s.lower[k + 1]!;
  if (kind === "shape") return s.shapes[k + 1]!;
  if (kind === "rule") return s.rules[k + 1]!;
  return String(isOrdinaryWord(s.lower[k + 1]!));
}

/** Features of word i that depend on its sentence, and on its document when one is given. */
export function contextFeatures(s: SentenceView, i: number, doc?: DocumentContext): string[] {
  const out: string[] = [];
  for (const t of CONTEXT_TEMPLATES) {
    if ((t.when === "start" && i !== s.first) || (t.when === "caps" && !s.caps)) continue;
    if (t.slots.length === 0) out.push(t.name);
    else out.push(t.name + "=" + t.slots.map(([kind, d]) => slotValue(s, kind, i + d)).join("|"));
  }
  for (const n of s.names[i]!) out.push(NAME_FEATURE + n);
  if (doc) for (const f of documentFeatures(doc, s.words[i]!, wordFlags(s.words[i]!.text), s.names[i]!)) out.push(f);
  return out;
}

/** Flags of places and peoples: in a sports report these names are often teams. */
const PLACE_FLAGS = new Set(["PL", "CI", "RG", "DM"]);

/** What the model knows of the article around a sentence. Built by documentContext, filled as sentences are tagged. */
export interface DocumentContext {
  /** A sports report: at least four sports words or scores. */
  sports: boolean;
  /** Capitalised word (lower case) -> how often the article so far labelled it PER, ORG, LOC, MISC. */
  history: Map<string, number[]>;
}

export function documentContext(sentences: FeatureWord[][]): DocumentContext {
  return { sports: isSportsReport(sentences), history: new Map() };
}

/** Records a tagged sentence's names in the document's history (after its features were read). */
export function rememberSpans(doc: DocumentContext, words: FeatureWord[], spans: ClassSpan[]): void {
  for (const s of spans) {
    const c = ENTITY_CLASSES.indexOf(s.cls);
    for (let k = s.first; k < s.last; k++) {
      const w = words[k]!;
      if (!/^\p{Lu}/u.test(w.text)) continue;
      let counts = doc.history.get(w.lower);
      if (!counts) doc.history.set(w.lower, (counts = [0, 0, 0, 0]));
      counts[c]!++;
    }
  }
}

/** The document features of one word: its place flags and lexicon names in a sports report, its history. */
export function documentFeatures(doc: DocumentContext, word: FeatureWord, flags: string[], names: string[]): string[] {
  const out: string[] = [];
  if (doc.sports) {
    for (const f of flags) if (PLACE_FLAGS.has(f)) out.push("dsp|g=" + f);
    for (const n of names) out.push("dsp|n=" + n);
  }
  const h = doc.history.get(word.lower);
  if (h) {
    let best = 0;
    for (let c = 1; c < h.length; c++) if (h[c]! > h[best]!) best = c;
    const total = h[0]! + h[1]! + h[2]! + h[3]!;
    out.push("h=" + ENTITY_CLASSES[best] + (h[best]! === total ? "" : "~"));
  }
  return out;
}
