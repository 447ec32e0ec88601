/**
 * The clause engine: from chunks to clauses (subject, verb group, objects,
 * prepositional arguments). Handles coordination of subjects, verbs and
 * objects, passives with an agent, relative clauses, and time phrases or
 * comma-bounded asides between subject and verb. Open-IE output and the
 * knowledge-graph triples both come from these clauses.
 */
import type { Token } from "../nlp/index.ts";
import { chunk, isBe, type Chunk } from "./chunk.ts";

export interface Span {
  first: number;
  last: number;
}

export interface PrepArg {
  prep: Span;
  arg: Span;
}

export interface Clause {
  subject: Span;
  verb: Span;
  /** Direct objects (several when coordinated). */
  objects: Span[];
  preps: PrepArg[];
  passive: boolean;
  negated: boolean;
  /** How the subject was found: directly, through a relative pronoun, shared with a coordinated verb. */
  subjectVia: "direct" | "relative" | "coordination" | "passive-agent";
  /** Lemma chain of the verb group: "accuse", "pull_back", "refuse_to_provide". */
  lemma: string;
}

const TIME_WORDS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week", "month", "year", "night", "morning", "evening", "afternoon", "weekend", "summer", "winter", "spring", "autumn", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "days", "weeks", "months", "years"]);
const SPEECH_VERBS = new Set(["say", "tell", "add", "claim", "warn", "announce", "state", "insist", "deny", "suggest", "report", "write", "believe", "think", "argue", "explain"]);

function isTimePhrase(tokens: Token[], c: Chunk): boolean {
  for (let k = c.first; k < c.last; k++) if (TIME_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

/** The lemma chain of a verb group, without auxiliaries. */
export function verbLemma(tokens: Token[], verb: Span): { lemma: string; negated: boolean; passive: boolean } {
  const parts: string[] = [];
  let negated = false;
  let sawBe = false;
  let passive = false;
  const vs = tokens.slice(verb.first, verb.last);
  // The chunker also makes verbs of words the tagger got wrong ("which borders" as a noun).
  const isVerb = (t: Token) => t.pos === "VERB" || t.pos === "NOUN" || t.pos === "ADJ";
  const lastVerbIdx = vs.findLastIndex(isVerb);
  vs.forEach((t, k) => {
    if (t.lower === "not" || t.lower === "n't" || t.lower === "never") negated = true;
    else if (isVerb(t)) {
      if (sawBe && k === lastVerbIdx && !/ing$/.test(t.lower) && t.lower !== t.lemma) passive = true;
      parts.push(t.lemma);
    } else if (t.pos === "AUX") {
      if (isBe(t)) sawBe = true;
      if (k === vs.length - 1 && lastVerbIdx < 0) parts.push(t.lemma); // copula or "has" as main verb
    } else if (t.pos === "PART" || t.pos === "ADP" || (t.pos === "ADV" && k === vs.length - 1)) parts.push(t.lower);
    else if (t.lower === "to") parts.push("to");
  });
  return { lemma: parts.join("_") || vs.map((t) => t.lower).join("_"), negated, passive };
}

/** Extends an NP over "of"-phrases so that "pressure on airlines" stays separate but "the capital of Belarus" is one argument. */
function argumentEnd(chunks: Chunk[], k: number, tokens: Token[]): number {
  let end = k;
  while (chunks[end + 1]?.kind === "PREP" && tokens[chunks[end + 1]!.first]!.lower === "of" && chunks[end + 2]?.kind === "NP") end += 2;
  return end;
}

/** Coordinated noun phrases from chunk k: "Poland and Germany", "Poland, Lithuania and Latvia". Returns the spans and the last chunk used. */
function coordinatedNPs(chunks: Chunk[], k: number, tokens: Token[]): { spans: Span[]; end: number } {
  const spans: Span[] = [];
  let end = argumentEnd(chunks, k, tokens);
  spans.push({ first: chunks[k]!.first, last: chunks[end]!.last });
  for (;;) {
    const a = chunks[end + 1];
    const b = chunks[end + 2];
    const c = chunks[end + 3];
    // ", NP" followed by more of the list, or "and NP" not followed by a verb (which would be a new clause)
    if (a && (a.kind === "CONJ" || a.kind === "COMMA") && b?.kind === "NP" && c?.kind !== "VG") {
      if (a.kind === "COMMA" && !(chunks.slice(end + 2).some((x, n) => x.kind === "CONJ" && chunks[end + 2 + n + 1]?.kind === "NP"))) break;
      if (a.kind === "CONJ" && !["and", "or"].includes(tokens[a.first]!.lower)) break;
      const e = argumentEnd(chunks, end + 2, tokens);
      spans.push({ first: b.first, last: chunks[e]!.last });
      end = e;
      continue;
    }
    if (a?.kind === "COMMA" && b?.kind === "CONJ" && chunks[end + 3]?.kind === "NP" && chunks[end + 4]?.kind !== "VG") {
      const e = argumentEnd(chunks, end + 3, tokens);
      spans.push({ first: chunks[end + 3]!.first, last: chunks[e]!.last });
      end = e;
      continue;
    }
    break;
  }
  return { spans, end };
}

/** Finds the subject of the verb group at chunk v by walking back over asides. */
function findSubject(chunks: Chunk[], v: number, tokens: Token[]): { spans: Span[]; via: Clause["subjectVia"] } | "coordination" | undefined {
  let k = v - 1;
  for (;;) {
    const c = chunks[k];
    if (!c) return undefined;
    if (c.kind === "ADV") {
      k--;
      continue;
    }
    // "Mr Putin on Friday attended": skip prepositional phrases, especially time phrases
    if (c.kind === "NP" && chunks[k - 1]?.kind === "PREP" && (isTimePhrase(tokens, c) || chunks[k - 2]?.kind === "NP")) {
      k -= 2;
      continue;
    }
    if (c.kind === "NP" && isTimePhrase(tokens, c) && chunks[k - 1]?.kind === "NP") {
      k--;
      continue;
    }
    // "X, who has ..., has called": jump back over the comma-bounded aside
    if (c.kind === "COMMA") {
      let j = k - 1;
      while (j >= 0 && chunks[j]!.kind !== "COMMA") j--;
      if (j > 0 && chunks[j - 1]!.kind === "NP") {
        k = j - 1;
        continue;
      }
      return undefined;
    }
    if (c.kind === "REL") {
      let j = k - 1;
      if (chunks[j]?.kind === "COMMA") j--;
      if (chunks[j]?.kind === "NP") return { spans: [{ first: chunks[j]!.first, last: chunks[j]!.last }], via: "relative" };
      return undefined;
    }
    if (c.kind === "CONJ") {
      // "attended X and met Y": the verb shares the earlier clause's subject
      return "coordination";
    }
    if (c.kind === "NP") {
      const spans: Span[] = [{ first: c.first, last: c.last }];
      // "of"-phrases: "the number of armies increases" keeps the head
      let j = k - 1;
      // coordinated subjects: "Mr Putin and Mr Xi declared"
      while (chunks[j]?.kind === "CONJ" && tokens[chunks[j]!.first]!.lower === "and" && chunks[j - 1]?.kind === "NP") {
        spans.unshift({ first: chunks[j - 1]!.first, last: chunks[j - 1]!.last });
        j -= 2;
      }
      if (chunks[j]?.kind === "PREP" && tokens[chunks[j]!.first]!.lower === "of" && chunks[j - 1]?.kind === "NP") {
        // "a member of X trains": the subject is the whole phrase, its head first
        return { spans: [{ first: chunks[j - 1]!.first, last: c.last }], via: "direct" };
      }
      return { spans, via: "direct" };
    }
    return undefined;
  }
}

export interface ClauseResult {
  clauses: Clause[];
  chunks: Chunk[];
}

export function extractClauses(tokens: Token[], entityStarts = new Set<number>(), entityEnds = new Set<number>()): ClauseResult {
  const chunks = chunk(tokens, entityStarts, entityEnds);
  const clauses: Clause[] = [];
  let previous: { subjects: Span[]; via: Clause["subjectVia"] } | undefined;

  for (let v = 0; v < chunks.length; v++) {
    if (chunks[v]!.kind !== "VG") continue;
    let verb: Span = { first: chunks[v]!.first, last: chunks[v]!.last };
    // "has started to move", "refused to provide": infinitive chains are one predicate
    let end = v;
    while (chunks[end + 1]?.kind === "TO" && chunks[end + 2]?.kind === "VG") {
      end += 2;
      verb = { first: verb.first, last: chunks[end]!.last };
    }
    const found = findSubject(chunks, v, tokens);
    let subjects: Span[];
    let via: Clause["subjectVia"];
    if (found === "coordination") {
      if (!previous) {
        v = end;
        continue;
      }
      subjects = previous.subjects;
      via = "coordination";
    } else if (found) {
      subjects = found.spans;
      via = found.via;
    } else {
      v = end;
      continue;
    }

    // objects: NP list, then prepositional arguments
    const objects: Span[] = [];
    const preps: PrepArg[] = [];
    let k = end + 1;
    if (chunks[k]?.kind === "NP") {
      const np = coordinatedNPs(chunks, k, tokens);
      objects.push(...np.spans);
      k = np.end + 1;
    }
    while (chunks[k]?.kind === "ADV") k++;
    while (chunks[k]?.kind === "PREP" && chunks[k + 1]?.kind === "NP") {
      const np = coordinatedNPs(chunks, k + 1, tokens);
      for (const s of np.spans) preps.push({ prep: { first: chunks[k]!.first, last: chunks[k]!.last }, arg: s });
      k = np.end + 1;
      while (chunks[k]?.kind === "ADV") k++;
    }
    const { lemma, negated, passive } = verbLemma(tokens, verb);
    for (const subject of subjects) {
      clauses.push({ subject, verb, objects, preps, passive, negated, subjectVia: via, lemma });
    }
    previous = { subjects, via };
    v = end;
  }
  return { clauses, chunks };
}

export function isSpeechVerb(lemma: string): boolean {
  return SPEECH_VERBS.has(lemma.split("_")[0]!);
}
