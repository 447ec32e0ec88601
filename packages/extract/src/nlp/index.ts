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

const nlp = winkNLP(model);
const its = nlp.its;

/**
 * Splits `text` into sentences and tags them. `offset` is where `text`
 * begins in the article, so every offset returned is an article offset.
 */
export function tagSentences(text: string, offset = 0): TaggedSentence[] {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings declare lemma with a different signature from what out() takes.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];

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
      const start = starts[i]!;
      const value = values[i]!;
      tokens.push({
        text: value,
        start: start + offset,
        end: start + value.length + offset,
        pos: pos[i]!,
        lemma: lemmas[i] ?? value.toLowerCase(),
        lower: value.toLowerCase(),
      });
    }
    if (tokens.length === 0) continue;
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    sentences.push({ text: text.slice(start - offset, end - offset), start, end, tokens });
  }
  return sentences;
}
