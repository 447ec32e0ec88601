/**
 * Training data for the entity model: documents read by the same code the
 * extractor runs (article cleaning, wink's sentences and tags, words as the
 * entity stage groups them), with the teacher's character spans turned into
 * BILOU labels on those words.
 */
import { readFileSync } from "node:fs";
import { prepareArticle } from "../../packages/extract/src/article/index.ts";
import { tagSentences } from "../../packages/extract/src/nlp/index.ts";
import { toUnits } from "../../packages/extract/src/entities/recognize.ts";
import { ruleTags } from "../../packages/extract/src/entities/model/rules.ts";
import type { ClassSpan, EntityClass } from "../../packages/extract/src/entities/model/labels.ts";
import type { FeatureWord } from "../../packages/extract/src/entities/model/features.ts";

export interface Word extends FeatureWord {
  start: number;
  end: number;
}

export interface Sentence {
  doc: string;
  words: Word[];
  /** The hand-written recogniser's tag of each word, a feature of the model. */
  rules: string[];
}

/** A document's sentences, as the extractor reads them. */
export function documentSentences(id: string, text: string): Sentence[] {
  const out: Sentence[] = [];
  const prepared = prepareArticle(text);
  for (const seg of prepared.segments) {
    for (const s of tagSentences(text.slice(seg.start, seg.end), seg.start)) {
      const units = toUnits(s.tokens);
      const words = units.map((u) => ({ text: u.text, lower: u.lower, pos: u.pos, start: u.start, end: u.end }));
      if (words.length) out.push({ doc: id, words, rules: ruleTags(s.tokens, units).tags });
    }
  }
  return out;
}

export type TeacherSpans = Map<string, [number, number, string][]>;

export function readTeacher(file: string): TeacherSpans {
  const out: TeacherSpans = new Map();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; spans: [number, number, string][] };
    out.set(r.id, r.spans);
  }
  return out;
}

const CLASSES = new Set(["PER", "ORG", "LOC", "MISC"]);

/**
 * Character spans as word spans of one sentence. A span that starts or ends
 * inside a word (the teacher's tokens and ours differ: "US-based") makes the
 * sentence unusable: undefined.
 */
export function wordSpans(words: Word[], spans: [number, number, string, string?][]): (ClassSpan & { other?: string })[] | undefined {
  if (!words.length) return [];
  const from = words[0]!.start;
  const to = words[words.length - 1]!.end;
  const out: (ClassSpan & { other?: string })[] = [];
  for (const [start, end, type, other] of spans) {
    if (end <= from || start >= to || !CLASSES.has(type)) continue;
    const first = words.findIndex((w) => w.end > start);
    let last = first;
    while (last < words.length && words[last]!.start < end) last++;
    if (first < 0 || words[first]!.start !== start || words[last - 1]!.end !== end) return undefined;
    out.push({ first, last, cls: type as EntityClass, ...(other ? { other } : {}) });
  }
  return out;
}
