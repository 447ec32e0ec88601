/**
 * How a clause puts what it says: polarity (did it happen, or not) and
 * modality (stated as fact, someone's claim, an intention, a possibility, a
 * denial), and the event itself once the verbs of wanting and trying are
 * taken off it ("plans to buy" is `buy`, intended; "refused to sign" is
 * `sign`, negative). "Russia has denied plans to attack Ukraine" must never
 * reach the graph as Russia –attack→ Ukraine, stated.
 *
 * The word lists live in modality.json: data, not code.
 */
import type { Token } from "../nlp/index.ts";
import type { Clause } from "../clauses/types.ts";
import type { Modality, Polarity } from "../types.ts";
import words from "./modality.json" with { type: "json" };

const set = (list: string[]) => new Set(list);
const FUTURE = set(words.future);
const POSSIBLE = set(words.possible);
const INTEND_VERBS = set(words.intendVerbs);
/** Verbs that ask, urge or want someone else to act: "urged Britain to withdraw" withdraws nothing yet. */
const DIRECTIVE_VERBS = set(words.directiveVerbs);
const POSSIBLE_VERBS = set(words.possibleVerbs);
const NEGATING_VERBS = set(words.negatingVerbs);
const DENY_VERBS = set(words.denyVerbs);
const INTENT_NOUNS = set(words.intentNouns);
const ABILITY_NOUNS = set(words.abilityNouns);
const SCHEDULE_VERBS = set(words.scheduleVerbs);
const PREDICTION_VERBS = set(words.predictionVerbs);
const ABANDON_VERBS = set(words.abandonVerbs);
const CONDITIONS = set(words.conditions);
const ASPECT_VERBS = set(words.aspectVerbs);
/** Verbs whose infinitive says what happened: "managed to beat"; comeback verbs only with "back": "fought back to defeat". */
const ACHIEVE_VERBS = set(words.achieveVerbs);
const COMEBACK_VERBS = set(words.comebackVerbs);
/** Verbs that pass on what others say before an infinitive: "is reported to have held talks". */
const HEARSAY_VERBS = set(words.hearsayVerbs);
const REPORT_NOUNS = set(words.reportNouns);
const REPORTING_ADVERBS = set(words.reportingAdverbs);
/** "alleged that": the tagger may read "alleged" as an adjective, so the clause is not its complement. */
const REPORT_VERB_FORMS = set(words.reportVerbForms);
/** Verbs of a fixture whose present tense, with a time still to come, is a plan: "Chelsea face Arsenal on Saturday". */
const FIXTURE_VERBS = set(words.fixtureVerbs);
const FUTURE_TIMES = set(words.futureTimes);
/** Adjectives that expect what the infinitive after them says: "certain to miss", "set to join". */
const EXPECTATION_ADJECTIVES = set(words.expectationAdjectives);
/** Nouns for the players picked for a match: "the squad to face Ireland". */
const SQUAD_NOUNS = set(words.squadNouns);
/** Verbs whose complement is true even when they are negated: "did not know that X had left" says X left. */
const FACTIVE_VERBS = set(words.factiveVerbs);
/** Verbs of intending that are also verbs of motion, whose purpose clause happened: "moved to the US to run". */
const MOTION_VERBS = set(words.motionVerbs);
const PHRASAL_PARTICLES = new Set(["down", "up", "out", "off", "along"]);
/** A copula's lemma, or its form when it is the whole verb group ("is not": "is_not"). */
const COPULAS = new Set(["be", "is", "are", "was", "were", "am", "been", "become"]);

export interface Mode {
  polarity: Polarity;
  modality: Modality;
  /** The event's lemma chain with the verbs of intending taken off ("plan_to_buy" -> "buy"). */
  event: string;
}

/** Strength order when several cues meet: a denial outweighs a possibility, which outweighs a plan, a report. */
const RANK: Record<Modality, number> = { asserted: 0, reported: 1, intended: 2, hypothetical: 3, denied: 4 };
const stronger = (a: Modality, b: Modality) => (RANK[b] > RANK[a] ? b : a);

/**
 * What a quotation mark does: opens (+1), closes (-1), or nothing (0). Curly and TeX marks say which;
 * a straight one opens where it is glued to the word after it and not to the word before, and closes
 * where it is glued to the word before. Told apart this way, one stray mark does not turn the rest of
 * a paragraph into speech, as counting them would.
 */
function quoteMark(tokens: Token[], i: number): number {
  const t = tokens[i]!.text;
  if (t === "“" || t === "``") return 1;
  if (t === "”" || t === "''") return -1;
  if (t !== '"') return 0;
  const gluedBefore = i > 0 && tokens[i - 1]!.end === tokens[i]!.start;
  const gluedAfter = i + 1 < tokens.length && tokens[i + 1]!.start === tokens[i]!.end;
  if (gluedAfter && !gluedBefore) return 1;
  if (gluedBefore) return -1;
  return 0;
}

/** Is token k inside a quotation? `openBefore`: one was open when the sentence began. */
export function isQuoted(tokens: Token[], k: number, openBefore = false): boolean {
  let open = openBefore;
  for (let i = 0; i < k; i++) {
    const m = quoteMark(tokens, i);
    if (m) open = m > 0;
  }
  return open;
}

/** Whether a quotation is still open after the sentence, given whether one was open before it. */
export function quoteOpenAfter(tokens: Token[], openBefore: boolean): boolean {
  return isQuoted(tokens, tokens.length, openBefore);
}

/** The verb's own words: auxiliaries and modals in the verb group. */
function auxiliaries(tokens: Token[], clause: Clause): string[] {
  const out: string[] = [];
  for (let k = clause.verb.first; k < clause.verb.last; k++) out.push(tokens[k]!.lower);
  return out;
}

/** Verbs before "to" that say the next verb's act was not done: "failed to deny", "refused to deny". */
const WITHHOLDING_VERBS = new Set(["fail", "refuse", "decline"]);
/** Whether the denial verb at k is not done: "did not deny", "failed to deny". */
function isDenialWithheld(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1]?.lower ?? "";
  if (/^(not|never|n't|n’t)$/.test(before)) return true;
  return before === "to" && WITHHOLDING_VERBS.has(tokens[k - 2]?.lemma ?? "");
}

/**
 * The mode of one clause. `clauses` are the sentence's clauses (for the one a complement or an
 * infinitive hangs from); `sentenceQuoted` says the whole sentence stands inside a quotation opened
 * in an earlier sentence; `sportsReport` that the article is one (article/sports.ts), where a fixture
 * in the present is a preview ("He opens against Schuettler and potentially faces Nalbandian").
 */
/** Words that, after "last", put a clause in the past: "last year", "last season". */
const PAST_PERIODS = new Set(["year", "season", "week", "month", "night", "summer", "autumn", "winter", "spring", "time"]);

/** Whether a clause's own arguments say it happened in the past: "last year", "two years ago", "yesterday". */
function saysPastTime(tokens: Token[], clause: Clause): boolean {
  let end = clause.verb.last;
  for (const o of clause.objects) end = Math.max(end, o.last);
  for (const p of clause.preps) end = Math.max(end, p.arg.last);
  for (let k = clause.verb.last; k < end; k++) {
    const t = tokens[k]!.lower;
    if (t === "yesterday" || t === "ago" || (t === "last" && PAST_PERIODS.has(tokens[k + 1]?.lower ?? ""))) return true;
  }
  return false;
}

/** "fought back to defeat": the verb group holds "back" (the lemma keeps only a last particle). */
function saysBack(tokens: Token[], verb: Clause["verb"]): boolean {
  for (let k = verb.first; k < verb.last; k++) if (tokens[k]!.lower === "back") return true;
  return false;
}

export function clauseMode(tokens: Token[], clause: Clause, clauses: Clause[], sentenceQuoted = false, sportsReport = false): Mode {
  let polarity: Polarity = clause.negated ? "negative" : "positive";
  let modality: Modality = "asserted";
  const raise = (m: Modality) => (modality = stronger(modality, m));
  // "will take no action against Mourinho", "had no contact with Ecclestone": a light verb's noun denied
  // by "no" denies the event it carries
  const firstObject = clause.objects[0];
  if (firstObject && firstObject.first === clause.verb.last && tokens[firstObject.first]!.lower === "no") polarity = polarity === "negative" ? "positive" : "negative";

  // modals in the verb group: "will visit", "could stage", "is to halt"
  const aux = auxiliaries(tokens, clause);
  // an infinitive of purpose or control takes the modals of the clause it hangs from: "will return
  // to court to seek sanctions" seeks nothing yet
  if (clause.subjectVia === "control") {
    const governing = before(clauses, clause);
    // the governing clause's verb ("urge" of "urged_to_withdraw"), read by the checks below
    const head = governing?.lemma.split("_")[0] ?? "";
    // ("will be winning his cap after coming on ... on the tour to New Zealand last year": a clause that
    // says when it happened, in the past, borrows no future)
    if (governing && !saysPastTime(tokens, clause)) aux.unshift(...auxiliaries(tokens, governing));
    // "prepared to head to Brussels to meet Bush": a purpose of an intended act is intended too
    if (governing?.lemma.split("_to_").slice(0, -1).some((part) => INTEND_VERBS.has(part.split("_").pop()!))) raise("intended");
    // "its call for the UK to leave the EU": what someone is to do after "for" is wished, not done
    if (tokens[clause.subject.first - 1]?.lower === "for" && tokens[clause.subject.last]?.lower === "to") raise("intended");
    // "has been waiting for a decade to join the WTO": an infinitive past a phrase after a verb of intending
    // (not one of motion: "moved to the US in 1999 to run operations" ran them)
    if (INTEND_VERBS.has(head) && !MOTION_VERBS.has(head) && tokens[clause.verb.first - 1]?.lower === "to") raise("intended");
    // "urged Britain to withdraw", "pleaded with Gerrard to reject": what one is asked to do is not done yet
    if (DIRECTIVE_VERBS.has(head)) raise("intended");
    // "backed New Zealand to win the series": a prediction of what the object will do
    if (governing && governing.objects.length > 0 && PREDICTION_VERBS.has(head)) raise("intended");
    // "is pencilled in to play", "is lined up to co-star": put down to do it
    if (governing?.passive && SCHEDULE_VERBS.has(governing.lemma)) raise("intended");
    // "will not be coming out of retirement to compete": the purpose of what is not done is not done (not
    // after a copula: "Connors is not the first great name to offer his services" offered them)
    if (governing?.negated && !COPULAS.has(head)) polarity = "negative";
  }
  for (let k = 0; k < aux.length; k++) {
    if (FUTURE.has(aux[k]!)) raise("intended");
    // "could not stop Gloucester", "could only finish second": past ability, it happened (or not);
    // "said he would contest Bethnal Green": in reported speech "would" is a plan, not a possibility
    // "France may have beaten Scotland and England but they were tedious": a concession, granted as fact
    const concession = aux[k] === "may" && aux[k + 1] === "have" && tokens.slice(clause.verb.last).some((t) => t.lower === "but");
    if (POSSIBLE.has(aux[k]!) && !concession && !(aux[k] === "could" && (clause.negated || aux[k + 1] === "only"))) raise(aux[k] === "would" && clause.embedded ? "intended" : "hypothetical");
    // "is to halt", "are still to meet": the British future of arrangements
    const next = aux[k + 1] === "still" || aux[k + 1] === "yet" ? aux[k + 2] : aux[k + 1];
    if (/^(is|are|was|were|be)$/.test(aux[k]!) && next === "to") raise("intended");
    if ((aux[k] === "going" || aux[k] === "about") && aux[k + 1] === "to") raise("intended");
  }
  // "Chelsea face Arsenal on Saturday", "In Sunday's reverse singles ... Nadal faces Fish", "England play
  // Ireland in Dublin on 27 February": a fixture in the present, with a time still to come (a weekday,
  // "tomorrow", "next ...", a month) in its sentence or in a sports report, is yet to be played
  if (clause.verb.last - clause.verb.first === 1 && FIXTURE_VERBS.has(clause.lemma)) {
    const verb = tokens[clause.verb.first]!;
    const infinitive = tokens[clause.verb.first - 1]?.lower === "to";
    // (not an infinitive, "went on to play under Vialli", nor a phrasal verb, "plays down Wimbledon hopes")
    const present = !infinitive && !PHRASAL_PARTICLES.has(tokens[clause.verb.first + 1]?.lower ?? "") && (verb.lower === clause.lemma || verb.lower === `${clause.lemma}s` || verb.lower === `${clause.lemma}es`);
    if (present && (sportsReport || tokens.some((t) => FUTURE_TIMES.has(t.lower)))) raise("intended");
    // "added to England's squad to face Ireland": the fixture a squad is picked for is to come
    if (infinitive && SQUAD_NOUNS.has(tokens[clause.verb.first - 2]?.lower ?? "")) raise("intended");
  }
  // "is meeting Ms Furse on Thursday": the present progressive with a time still to come is an arrangement
  // (the time after the verb: "Monday's meeting" before it looks back)
  const group = tokens.slice(clause.verb.first, clause.verb.last);
  if (group.length === 2 && /^(is|are|am)$/.test(group[0]!.lower) && /ing$/.test(group[1]!.lower) && tokens.slice(clause.verb.last).some((t, n, after) => FUTURE_TIMES.has(t.lower) && !/^['’]s?$/.test(after[n + 1]?.text ?? ""))) raise("intended");
  // "are still to meet" where the verb group breaks at the adverb: "to" and "are" stand before the verb
  const v = clause.verb.first;
  // "is almost certain to miss", "looks set to join": an adjective of expectation before the infinitive, past
  // an adverb the verb group left out
  if (tokens[v - 1]?.lower === "to" && EXPECTATION_ADJECTIVES.has(tokens[v - 2]?.lower ?? "")) raise("intended");
  // "deciding whether to take part in the Nasdaq-100 Open": an open question, not a deed
  if (tokens[v - 1]?.lower === "whether" || (tokens[v - 1]?.lower === "to" && tokens[v - 2]?.lower === "whether")) raise("hypothetical");
  if (tokens[v - 1]?.lower === "to") {
    const be = /^(still|yet)$/.test(tokens[v - 2]?.lower ?? "") ? tokens[v - 3] : tokens[v - 2];
    if (be && /^(is|are|was|were|be|am)$/.test(be.lower)) raise("intended");
    // "has yet to build on his win": it has not happened
    if (tokens[v - 2]?.lower === "yet" && /^(has|have|had)$/.test(tokens[v - 3]?.lower ?? "")) polarity = "negative";
  }
  // "to talk about Turkey entering the EU": a gerund clause after a preposition is a topic, not a deed
  if (/ing$/.test(tokens[v]!.lower) && clause.verb.last - v === 1 && ["about", "of", "over", "on"].includes(tokens[clause.subject.first - 1]?.lower ?? "")) raise("hypothetical");
  // "didn't finally arrive at hospital until some nine hours after": "not ... until" says when it happened
  if (clause.negated && tokens.slice(clause.verb.last).some((t) => t.lower === "until")) polarity = "positive";

  // verbs of intending in the lemma chain: "plan_to_buy", "refuse_to_sign", "deny_having"
  const parts = clause.lemma.split("_to_");
  let event = clause.lemma;
  if (parts.length > 1) {
    let keep = 0;
    for (let p = 0; p < parts.length - 1; p++) {
      const head = parts[p]!.split("_").pop()!;
      if (ASPECT_VERBS.has(head) || ACHIEVE_VERBS.has(head) || (COMEBACK_VERBS.has(head) && saysBack(tokens, clause.verb))) {
        // "started to move", "managed to beat": it is happening or happened; the event is the moving, the beating
      } else if (HEARSAY_VERBS.has(head)) raise("reported");
      else if (INTEND_VERBS.has(head) || SCHEDULE_VERBS.has(parts[p]!)) raise("intended");
      else if (POSSIBLE_VERBS.has(head)) raise("hypothetical");
      else if (NEGATING_VERBS.has(head)) polarity = polarity === "negative" ? "positive" : "negative";
      else if (DENY_VERBS.has(head)) {
        raise("denied");
        polarity = "negative";
      } else break;
      keep = p + 1;
    }
    if (keep > 0) event = parts.slice(keep).join("_to_");
  }
  // "denies ignoring warnings": the denial of a gerund in the verb group
  const cut = event.indexOf("_");
  if (cut > 0 && DENY_VERBS.has(event.slice(0, cut)) && tokens.slice(clause.verb.first + 1, clause.verb.last).some((t) => /ing$/.test(t.lower))) {
    raise("denied");
    polarity = "negative";
    event = event.slice(cut + 1);
  }
  // "was careful not to turn his back": a "not" right before the infinitive
  if (tokens[clause.verb.first - 1]?.lower === "to" && /^(not|never)$/.test(tokens[clause.verb.first - 2]?.lower ?? "")) polarity = "negative";

  // an infinitive hanging from a noun of intent: "denied plans to attack", "joined the race to sign",
  // "pulled out of an agreement to buy"
  if (tokens[clause.verb.first - 1]?.lower === "to" || tokens[clause.verb.first]?.lower === "to") {
    const to = tokens[clause.verb.first]?.lower === "to" ? clause.verb.first : clause.verb.first - 1;
    const noun = tokens[to - 1];
    // "Sumitomo's ability to absorb UFJ": what one can do is not done
    if (noun && ABILITY_NOUNS.has(noun.lemma)) raise("hypothetical");
    if (noun && INTENT_NOUNS.has(noun.lemma)) {
      raise("intended");
      // "has no immediate plans to recall"
      for (let k = to - 2; k >= Math.max(0, to - 4); k--) if (tokens[k]!.lower === "no") polarity = "negative";
      const governing = governor(clauses, clause, to - 1);
      if (governing) {
        const head = governing.lemma.split("_")[0]!;
        if (DENY_VERBS.has(head)) {
          raise("denied");
          polarity = "negative";
        } else if (ABANDON_VERBS.has(governing.lemma) || ABANDON_VERBS.has(head) || governing.negated) polarity = "negative";
      }
    }
  }

  // "denied reports that Brown is preparing to oust Milburn": a claim named by a noun, and its denial
  const that = clause.subject.first - 1;
  if (tokens[that]?.lower === "that" && REPORT_VERB_FORMS.has(tokens[that - 1]?.lower ?? "") && !clause.embedded) raise("reported");
  // ("dismissed reports he told Gordon Brown he would quit": the "that" may be left out)
  const noun = tokens[that]?.lower === "that" ? that - 1 : that;
  if (REPORT_NOUNS.has(tokens[noun]?.lower ?? "") && (noun < that || tokens[noun]!.pos === "NOUN")) {
    raise("reported");
    for (let k = noun - 1; k >= Math.max(0, noun - 5); k--) {
      if (DENY_VERBS.has(tokens[k]!.lemma)) {
        // ("had pointedly failed to deny claims he had told Mr Blair", "did not deny reports": no denial, the claim stands)
        if (!isDenialWithheld(tokens, k)) {
          raise("denied");
          polarity = "negative";
        }
        break;
      }
    }
  }
  // inside what someone said: reported, or denied when the saying is a denial
  // (not the attribution after a quotation, when the "complement" ran on past the closing mark: '"I agree
  // that we need not cut supply," Shatwan told Reuters' is told, not agreed)
  const matrix = clause.embedded ? matrixOf(clauses, clause) : undefined;
  const attribution = !!matrix && isQuoted(tokens, matrix.verb.first, sentenceQuoted) && !isQuoted(tokens, clause.verb.first, sentenceQuoted);
  if (clause.embedded && !attribution) {
    if (matrix && DENY_VERBS.has(matrix.lemma.split("_")[0]!)) {
      raise("denied");
      polarity = "negative";
    } else if (matrix?.negated && !FACTIVE_VERBS.has(matrix.lemma.split("_")[0]!)) {
      // "the withdrawal did not mean that Libya had cut its ties": what is not said or meant is not stated
      raise("hypothetical");
    } else raise("reported");
  }
  // inside a quotation, counted from a quotation the sentence began in: '... we've got it," Edelman
  // told BBC Sport' quotes the first clause, not the telling
  if (isQuoted(tokens, clause.verb.first, sentenceQuoted)) raise("reported");
  // "Johnson allegedly approached Dr Dre": the writer passes on a claim
  for (let k = clause.verb.first - 1; k >= 0 && k >= clause.verb.first - 2; k--) if (REPORTING_ADVERBS.has(tokens[k]!.lower)) raise("reported");
  for (let k = clause.verb.first; k < clause.verb.last; k++) if (REPORTING_ADVERBS.has(tokens[k]!.lower)) raise("reported");

  // "if Brown became leader", "unless Arsenal win": a condition before the clause; past a comma only
  // when the condition opens the sentence ("If Arsenal win, Wenger will stay"), not for "On the
  // question of whether X, Y told the BBC"
  const from = clause.subject.first < clause.verb.first ? clause.subject.first : clause.verb.first;
  let comma = false;
  for (let k = from - 1; k >= 0 && k >= from - 12; k--) {
    const lower = tokens[k]!.lower;
    if (CONDITIONS.has(lower) && (!comma || (k === 0 && lower !== "whether"))) {
      raise("hypothetical");
      break;
    }
    if (tokens[k]!.text === ",") comma = true;
    else if (tokens[k]!.pos === "PUNCT") break;
  }
  // a question asks, it does not state (but a title may end in one: "the comedy Shall We Dance?")
  const asks = tokens[0]?.pos === "AUX" || /^(who|what|why|how|when|where|which|whether)$/.test(tokens[0]?.lower ?? "");
  if (tokens[tokens.length - 1]?.text === "?" && (asks || !/^[A-Z]/.test(tokens[tokens.length - 2]?.text ?? ""))) raise("hypothetical");

  return { polarity, modality, event };
}

/** The clause whose object holds the noun at `noun` (the clause an infinitive of intent hangs from). */
function governor(clauses: Clause[], clause: Clause, noun: number): Clause | undefined {
  let best: Clause | undefined;
  for (const c of clauses) {
    if (c === clause || c.verb.first > noun) continue;
    const holds = c.objects.some((o) => o.first <= noun && noun < o.last) || c.preps.some((p) => p.arg.first <= noun && noun < p.arg.last);
    if (holds && (!best || c.verb.first > best.verb.first)) best = c;
  }
  return best;
}

/** The nearest clause whose verb ends before this one's begins. */
function before(clauses: Clause[], clause: Clause): Clause | undefined {
  let best: Clause | undefined;
  for (const c of clauses) if (c !== clause && c.verb.last <= clause.verb.first && (!best || c.verb.last > best.verb.last)) best = c;
  return best;
}

/** The clause whose complement holds this one. */
export function matrixOf(clauses: Clause[], clause: Clause): Clause | undefined {
  let best: Clause | undefined;
  for (const c of clauses) {
    const body = c.complement?.body;
    if (c === clause || !body || body.first > clause.verb.first || clause.verb.last > body.last) continue;
    if (!best || body.last - body.first < best.complement!.body.last - best.complement!.body.first) best = c;
  }
  return best;
}
