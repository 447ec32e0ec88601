/**
 * CoNLL in, CoNLL out: tags the tokens of a CoNLL file with the entity
 * recogniser, keeping every line (tokens, blank lines, -DOCSTART-) in order.
 * Sentences between two -DOCSTART- lines are one document, read in order as
 * the extractor reads an article. This is how the recogniser is scored
 * against WikiGold.
 */
import { tagSentences, type TaggedSentence } from "../nlp/index.ts";
import { recogniseDocument } from "../entities/tagger.ts";
import type { EntityType } from "../types.ts";

const CONLL_TYPE: Record<EntityType, string> = { Person: "PER", Organization: "ORG", Location: "LOC", Equipment: "MISC", Event: "MISC", Group: "MISC", Other: "MISC" };

/** One CoNLL sentence: its tokens joined by spaces, where each token starts, and the tagger's sentences over that text. */
interface Block {
  lines: number[];
  tokens: string[];
  starts: number[];
  sentences: TaggedSentence[];
}

function block(lines: number[], tokens: string[]): Block {
  const starts: number[] = [];
  let text = "";
  for (const t of tokens) {
    if (text) text += " ";
    starts.push(text.length);
    text += t;
  }
  return { lines, tokens, starts, sentences: tagSentences(text) };
}

function tokenAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** IOB2 tags of each block of one document: entities first, then demonyms and affiliations where nothing else stands. */
function tagDocument(blocks: Block[]): string[][] {
  const all = blocks.flatMap((b) => b.sentences.map((s) => s.tokens));
  const found = recogniseDocument(all);
  let k = 0;
  return blocks.map((b) => {
    const tags = b.tokens.map(() => "O");
    const mark = (start: number, end: number, type: string, over: boolean) => {
      const first = tokenAt(b.starts, start);
      const last = tokenAt(b.starts, Math.max(start, end - 1));
      if (!over) for (let t = first; t <= last; t++) if (tags[t] !== "O") return;
      for (let t = first; t <= last; t++) tags[t] = `${t === first ? "B" : "I"}-${type}`;
    };
    for (const sentence of b.sentences) {
      const { entities, demonyms, affiliations } = found[k++]!;
      for (const e of entities) mark(e.start, e.end, CONLL_TYPE[e.type], true);
      for (const d of demonyms) mark(sentence.tokens[d.index]!.start, sentence.tokens[d.index]!.end, "MISC", false);
      for (const a of affiliations) mark(sentence.tokens[a.first]!.start, sentence.tokens[a.last - 1]!.end, "MISC", false);
    }
    return tags;
  });
}

/** Tags one sentence given as tokens; returns an IOB2 tag per token. */
export function tagTokens(tokens: string[]): string[] {
  return tagDocument([block([], tokens)])[0]!;
}

export function tagConll(conll: string): string {
  const lines = conll.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const out = lines.map((l) => l);
  const documents: { lines: number[]; tokens: string[] }[][] = [[]];
  let current = { lines: [] as number[], tokens: [] as string[] };
  const flush = () => {
    if (current.tokens.length) documents[documents.length - 1]!.push(current);
    current = { lines: [], tokens: [] };
  };
  lines.forEach((line, n) => {
    const token = line.split(/\s+/)[0] ?? "";
    if (!line.trim() || token === "-DOCSTART-") {
      flush();
      if (token === "-DOCSTART-") documents.push([]);
      out[n] = line.trim() ? "-DOCSTART- O" : "";
      return;
    }
    current.lines.push(n);
    current.tokens.push(token);
  });
  flush();
  for (const doc of documents) {
    const blocks = doc.map((b) => block(b.lines, b.tokens));
    tagDocument(blocks).forEach((tags, i) => blocks[i]!.lines.forEach((n, k) => (out[n] = `${blocks[i]!.tokens[k]} ${tags[k]}`)));
  }
  return out.join("\n") + "\n";
}
