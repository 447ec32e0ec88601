/**
 * What extraction skipped, as data: a sentence (or a block the tagger could not read) whose processing
 * threw is left out and recorded here, and the rest of the article is kept. The extractor does no I/O,
 * so it reports nothing itself; the CLI names the record and prints or files these.
 */
import type { ExtractionProblem } from "./types.ts";

const TEXT_KEPT = 200;

/** `text` is the article: the problem keeps the skipped part's words, so whoever reports it needs no copy. */
export function skipped(part: ExtractionProblem["part"], span: { start: number; end: number }, text: string, err: unknown): ExtractionProblem {
  const error = err instanceof Error ? err : new Error(String(err));
  return {
    part,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, Math.min(span.end, span.start + TEXT_KEPT)),
    message: error.message || error.name,
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
