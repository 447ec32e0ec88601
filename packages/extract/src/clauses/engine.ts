/**
 * The clause engine: from chunks to clauses (subject, verb group, objects,
 * prepositional arguments, complements). Handles coordination of subjects,
 * verbs and objects, passives with an agent, relative clauses, participles,
 * infinitives of purpose, and time phrases or comma-bounded asides between
 * subject and verb. Open-IE output and the knowledge-graph triples both come
 * from these clauses.
 */
import type { Token } from "../nlp/index.ts";
import { chunk, isBe, type Chunk, kindAt } from "./chunk.ts";
import { collectArgs, type ArgRegion } from "./args.ts";
import { findSubject, type FoundSubject } from "./subject.ts";
import { findAppositions, type Apposition } from "./apposition.ts";
import { findAdjunct } from "./adjunct.ts";
import { followsQuote, reportedSpeech } from "./speech.ts";
import type { Clause, Span, SubjectVia } from "./types.ts";
import { IRREGULAR_PARTICIPLES } from "./words.ts";

export type { Clause, PrepArg, Span, SubjectVia } from "./types.ts";
export type { Apposition } from "./apposition.ts";

const SPEECH_VERBS = new Set(["say", "tell", "add", "claim", "allege", "warn", "announce", "state", "insist", "deny", "declare", "suggest", "report", "write", "believe", "think", "argue", "explain", "note", "indicate", "show", "reveal", "maintain", "know", "find", "hope", "expect", "fear", "feel", "mean", "agree", "admit", "confirm", "estimate", "predict", "conclude", "assert", "recall"]);

/** Verb-like tags inside a verb group: the chunker also makes verbs of words the tagger got wrong ("which borders" as a noun). */
const isVerbLike = (t: Token) => t.pos === "VERB" || t.pos === "NOUN" || t.pos === "ADJ";

/** The lemma chain of a verb group, without auxiliaries. */
export function verbLemma(tokens: Token[], verb: Span): { lemma: string; negated: boolean; passive: boolean } {
  const parts: string[] = [];
  let negated = false;
  let sawBe = false;
  let passive = false;
  let lastVerb = -1;
  for (let k = verb.first; k < verb.last; k++) if (isVerbLike(tokens[k]!)) lastVerb = k;
  for (let k = verb.first; k < verb.last; k++) {
    const t = tokens[k]!;
    // "is reported to have held talks": the "be" before an infinitive makes no passive of the verb after it
    if (t.lower === "to") sawBe = false;
    if (t.lower === "not" || t.lower === "n't" || t.lower === "never") negated = true;
    // "Having beaten Arsenal", "is reported to have held": the perfect's auxiliary, which wink tags as a verb
    else if ((t.lower === "having" || (t.lower === "have" && tokens[k - 1]?.lower === "to")) && k < lastVerb) continue;
    else if (isVerbLike(t)) {
      if (sawBe && k === lastVerb && !/ing$/.test(t.lower) && t.lower !== t.lemma) passive = true;
      // ("who lives in London": a verb the tagger read as a noun has the noun's lemma, "life"; its verb's is "live")
      // ("to have held talks": a participle the tagger read as an adjective has no verb's lemma)
      parts.push(t.pos === "NOUN" && /ves$/.test(t.lower) ? t.lower.slice(0, -1) : t.pos === "ADJ" ? IRREGULAR_PARTICIPLES.get(t.lower) ?? t.lemma : t.lemma);
    } else if (t.pos === "AUX") {
      if (isBe(t)) sawBe = true;
      if (k === verb.last - 1 && lastVerb < 0) parts.push(t.lemma); // copula or "has" as main verb
    } else if (t.lower === "to" && parts.length === 0 && k < lastVerb) continue; // "is to visit": the arrangement's "to" (modality.ts reads it)
    else if (t.pos === "PART" || t.pos === "ADP" || (t.pos === "ADV" && k === verb.last - 1)) parts.push(t.lower);
    else if (t.lower === "to") parts.push("to");
  }
  if (parts.length === 0) for (let k = verb.first; k < verb.last; k++) parts.push(tokens[k]!.lower);
  // "Putin never met Bush": without an auxiliary the adverb stands before the verb group
  for (let k = verb.first - 1; k >= 0 && tokens[k]!.pos === "ADV"; k--) if (tokens[k]!.lower === "never") negated = true;
  return { lemma: parts.join("_"), negated, passive };
}

export function isSpeechVerb(lemma: string): boolean {
  const cut = lemma.indexOf("_");
  return SPEECH_VERBS.has(cut < 0 ? lemma : lemma.slice(0, cut));
}

interface Draft {
  /** First and last chunk of the predicate (an infinitive chain spans several). */
  v: number;
  end: number;
  verb: Span;
  found: FoundSubject;
  args: ArgRegion;
  lemma: ReturnType<typeof verbLemma>;
  subjects?: { conjuncts: Span[]; group: Span; via: SubjectVia };
}

/** Words that open a subordinate clause: its subject is not the main clause's. */
const SUBORDINATORS = new Set(["before", "after", "when", "while", "as", "since", "until", "because", "although", "though", "if", "unless", "whereas", "once"]);

const PARTICLE_TAGS = new Set(["ADP", "PART", "ADV"]);

const CONTROL_ADJECTIVES = new Set(["able", "unable", "likely", "unlikely", "willing", "unwilling", "eager", "ready", "set", "due", "about", "supposed", "going", "expected", "allowed", "forced", "bound", "keen", "determined", "reluctant", "free"]);

/** "has started to move", "refused to provide", "had to temporarily close": one predicate. */
function predicateEnd(chunks: Chunk[], v: number, tokens: Token[]): number {
  let end = v;
  for (;;) {
    let n = end + 1;
    // "were able to reinforce", "is likely to fall"
    if (kindAt(chunks, n) === "NP" && chunks[n]!.last - chunks[n]!.first === 1 && CONTROL_ADJECTIVES.has(tokens[chunks[n]!.first]!.lower)) n++;
    if (kindAt(chunks, n) !== "TO") break;
    n++;
    while (kindAt(chunks, n) === "ADV") n++;
    if (kindAt(chunks, n) !== "VG") break;
    end = n;
  }
  return end;
}

/** Fills in subjects that come from another clause: coordination, control, fronted participles. */
/** Where the sentence's entities start and end (token indices), as the chunker had them. */
interface EntityBounds {
  starts: Set<number>;
  ends: Set<number>;
}

function resolveSharedSubjects(drafts: Draft[], tokens: Token[], names: EntityBounds): void {
  for (const d of drafts) {
    const f = d.found;
    if (f && (f.via === "direct" || f.via === "relative")) d.subjects = { conjuncts: f.conjuncts, group: f.group, via: f.via };
  }
  // a fronted participle takes the subject of the next clause with its own
  let next: Draft["subjects"];
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i]!;
    // ("Injured Rio Ferdinand and Sol Campbell were left out": a past participle without the comma that
    // closes its phrase is an adjective of the subject, and no clause of its own; "Speaking to the
    // committee he urged" needs none)
    const closed = tokens[(next?.group.first ?? 0) - 1]?.text === "," || /ing$/.test(tokens[d.verb.last - 1]?.lower ?? "");
    if (d.found?.via === "fronted" && next && closed) {
      d.subjects = { ...next, via: "fronted" };
      // "Responding to the plans, the chairman of ... England and Wales said": the participle's
      // arguments end where the subject it borrows begins
      const start = next.group.first;
      if (d.args.preps.some((p) => p.arg.last > start) || d.args.objects.some((o) => o.last > start))
        d.args = { ...d.args, preps: d.args.preps.filter((p) => p.arg.last <= start), objects: d.args.objects.filter((o) => o.last <= start) };
    }
    // ("Speaking at the Australian Open, before Eerdekens identified her, Kuznetsova said": a subordinate
    // clause between lends the participle no subject)
    if (d.found?.via === "direct" && !SUBORDINATORS.has(tokens[d.found.group.first - 1]?.lower ?? "")) next = d.subjects;
  }
  // coordinated verbs, participles and infinitives take the subject of the clause before; an
  // infinitive after a verb of making or letting takes that verb's object: "allowed Steve Stone to
  // send O'Neil away" (Stone sends), "urged Britain to use its influence" (Britain uses)
  let before: Draft["subjects"];
  let previous: Draft | undefined;
  for (const d of drafts) {
    const f = d.found;
    if (f && !d.subjects && f.via !== "fronted" && before) {
      const object = f.via === "control" && previous ? controller(previous, d.verb, tokens, names) : undefined;
      d.subjects = object && object.last <= d.verb.first ? { conjuncts: [object], group: object, via: "control" } : { ...before, via: f.via };
    }
    if (d.subjects) before = d.subjects;
    previous = d;
  }
}

/**
 * Who does what an infinitive says after a verb of making, letting or wanting: its object ("urged Britain to
 * use"), or the object of its preposition ("pleaded with Gerrard to reject", "called on Britain to act").
 */
function controller(previous: Draft, infinitive: Span, tokens: Token[], names: EntityBounds): Span | undefined {
  // "compared Xstrata's attempt to take over WMC": a named possessor of the noun right before the infinitive
  // does what the infinitive says
  const last = previous.args.objects.at(-1) ?? previous.args.preps.at(-1)?.arg;
  if (last && tokens[last.last]?.lower === "to" && infinitive.first <= last.last + 1) {
    for (let k = last.last - 2; k > last.first; k--) if (/^['’]s?$/.test(tokens[k]!.text) && names.starts.has(last.first) && names.ends.has(k)) return { first: last.first, last: k };
  }
  // "its call for the UK to leave the EU": a name after "for" right before the infinitive is its subject
  // (not a time: "waiting for a decade to join")
  const lastFor = previous.args.preps.at(-1);
  if (lastFor && tokens[lastFor.prep.first]!.lower === "for" && tokens[lastFor.arg.last]?.lower === "to" && infinitive.first <= lastFor.arg.last + 1) {
    for (let k = lastFor.arg.first; k < lastFor.arg.last; k++) if (names.starts.has(k)) return lastFor.arg;
  }
  const head = previous.lemma.lemma.split("_")[0]!;
  if (OBJECT_CONTROL.has(head) && previous.args.objects.length) return previous.args.objects.at(-1);
  const prep = PREPOSITION_CONTROL.get(head);
  const lastPrep = previous.args.preps.at(-1);
  return prep && lastPrep && tokens[lastPrep.prep.first]!.lower === prep ? lastPrep.arg : undefined;
}

/** Verbs whose preposition's object does what the infinitive after it says. */
const PREPOSITION_CONTROL = new Map([["plead", "with"], ["appeal", "to"], ["call", "on"], ["rely", "on"], ["count", "on"], ["look", "to"], ["signal", "to"], ["arrange", "for"]]);

/** Verbs whose object does what the infinitive after it says. */
const OBJECT_CONTROL = new Set(["back", "tip", "love", "prefer", "hate", "wish", "allow", "let", "enable", "help", "ask", "tell", "order", "force", "persuade", "urge", "encourage", "invite", "require", "permit", "cause", "lead", "get", "want", "expect", "warn", "advise", "instruct", "compel", "push", "pressure", "press", "convince", "call", "challenge", "dare", "beg", "implore", "authorise", "authorize", "bring", "send", "appoint", "hire", "sign", "recruit", "pick", "select", "choose", "name"]);

/**
 * "buy and sell large amounts": a verb with nothing after it shares the next
 * verb's arguments. Not a verb that ends in its particle: "stayed away and
 * sent Li Qiang" is complete without an object.
 */
function shareArguments(drafts: Draft[], chunks: Chunk[], tokens: Token[]): void {
  for (let i = drafts.length - 2; i >= 0; i--) {
    const d = drafts[i]!;
    const next = drafts[i + 1]!;
    const a = d.args;
    if (a.objects.length || a.preps.length || a.complement) continue;
    if (PARTICLE_TAGS.has(tokens[d.verb.last - 1]!.pos)) continue;
    // "lost and failed to build a coalition with the Liberals": the arguments are the infinitive's
    if (hasInfinitive(tokens, next.verb)) continue;
    if (kindAt(chunks, d.end + 1) === "CONJ" && next.v === d.end + 2 && next.found?.via === "coordination") d.args = next.args;
  }
}

/** A verb group that goes on in an infinitive: "failed to build", "tried to make". */
function hasInfinitive(tokens: Token[], verb: Span): boolean {
  for (let k = verb.first + 1; k < verb.last - 1; k++) if (tokens[k]!.lower === "to" && tokens[k + 1]!.pos === "VERB") return true;
  return false;
}

function isInside(span: Span, outer: Span[]): boolean {
  for (const o of outer) if (o.first <= span.first && span.last <= o.last) return true;
  return false;
}

export interface ClauseResult {
  clauses: Clause[];
  chunks: Chunk[];
  appositions: Apposition[];
}

export function extractClauses(tokens: Token[], entityStarts = new Set<number>(), entityEnds = new Set<number>()): ClauseResult {
  const chunks = chunk(tokens, entityStarts, entityEnds);
  const drafts: Draft[] = [];
  for (let v = 0; v < chunks.length; v++) {
    if (chunks[v]!.kind !== "VG") continue;
    const end = predicateEnd(chunks, v, tokens);
    const verb: Span = { first: chunks[v]!.first, last: chunks[end]!.last };
    const lemma = verbLemma(tokens, verb);
    const speech = isSpeechVerb(lemma.lemma);
    // ('" ... ," wrote one reviewer': the name before the quotation closes is inside it, not the subject)
    let found = speech && followsQuote(chunks, tokens, v) ? undefined : findSubject(chunks, v, tokens, { first: chunks[v]!.first, last: chunks[v]!.last });
    let args = collectArgs(chunks, tokens, end + 1, { speech });
    // speech before the verb: "..., he said ." or, with the subject after the verb, "..., '' said a spokesman ."
    if (speech && !args.complement && !lemma.passive && (!args.objects.length || found?.via !== "direct")) ({ found, args } = reportedSpeech(chunks, tokens, v, found, args));
    drafts.push({ v, end, verb, found, args, lemma });
    v = end;
  }
  resolveSharedSubjects(drafts, tokens, { starts: entityStarts, ends: entityEnds });
  shareArguments(drafts, chunks, tokens);
  const adjunct = findAdjunct(chunks, tokens);

  const complements: Span[] = [];
  for (const d of drafts) if (d.args.complement) complements.push(d.args.complement.body);
  const clauses: Clause[] = [];
  for (const d of drafts) {
    if (!d.subjects) continue;
    const { lemma, negated, passive } = d.lemma;
    let objects = d.args.objects;
    const objectFrom = d.found && "objectFrom" in d.found ? d.found.objectFrom : undefined;
    const objectViaRelative = !!objectFrom && objects.length === 0 && !d.args.complement;
    if (objectViaRelative) objects = [objectFrom!];
    const adjuncts = adjunct && adjunct.last <= d.verb.first && d.subjects.via !== "relative" ? [adjunct] : [];
    for (const subject of d.subjects.conjuncts) {
      clauses.push({
        subject,
        subjectGroup: d.subjects.group,
        verb: d.verb,
        objects,
        preps: d.args.preps,
        ...(d.args.complement ? { complement: d.args.complement } : {}),
        extras: d.args.extras,
        adjuncts,
        passive,
        negated,
        subjectVia: d.subjects.via,
        objectViaRelative,
        embedded: isInside(d.verb, complements),
        lemma,
      });
    }
  }
  return { clauses, chunks, appositions: findAppositions(chunks, tokens) };
}
