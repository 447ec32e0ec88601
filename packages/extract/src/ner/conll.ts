/**
 * CoNLL in, CoNLL out: tags the tokens of a CoNLL file with the entity
 * recogniser, keeping every line (tokens, blank lines, -DOCSTART-) in order.
 * This is how the recogniser is scored against WikiGold.
 */
import { tagSentences } from "../nlp/index.ts";
import { recogniseEntities } from "../entities/recognize.ts";
import type { EntityType } from "../types.ts";

const CONLL_TYPE: Record<EntityType, string> = { Person: "PER", Organization: "ORG", Location: "LOC", Equipment: "MISC", Event: "MISC", Group: "MISC", Other: "MISC" };

interface Block {
  /** Line indices of the tokens in this sentence. */
  lines: number[];
  tokens: string[];
}

/** Tags one sentence given as tokens; returns an IOB2 tag per token. */
export function tagTokens(tokens: string[]): string[] {
  const tags = tokens.map(() => "O");
  const starts: number[] = [];
  let text = "";
  for (const t of tokens) {
    if (text) text += " ";
    starts.push(text.length);
    text += t;
  }
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const mark = (start: number, end: number, type: string) => {
    const first = tokenAt(start);
    const last = tokenAt(Math.max(start, end - 1));
    for (let k = first; k <= last; k++) tags[k] = `${k === first ? "B" : "I"}-${type}`;
  };
  for (const sentence of tagSentences(text)) {
    const { entities, demonyms } = recogniseEntities(sentence.tokens);
    for (const e of entities) mark(e.start, e.end, CONLL_TYPE[e.type]);
    for (const d of demonyms) {
      const t = sentence.tokens[d.index]!;
      if (tags[tokenAt(t.start)] === "O") mark(t.start, t.end, "MISC");
    }
  }
  return tags;
}

export function tagConll(conll: string): string {
  const lines = conll.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const out = lines.map((l) => l);
  const blocks: Block[] = [];
  let current: Block = { lines: [], tokens: [] };
  const flush = () => {
    if (current.tokens.length) blocks.push(current);
    current = { lines: [], tokens: [] };
  };
  lines.forEach((line, n) => {
    const token = line.split(/\s+/)[0] ?? "";
    if (!line.trim() || token === "-DOCSTART-") {
      flush();
      out[n] = line.trim() ? "-DOCSTART- O" : "";
      return;
    }
    current.lines.push(n);
    current.tokens.push(token);
  });
  flush();
  for (const block of blocks) {
    const tags = tagTokens(block.tokens);
    block.lines.forEach((n, k) => (out[n] = `${block.tokens[k]} ${tags[k]}`));
  }
  return out.join("\n") + "\n";
}
