/**
 * Open information extraction: every clause the engine finds, with its
 * arguments as plain noun phrases (no entity linking). `kg openie` prints
 * these in CaRB's system-output format; CaRB scores the clause engine that
 * the knowledge-graph triples are built on.
 */
import { tagSentences, type Token } from "../nlp/index.ts";
import { recogniseEntities } from "../entities/recognize.ts";
import { extractClauses, type Span } from "../clauses/engine.ts";

export interface OpenIEExtraction {
  confidence: number;
  relation: string;
  args: string[];
}

const PTB: Record<string, string> = { "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"' };
const UNPTB = Object.fromEntries(Object.entries(PTB).filter(([k]) => k.startsWith("-")).map(([k, v]) => [v, k]));

/** Turns a tokenised sentence back into text a tagger reads well. */
export function detokenise(tokenised: string): string {
  return tokenised
    .split(" ")
    .map((t) => PTB[t] ?? t)
    .join(" ");
}

function spanText(tokens: Token[], s: Span): string {
  return tokens
    .slice(s.first, s.last)
    .map((t) => UNPTB[t.text] ?? t.text)
    .join(" ");
}

export function openie(sentence: string): OpenIEExtraction[] {
  const out: OpenIEExtraction[] = [];
  for (const tagged of tagSentences(detokenise(sentence))) {
    const tokens = tagged.tokens;
    const { entities } = recogniseEntities(tokens);
    const { clauses } = extractClauses(tokens, new Set(entities.map((e) => e.first)), new Set(entities.map((e) => e.last)));
    for (const c of clauses) {
      const rel = spanText(tokens, c.verb);
      const arg1 = spanText(tokens, c.subject);
      let confidence = c.subjectVia === "direct" ? 0.7 : 0.5;
      if (c.objects.length === 0 && c.preps.length === 0) confidence -= 0.2;
      const preps = c.preps.map((p) => `${spanText(tokens, p.prep)} ${spanText(tokens, p.arg)}`);
      if (c.objects.length) {
        for (const o of c.objects) out.push({ confidence, relation: rel, args: [arg1, spanText(tokens, o), ...preps] });
      } else if (c.preps.length) {
        const [first, ...rest] = c.preps;
        out.push({ confidence: confidence - 0.05, relation: `${rel} ${spanText(tokens, first!.prep)}`, args: [arg1, spanText(tokens, first!.arg), ...rest.map((p) => `${spanText(tokens, p.prep)} ${spanText(tokens, p.arg)}`)] });
      } else {
        out.push({ confidence, relation: rel, args: [arg1] });
      }
    }
  }
  return out;
}

/** One CaRB system-output line per extraction: sentence, confidence, relation, arguments. */
export function toCarbLines(sentence: string, extractions: OpenIEExtraction[]): string[] {
  return extractions.map((e) => [sentence, e.confidence.toFixed(3), e.relation, ...e.args].join("\t"));
}
