/**
 * Open information extraction: every clause the engine finds, with its
 * arguments as plain phrases (no entity linking). `kg openie` prints these in
 * CaRB's system-output format; CaRB scores the clause engine that the
 * knowledge-graph triples are built on.
 */
import { tagSentences, type Token } from "../nlp/index.ts";
// Open IE types nothing: names only need keeping whole while chunking, and the rule recogniser's spans are
// the ones the chunker was built against (CaRB dev F1 0.548 with them, 0.546 with the trained model's).
import { recogniseEntities } from "../entities/recognize.ts";
import { extractClauses } from "../clauses/engine.ts";
import type { Span } from "../clauses/types.ts";
import { align, originalText, type Aligned } from "./align.ts";
import { tupleOfApposition, tuplesOfClause, type TupleSpans } from "./render.ts";
import { APPOSITION_CONFIDENCE, clauseConfidence } from "./confidence.ts";

export { detokenise } from "./align.ts";

export interface OpenIEExtraction {
  confidence: number;
  relation: string;
  args: string[];
}

function render(a: Aligned, tokens: Token[], t: TupleSpans, confidence: number): OpenIEExtraction | undefined {
  const text = (spans: Span[]) => spans.map((s) => originalText(a, tokens, s)).filter(Boolean).join(" ");
  const relation = t.implicit ?? text(t.relation);
  const arg1 = originalText(a, tokens, t.arg1);
  if (!relation || !arg1) return undefined;
  const args = [arg1];
  if (t.arg2) args.push(text(t.arg2));
  for (const r of t.rest) args.push(originalText(a, tokens, r));
  return { confidence: Math.round(confidence * 1000) / 1000, relation, args: args.filter(Boolean) };
}

export function openie(sentence: string): OpenIEExtraction[] {
  const a = align(sentence);
  const out: OpenIEExtraction[] = [];
  const seen = new Set<string>();
  const add = (e: OpenIEExtraction | undefined) => {
    if (!e) return;
    const key = [e.relation, ...e.args].join("\t");
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  // a CaRB line is one sentence, whatever the tagger's sentence splitter thinks of "M8.7sp"
  const tokens = tagSentences(a.text).flatMap((s) => s.tokens);
  const { entities } = recogniseEntities(tokens);
  const { clauses, appositions } = extractClauses(tokens, new Set(entities.map((e) => e.first)), new Set(entities.map((e) => e.last)));
  for (const c of clauses) for (const t of tuplesOfClause(tokens, c)) add(render(a, tokens, t, clauseConfidence(tokens, c, t)));
  for (const ap of appositions) add(render(a, tokens, tupleOfApposition(ap), APPOSITION_CONFIDENCE));
  return out;
}

/** One CaRB system-output line per extraction: sentence, confidence, relation, arguments. */
export function toCarbLines(sentence: string, extractions: OpenIEExtraction[]): string[] {
  return extractions.map((e) => [sentence, e.confidence.toFixed(3), e.relation, ...e.args].join("\t"));
}
