/**
 * The one place that talks to wink-nlp: text in, tokens with character
 * offsets, part-of-speech tags and lemmas out. Everything downstream works
 * on these plain tokens, so the tagger could be swapped without touching it.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  text: string;
  /** Offsets into the article as read (UTF-16 code units). */
  start: number;
  end: number;
  /** Universal Dependencies part of speech, as wink tags it. */
  pos: string;
  lemma: string;
  lower: string;
}

export interface TaggedSentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * wink learns as it reads: words it meets are added to its lexicon, and a
 * word it has seen changes how later text is tokenised ("Poor's" stays one
 * token once learned) and tagged. That would make an article's triples depend
 * on the articles read before it: different for one worker or four, for a
 * cached or a clean run. So the model is wrapped: words learned while reading
 * one document are invisible to the next, and affix and shape values the
 * model was not trained on read as its out-of-vocabulary value instead of
 * growing new ones (whose packed ids would eventually overflow their bits).
 */
interface Feature {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}
interface CoreModel {
  features: Record<string, Feature>;
}
/** wink's feature extractors of a new word (cache.js calls them as `feature[name](word, category, cache)`). */
type FeatureMethods = Record<string, (word: string, category: number, cache: unknown) => string | number>;
type WinkModel = typeof model & { core(): CoreModel; featureFn(...args: unknown[]): FeatureMethods };

let lexemes: Feature | undefined;
/** Length of the lexeme list when the current document began: what lies past it was learned from this document. */
let knownLexemes = 0;

function isolatedModel(base: WinkModel): WinkModel {
  const wrapped = Object.create(base) as WinkModel;
  wrapped.core = () => {
    const core = base.core();
    // An unknown value reads as 0 through the hash's prototype, so a known one stays a plain property
    // read (a Proxy around the hash trapped every read, known or not). The hashes hold only the model's
    // own values: with every read answered, wink never adds one.
    const unknown = new Proxy(Object.create(null) as Record<string, number>, { get: () => 0 });
    for (const name of ["prefix", "suffix", "shape"]) Object.setPrototypeOf(core.features[name]!.hash, unknown);
    lexemes = core.features.lexeme!;
    knownLexemes = lexemes.list.length;
    return core;
  };
  wrapped.featureFn = (...args) => rememberedFeatures(base.featureFn(...args));
  return wrapped;
}

/**
 * The word's shape and part of speech, remembered per word: wink works them out (a Unicode
 * normalisation and seven regular expressions; a lexicon lookup and suffix rules) for every word it
 * learns, and as it forgets what a document taught it, a name is learned again in every article
 * that uses it. Both depend only on the word, its token category and the model's own lexicon.
 */
function rememberedFeatures(methods: FeatureMethods): FeatureMethods {
  const remembered = Object.create(methods) as FeatureMethods;
  for (const name of ["shape", "pos"]) {
    const compute = methods[name]!;
    const byCategory: Map<string, string | number>[] = [];
    remembered[name] = (word, category, cache) => {
      const seen = (byCategory[category] ??= new Map());
      let value = seen.get(word);
      if (value === undefined) seen.set(word, (value = compute(word, category, cache)));
      return value;
    };
  }
  return remembered;
}

/** Words re-learned per document still take memory: past this many, start a fresh instance (results do not change). */
const MAX_LEARNED_LEXEMES = 300_000;

/**
 * Only what is read below: sentences, parts of speech and lemmas. wink's default pipe also runs its
 * negation, sentiment, entity and custom-entity passes, a sixth of the extractor's time for output
 * nothing here uses (the triples of the BBC corpus are byte for byte the same without them).
 */
const PIPE = ["sbd", "pos"];

let nlp = winkNLP(isolatedModel(model as WinkModel), PIPE);
let its = nlp.its;

function readDoc(text: string) {
  if (lexemes && lexemes.list.length - lexemes.intrinsicSize > MAX_LEARNED_LEXEMES) {
    nlp = winkNLP(isolatedModel(model as WinkModel), PIPE);
    its = nlp.its;
  }
  // Forget the words the last document taught wink. (Deleting them from the plain lexeme hash, rather
  // than hiding them behind a Proxy, keeps wink's hottest lookup a property read: 10 % of extraction time.)
  const lexeme = lexemes!;
  for (let k = knownLexemes; k < lexeme.list.length; k++) {
    const word = lexeme.list[k]!;
    if (lexeme.hash[word] === k) delete lexeme.hash[word];
  }
  knownLexemes = lexeme.list.length;
  return nlp.readDoc(text);
}

const MODAL_WORDS = new Set(["will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll"]);
const TIME_NOUNS = new Set(["week", "weekend", "month", "year", "season", "day", "time", "spring", "summer", "autumn", "winter", "morning", "evening", "night"]);
/** Adverbs of sequence wink tags as adjectives between a modal and its verb. */
const SEQUENCE_ADVERBS = new Set(["next", "first"]);

/**
 * "Costa will next face Ljubicic": wink reads "next" as an adjective and "face" as the noun it modifies,
 * and the clause rules then take "next" for the verb. Between a modal and a noun or verb, it is an adverb
 * and what follows is the verb. Works on wink's parallel arrays, skipping its SPACE tokens.
 */
function repairAdverbAfterModal(values: string[], pos: string[]): void {
  const word = (i: number, step: number) => {
    let k = i + step;
    while (k >= 0 && k < pos.length && pos[k] === "SPACE") k += step;
    return k;
  };
  for (let i = 1; i < values.length - 1; i++) {
    if (pos[i] !== "ADJ" || !SEQUENCE_ADVERBS.has(values[i]!.toLowerCase())) continue;
    const before = word(i, -1);
    const after = word(i, 1);
    if (before < 0 || after >= pos.length || pos[before] !== "AUX" || !MODAL_WORDS.has(values[before]!.toLowerCase())) continue;
    // "will next week visit Africa": a time phrase before the verb, which both words then modify
    const timePhrase = pos[after] === "NOUN" && TIME_NOUNS.has(values[after]!.toLowerCase());
    const verb = timePhrase ? word(after, 1) : after;
    if (verb >= pos.length || (pos[verb] !== "NOUN" && pos[verb] !== "VERB")) continue;
    pos[i] = "ADV";
    if (timePhrase) pos[after] = "ADV";
    pos[verb] = "VERB";
  }
}

/** Line breaks, tabs and the other control characters (the wire's STX/ETX, a stray NUL). */
const UNSEEN = /[\u0000-\u001f\u007f\u2028\u2029]/g;

/**
 * The text as wink reads it: every line break, tab and control character a space. A block of
 * hard-wrapped text then tags as the same paragraph on one line would (a control character would
 * otherwise be a token of its own, inside a name or between a verb and its object), and the length is
 * the same, so every offset still points into the original.
 */
function asTaggerReads(text: string): string {
  UNSEEN.lastIndex = 0;
  return UNSEEN.test(text) ? text.replace(UNSEEN, " ") : text;
}

/** HTML's character references, which scraped text keeps: "Jos&#233; Manuel Barroso", "&amp;". */
const CHARACTER_REFERENCE = /&(?:#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED_REFERENCES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The text with its character references decoded, so that a name keeps its letters ("José", not "Jos"
 * cut at the "&"), and where each character of it stands in the text given (`at`, one longer than the
 * decoded text; undefined when nothing was decoded), so that offsets still point into the original.
 */
function decodeCharacterReferences(text: string): { text: string; at?: number[] } {
  CHARACTER_REFERENCE.lastIndex = 0;
  if (!CHARACTER_REFERENCE.test(text)) return { text };
  // (matchAll starts where test left off)
  CHARACTER_REFERENCE.lastIndex = 0;
  let decoded = "";
  const at: number[] = [];
  let from = 0;
  const copy = (until: number) => {
    for (let k = from; k < until; k++) at.push(k);
    decoded += text.slice(from, until);
  };
  for (const m of text.matchAll(CHARACTER_REFERENCE)) {
    const code = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined;
    const char = code === undefined ? NAMED_REFERENCES[m[3]!]! : code <= 0x10ffff && code >= 0x20 && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
    if (char === undefined) continue;
    copy(m.index);
    for (let k = 0; k < char.length; k++) at.push(m.index);
    decoded += char;
    from = m.index + m[0].length;
  }
  copy(text.length);
  at.push(text.length);
  return { text: decoded, at };
}

/**
 * Splits `text` into sentences and tags them. `offset` is where `text`
 * begins in the article, so every offset returned is an article offset.
 */
export function tagSentences(original: string, offset = 0): TaggedSentence[] {
  // wink reads the decoded text; `at` takes its offsets back to the original's
  const { text, at } = decodeCharacterReferences(asTaggerReads(original));
  const doc = readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare lemma with a different signature from what out() takes.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  repairAdverbAfterModal(values, pos);

  // wink's output is lossless: preceding spaces + token values rebuild the text.
  const starts: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i]!.length;
    // Guard against any normalisation by wink: find the token where it really is.
    const value = values[i]!;
    if (text.startsWith(value, cursor)) {
      starts[i] = cursor;
    } else {
      const found = text.indexOf(value, cursor);
      starts[i] = found >= 0 ? found : cursor;
    }
    cursor = starts[i]! + value.length;
  }

  const sentences: TaggedSentence[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      if (pos[i] === "SPACE") continue;
      const start = at ? at[starts[i]!]! : starts[i]!;
      const value = values[i]!;
      const end = at ? at[starts[i]! + value.length]! : start + value.length;
      tokens.push({
        text: value,
        start: start + offset,
        end: end + offset,
        pos: pos[i]!,
        lemma: lemmas[i] ?? value.toLowerCase(),
        lower: value.toLowerCase(),
      });
    }
    if (tokens.length === 0) continue;
    for (const part of splitAtInchesMark(tokens)) {
      const start = part[0]!.start;
      const end = part[part.length - 1]!.end;
      sentences.push({ text: original.slice(start - offset, end - offset), start, end, tokens: part });
    }
  }
  return sentences;
}

/**
 * "Stephen Roberts is drafted in. Defenders Danny Gabbidon and ...": wink reads "in." as the abbreviation of
 * inches, one token, and may go on with the sentence. The word and the full stop are two tokens, and a
 * capitalised word after them starts the next sentence.
 */
function splitAtInchesMark(tokens: Token[]): Token[][] {
  if (!tokens.some((t) => t.lower === "in.")) return [tokens];
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // ("3 in. wide": the measure, inside its sentence)
    if (t.lower !== "in." || (next && !/^[A-Z]/.test(next.text))) {
      current.push(t);
      continue;
    }
    current.push({ ...t, text: t.text.slice(0, 2), end: t.end - 1, pos: "ADP", lemma: "in", lower: "in" }, { text: ".", start: t.end - 1, end: t.end, pos: "PUNCT", lemma: ".", lower: "." });
    if (next) {
      parts.push(current);
      current = [];
    }
  }
  if (current.length) parts.push(current);
  return parts;
}
