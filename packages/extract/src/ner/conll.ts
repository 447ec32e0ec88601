/**
 * CoNLL in, CoNLL out: tags the tokens of a CoNLL file with the entity
 * recogniser, keeping every line (tokens, blank lines, -DOCSTART-) in order.
 * Sentences between two -DOCSTART- lines are one document: their names are
 * typed together (entities/document.ts). This is how the recogniser is
 * scored against WikiGold.
 */
import { tagSentences } from "../nlp/index.ts";
import { recogniseEntities, type EntitySpan } from "../entities/recognize.ts";
import { harmoniseDocument } from "../entities/document.ts";
import type { EntityType } from "../types.ts";

const CONLL_TYPE: Record<EntityType, string> = { Person: "PER", Organization: "ORG", Location: "LOC", Equipment: "MISC", Event: "MISC", Group: "MISC", Other: "MISC" };

interface Block {
  /** Line indices of the tokens in this sentence. */
  lines: number[];
  tokens: string[];
}

/** One CoNLL sentence, read by the recogniser; tags are filled in once the document is done. */
class SentenceTagger {
  readonly tags: string[];
  readonly spans: EntitySpan[] = [];
  private readonly starts: number[] = [];
  private readonly marks: { start: number; end: number; type: string }[] = [];

  constructor(tokens: string[]) {
    this.tags = tokens.map(() => "O");
    let text = "";
    for (const t of tokens) {
      if (text) text += " ";
      this.starts.push(text.length);
      text += t;
    }
    for (const sentence of tagSentences(text)) {
      const { entities, demonyms, affiliations } = recogniseEntities(sentence.tokens);
      this.spans.push(...entities);
      for (const d of demonyms) {
        const t = sentence.tokens[d.index]!;
        this.marks.push({ start: t.start, end: t.end, type: "MISC" });
      }
      for (const a of affiliations) this.marks.push({ start: sentence.tokens[a.first]!.start, end: sentence.tokens[a.last - 1]!.end, type: "MISC" });
    }
  }

  private tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Writes the tags (IOB2): entities first, then demonyms and affiliations where nothing else stands. */
  finish(): string[] {
    const mark = (start: number, end: number, type: string, over: boolean) => {
      const first = this.tokenAt(start);
      const last = this.tokenAt(Math.max(start, end - 1));
      if (!over) for (let k = first; k <= last; k++) if (this.tags[k] !== "O") return;
      for (let k = first; k <= last; k++) this.tags[k] = `${k === first ? "B" : "I"}-${type}`;
    };
    for (const e of this.spans) mark(e.start, e.end, CONLL_TYPE[e.type], true);
    for (const m of this.marks) mark(m.start, m.end, m.type, false);
    return this.tags;
  }
}

/** Tags one sentence given as tokens; returns an IOB2 tag per token. */
export function tagTokens(tokens: string[]): string[] {
  const s = new SentenceTagger(tokens);
  harmoniseDocument([s.spans]);
  return s.finish();
}

export function tagConll(conll: string): string {
  const lines = conll.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const out = lines.map((l) => l);
  const documents: Block[][] = [[]];
  let current: Block = { lines: [], tokens: [] };
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
  for (const blocks of documents) {
    const taggers = blocks.map((b) => new SentenceTagger(b.tokens));
    harmoniseDocument(taggers.map((t) => t.spans));
    blocks.forEach((block, i) => {
      const tags = taggers[i]!.finish();
      block.lines.forEach((n, k) => (out[n] = `${block.tokens[k]} ${tags[k]}`));
    });
  }
  return out.join("\n") + "\n";
}
