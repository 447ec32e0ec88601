/**
 * One article in, triples with provenance out. Pure: no file or network
 * access, so the CLI, workers and tests all call the same function.
 */
import { createHash } from "node:crypto";
import { blankOutHtml, prepareArticle } from "./article/index.ts";
import { tagSentences, type TaggedSentence } from "./nlp/index.ts";
import type { EntitySpan } from "./entities/recognize.ts";
import { recogniseArticle } from "./entities/tagger.ts";
import { resolveInArticle, type MentionInput } from "./aliases/inArticle.ts";
import { entityId } from "./aliases/ids.ts";
import { extractClauses, isSpeechVerb } from "./clauses/engine.ts";
import { headEntity, titleHolder, triplesFromClause, type LinkedEntity, type Referents } from "./triples/fromClauses.ts";
import { findRoles, isParty } from "./triples/roles.ts";
import { findNominal, isPossessive } from "./triples/nominal.ts";
import { findAffiliations } from "./triples/affiliation.ts";
import { isFutureTense, resolveSentenceDate } from "./time/index.ts";
import type { Clause, Span } from "./clauses/types.ts";
import type { Token } from "./nlp/index.ts";
import { EQUIPMENT_NOUNS, HONORIFICS, PLACES, isNationalityNoun } from "./entities/gazetteer.ts";
import { Antecedents } from "./triples/antecedents.ts";
import { clauseMode, isQuoted, matrixOf, quoteOpenAfter } from "./triples/modality.ts";
import { confidenceOf, type TripleCues } from "./triples/confidence.ts";
import { classify, isGeneric } from "./relations/classify.ts";
import { findDateline } from "./article/dateline.ts";
import { talksSport } from "./article/sports.ts";
import { readInSport, type SportContext } from "./triples/sport.ts";
import { skipped } from "./problems.ts";
import type { ArticleExtraction, ArticleInput, Dateline, EntityRef, EntityType, ExtractionProblem, Modality, Polarity, Triple } from "./types.ts";

/** Bumped whenever extraction output changes, so caches keyed on it stay honest. */
export const EXTRACTOR_VERSION = "0.5.0";

const MAX_CLAUSE_TOKENS = 150;
const SUBJECT_PRONOUNS = new Set(["he", "she"]);
/** Words that open a relative or subordinate clause right before its subject: "which he had represented", "after he quit". */
const SUBORDINATE_OPENERS = new Set(["which", "who", "whom", "that", "after", "before", "when", "because", "since", "until", "although", "though", "while", "whilst", "once", "where", "if", "unless"]);

/** The person a passive clause names after "by", its agent. */
function personAgent(tokens: Token[], clause: Clause, linked: LinkedEntity[]): LinkedEntity | undefined {
  const by = clause.preps.find((p) => tokens[p.prep.first]!.lower === "by");
  const agent = by && headEntity(tokens, by.arg, linked);
  return agent?.type === "Person" ? agent : undefined;
}

/**
 * The date a clause's own time phrase gives ("will travel to Kyiv on February 14"),
 * resolved forward when the clause is in the future tense.
 */
function clauseDate(tokens: Token[], clause: Clause, articleDate: string | undefined): string | undefined {
  let first = Math.min(clause.subject.first, clause.verb.first);
  let last = Math.max(clause.subject.last, clause.verb.last);
  // Loops rather than spreading the lists into one: they differ in elements kind, empty or not.
  const widen = (s: Span) => {
    if (s.first < first) first = s.first;
    if (s.last > last) last = s.last;
  };
  for (const s of clause.objects) widen(s);
  for (const p of clause.preps) widen(p.arg);
  for (const s of clause.extras) widen(s);
  for (const s of clause.adjuncts) widen(s);
  return resolveSentenceDate(tokens.slice(first, last), articleDate, isFutureTense(tokens.slice(clause.verb.first, clause.verb.last)));
}

interface SentenceEntities {
  sentence: TaggedSentence;
  spans: EntitySpan[];
  /** Index of each span's mention in the article-wide mention list. */
  mentionIndex: number[];
}

/**
 * Nouns the article uses for one named piece of equipment: "the Tu-22M3
 * bombers" makes "bombers" elsewhere in the article mean the Tu-22M3, unless
 * the article names two different bombers.
 */
function equipmentByNoun(sentences: SentenceEntities[], refOfMention: (EntityRef | undefined)[], refIndex: Map<string, number>): Map<string, number> {
  const found = new Map<string, number | null>();
  for (const { sentence, spans, mentionIndex } of sentences) {
    spans.forEach((span, k) => {
      const ref = refOfMention[mentionIndex[k]!];
      const next = sentence.tokens[span.last];
      if (!ref || ref.type !== "Equipment" || !next || next.pos !== "NOUN" || !EQUIPMENT_NOUNS.has(next.lower)) return;
      const index = refIndex.get(ref.id)!;
      const seen = found.get(next.lemma);
      found.set(next.lemma, seen === undefined || seen === index ? index : null);
    });
  }
  return new Map([...found].filter((e): e is [string, number] => e[1] !== null));
}

/**
 * One article in, its extraction out: the article's metadata (date, dateline, sha256, the entities it names
 * and how often), its triples (subject, predicate, object, relation class, polarity, modality, evidence with
 * offsets into `input.text`, confidence) and the parts it had to skip (`problems`). Pure: no file or network
 * access; the first call loads the entity model. Library entry point (README, "Library").
 *
 * `cues`: also return what the confidence model read of each triple (aligned with `triples`), for
 * fitting it (scripts/triples/fit-confidence.ts). Users never need them.
 */
export function extractArticle(input: ArticleInput, options: { cues?: boolean } = {}): ArticleExtraction & { cues?: TripleCues[] } {
  const raw = input.text;
  const prepared = prepareArticle(raw, input.date);
  const articleDate = input.date ?? prepared.date;
  // Markup blanked out with spaces, so offsets into `text` are offsets into the file.
  const text = prepared.html ? blankOutHtml(raw) : raw;

  // 1. sentences and entity spans. A sentence whose processing throws is skipped and recorded in
  // `problems`, here and in step 3: the loop bodies are try statements, so one bad sentence costs
  // that sentence, not the article.
  const problems: ExtractionProblem[] = [];
  const sentences: SentenceEntities[] = [];
  const mentions: MentionInput[] = [];
  /** Persons named with a title ("Home Secretary Charles Clarke"), by mention: whom "the home secretary" means. */
  const titledMentions: { title: string; mention: number }[] = [];
  /** Mentions of the sentences kept so far: a sentence that throws half-way leaves none of its own. */
  let mentionsKept = 0;
  const acronyms = new Map<string, { name: string; type: EntityType }>();
  const tagged: TaggedSentence[] = [];
  for (const seg of prepared.segments) {
    try {
      for (const sentence of tagSentences(text.slice(seg.start, seg.end), seg.start)) tagged.push(sentence);
    } catch (err) {
      problems.push(skipped("block", seg, raw, err));
    }
  }
  // the entity model reads the article's sentences in order, as one document
  const taggedTokens = tagged.map((s) => s.tokens);
  const { results: found, sports } = recogniseArticle(taggedTokens);
  // a club's boss is its manager, and a pass a pass, wherever the article talks of sport at all
  const sport: SportContext = { report: sports, talk: sports || talksSport(taggedTokens) };
  for (let n = 0; n < tagged.length; n++) {
    const sentence = tagged[n]!;
    try {
      const { entities, error } = found[n]!;
      if (error !== undefined) throw error;
      const mentionIndex: number[] = [];
      const firstWord = sentence.tokens.findIndex((t) => t.pos !== "PUNCT");
      for (const e of entities) {
        mentionIndex.push(mentions.length);
        mentions.push({ text: e.text, name: e.canonical ?? e.text, type: e.type, typeConfidence: e.typeConfidence, titled: !!e.title, atSentenceStart: e.first === firstWord });
        if (e.title && e.type === "Person") titledMentions.push({ title: e.title, mention: mentions.length - 1 });
        // "Conflict Intelligence Team (CIT)": the acronym is an alias of the name before it
        const t = sentence.tokens;
        if (e.last + 2 < t.length && t[e.last]!.text === "(" && t[e.last + 2]!.text === ")" && /^[A-Z]{2,6}$/.test(t[e.last + 1]!.text)) {
          const acr = t[e.last + 1]!.text;
          const initials = e.text.replace(/(\S)\S*\s*/g, "$1").toUpperCase();
          if (initials.includes(acr) || acr[0] === initials[0]) acronyms.set(acr, { name: e.canonical ?? e.text, type: e.type });
        }
      }
      sentences.push({ sentence, spans: entities, mentionIndex });
      mentionsKept = mentions.length;
    } catch (err) {
      mentions.length = mentionsKept;
      while (titledMentions.length && titledMentions[titledMentions.length - 1]!.mention >= mentionsKept) titledMentions.pop();
      problems.push(skipped("sentence", sentence, raw, err));
    }
  }

  // 2. aliases: one canonical entity per real thing
  const resolved = resolveInArticle(mentions, acronyms);
  const refs = new Map<string, EntityRef>();
  // Filled by a loop, not Array#map: an array literal always has the same elements kind, where map's
  // result differs between empty and filled articles and V8 throws away optimised code on each switch.
  const refOfMention: (EntityRef | undefined)[] = [];
  for (let k = 0; k < resolved.length; k++) {
    const r = resolved[k];
    if (!r) {
      refOfMention.push(undefined);
      continue;
    }
    const id = entityId(r.type, r.name);
    let ref = refs.get(id);
    if (!ref) refs.set(id, (ref = { id, name: r.name, type: r.type, aliases: [], typeConfidence: r.typeConfidence }));
    if (!ref.aliases!.includes(mentions[k]!.text)) ref.aliases!.push(mentions[k]!.text);
    refOfMention.push(ref);
  }
  const refList = [...refs.values()];
  const refIndex = new Map(refList.map((r, k) => [r.id, k]));
  const mentionCounts = countsRecord();
  for (let k = 0; k < refOfMention.length; k++) {
    const r = refOfMention[k];
    if (r) mentionCounts[r.id] = (mentionCounts[r.id] ?? 0) + 1;
  }

  // whom a title names in this article ("home secretary" -> Charles Clarke), unless it names two persons
  const titleHolders = new Map<string, number | undefined>();
  for (const { title, mention } of titledMentions) {
    const ref = refOfMention[mention];
    // (without the honorifics a title may hold: "Deputy Prime Minister Mr Prescott")
    const key = title.toLowerCase().split(/\s+/).filter((w) => !HONORIFICS.has(w.replace(/\.$/, ""))).join(" ");
    if (!ref || !key) continue;
    const k = refIndex.get(ref.id)!;
    titleHolders.set(key, titleHolders.has(key) && titleHolders.get(key) !== k ? undefined : k);
  }

  // 3. clauses -> triples, sentence by sentence
  const triples: Triple[] = [];
  const cues: TripleCues[] | undefined = options.cues ? [] : undefined;
  const antecedents = new Antecedents((ref) => refList[ref]!.name);
  const resolvePronoun = (pronoun: string) => antecedents.resolve(pronoun);
  /**
   * "Meyer's constituency party, which he had represented", "Veritas was formed by Mr Kilroy-Silk after he
   * quit", "As for Kenenisa Bekele, he": the "he" of a relative or subordinate clause, or after the topic a
   * sentence opens with, before any clause of the sentence has had a person for its subject, is the person
   * the sentence named last before it (outside a quotation; not one a verb acted on, "joined British troops
   * to fight Hitler but ... when he settles").
   */
  const namedBefore = (tokens: Token[], clause: Clause, linked: LinkedEntity[], pronoun: string, quotedHere: boolean): LinkedEntity | undefined => {
    // ("As for Kenenisa Bekele, he was well beaten": the topic a sentence opens with)
    const topicOpener = tokens[0]?.lower === "as" && tokens[1]?.lower === "for" && tokens[clause.subject.first - 1]?.text === ",";
    if (!topicOpener && !SUBORDINATE_OPENERS.has(tokens[clause.subject.first - 1]?.lower ?? "")) return undefined;
    const before = linked.filter((e) => e.type === "Person" && !e.inferred && e.last <= clause.subject.first && tokens[e.first - 1]?.pos !== "VERB" && !isQuoted(tokens, e.first, quotedHere));
    return before.reverse().find((e) => antecedents.agrees(pronoun, e));
  };
  // the organisation "the company" stands for: the last one named as a clause's subject
  let lastOrganization: LinkedEntity | undefined;
  const articleId = input.id;
  const seen = new Set<string>();

  const makeRef = (name: string, type: EntityType): number => {
    const id = entityId(type, name);
    if (!refIndex.has(id)) {
      // only gazetteer places come here ("French president" -> France)
      const ref = { id, name, type, aliases: [name], typeConfidence: 0.95 };
      refs.set(id, ref);
      refIndex.set(id, refList.push(ref) - 1);
    }
    return refIndex.get(id)!;
  };

  const equipmentNouns = equipmentByNoun(sentences, refOfMention, refIndex);

  // a quotation may run over several sentences: they are what someone said, not the article's voice
  let insideQuote = false;
  let previousEnd = 0;
  for (const { sentence, spans, mentionIndex } of sentences) try {
    const tokens = sentence.tokens;
    // a new paragraph (a blank line) closes any quotation left open
    if (/\n[ \t\r]*\n/.test(text.slice(previousEnd, sentence.start))) insideQuote = false;
    const quotedHere = insideQuote;
    insideQuote = quoteOpenAfter(tokens, insideQuote);
    previousEnd = sentence.end;
    const linked: LinkedEntity[] = [];
    spans.forEach((span, k) => {
      const ref = refOfMention[mentionIndex[k]!];
      if (ref) linked.push({ first: span.first, last: span.last, ref: refIndex.get(ref.id)!, type: ref.type, inferred: false });
    });
    // "two long-range bombers" in an article that names its bombers "Tu-22M3 bombers"
    tokens.forEach((t, i) => {
      const ref = t.pos === "NOUN" ? equipmentNouns.get(t.lemma) : undefined;
      // Not inside a name, nor right after one: "the Tu-22M3 bombers" already names its model.
      if (ref === undefined || linked.some((e) => i >= e.first && i <= e.last)) return;
      linked.push({ first: i, last: i + 1, ref, type: "Equipment", inferred: true });
    });
    linked.sort((a, b) => a.first - b.first);
    const sentenceDate = resolveSentenceDate(tokens, articleDate) ?? articleDate;
    // Roles ("French president Emmanuel Macron") are states, dated by the article; clauses set their own below.
    let date = articleDate;
    const headline = !/[.!?:"'”’)\]]$/.test(sentence.text);
    const push = (subject: LinkedEntity, object: LinkedEntity, predicate: string, surface: string, found: Pick<TripleCues, "kind" | "rule" | "viaPronoun" | "quoted" | "polarity" | "modality"> & { preposition?: string }) => {
      const s = refList[subject.ref]!;
      const o = refList[object.ref]!;
      const key = `${sentence.start}|${s.id}|${predicate}|${o.id}`;
      if (seen.has(key) || s.id === o.id) return;
      // "the Scot", "the Dutchman": a nationality standing for a person named elsewhere is no party of its own
      if (isNationalityNoun(s.name) || isNationalityNoun(o.name)) return;
      seen.add(key);
      const { polarity, modality } = found;
      const inSport = readInSport(predicate, s.type, o.type, sport);
      if (inSport === undefined) return;
      predicate = inSport;
      const classed = { predicate, subjectType: s.type, objectType: o.type, polarity, modality };
      // A verb the schema does not know, named only by its preposition ("suffer_in Athens"): too vague to
      // read as a relation (three in four were wrong or partial in the labelled sample), so not a triple.
      if (isGeneric(classed)) return;
      const relation = classify(classed)!;
      const triggers: TripleCues = {
        ...found,
        subjectType: s.type,
        objectType: o.type,
        typeConfidence: Math.min(s.typeConfidence ?? 0.5, o.typeConfidence ?? 0.5),
        distance: Math.max(0, Math.max(subject.first, object.first) - Math.min(subject.last, object.last)),
        sentenceTokens: tokens.length,
        entitiesInSentence: linked.length,
        headline,
        relationGroup: relation.relationGroup,
        genericRelation: relation.relation.startsWith("ACTS_") || relation.relationGroup === "catch-all",
        predicateWords: predicate.split("_").length,
      };
      if (cues) cues.push(triggers);
      const mention = (e: LinkedEntity) => ({ text: raw.slice(tokens[e.first]!.start, tokens[e.last - 1]!.end), start: tokens[e.first]!.start, end: tokens[e.last - 1]!.end });
      triples.push({
        subject: { id: s.id, name: s.name, type: s.type },
        predicate,
        surface,
        object: { id: o.id, name: o.name, type: o.type },
        evidence: { article: articleId, text: raw.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end, subject: mention(subject), object: mention(object) },
        ...(date ? { date } : {}),
        ...(articleDate ? { articleDate } : {}),
        confidence: confidenceOf(triggers),
        polarity,
        modality,
        ...relation,
      });
    };

    // roles from appositions and titles
    const roleEntities = linked.map((e) => ({ first: e.first, last: e.last, type: e.type, name: refList[e.ref]!.name }));
    for (const role of findRoles(tokens, roleEntities, sport.talk)) {
      const holder = linked.find((e) => e.first === role.holder.first)!;
      let target: LinkedEntity | undefined;
      if (role.of) target = linked.find((e) => e.first === role.of!.first);
      else if (role.country) {
        const place = PLACES.get(role.country.toLowerCase());
        target = { first: role.first, last: role.first + 1, ref: makeRef(place?.name ?? role.country, "Location"), type: "Location", inferred: false };
      }
      if (target) push(holder, target, role.predicate, raw.slice(tokens[role.first]!.start, tokens[role.last - 1]!.end), { kind: "role", rule: 0.85, viaPronoun: false, quoted: quotedHere, polarity: "positive", modality: "asserted" });
    }
    // relations inside noun phrases: "Germany's TUI", "Lucerne, Switzerland", "Hearts 2-1 Livingston"
    // (the state or country after a town only says where the town is: "service to Las Vegas, Nev., and
    // Tucson" serves no "Nev.")
    const containers = new Set<number>();
    const phraseEntities = linked.filter((e) => !e.inferred).map((e) => ({ ...e, typeConfidence: refList[e.ref]!.typeConfidence, name: refList[e.ref]!.name }));
    for (const fact of [...findNominal(tokens, phraseEntities), ...findAffiliations(tokens, phraseEntities, { sportsReport: sport.report, isParty })]) {
      // a demonym names its country ("Italian bank Mediobanca" -> Italy), as for roles
      const object = fact.object ?? { first: fact.countryAt?.first ?? fact.first, last: fact.countryAt?.last ?? fact.first + 1, ref: makeRef(PLACES.get(fact.country!.toLowerCase())?.name ?? fact.country!, "Location"), type: "Location" as const, inferred: false };
      if (fact.predicate === "located_in" && object.first > fact.subject.first) containers.add(object.first);
      push(fact.subject, object, fact.predicate, raw.slice(tokens[fact.first]!.start, tokens[fact.last - 1]!.end), { kind: "nominal", rule: fact.rule, viaPronoun: false, quoted: quotedHere, polarity: "positive", modality: fact.modality ?? "asserted" });
    }

    const starts = new Set(linked.map((e) => e.first));
    const ends = new Set(linked.map((e) => e.last));
    // Past this length a "sentence" is a list, a table or text without punctuation:
    // clause rules are unreliable there and their cost grows with the square of the length.
    // (undefined rather than an empty array literal: the engine's arrays and a literal differ in elements
    // kind, and meeting both costs this function its optimised code)
    const clauses = tokens.length <= MAX_CLAUSE_TOKENS ? extractClauses(tokens, starts, ends).clauses : undefined;
    // The person the sentence is about: the subject of its first clause that has one, named or "he". A
    // later clause's subject ("He was not expected to win, when Margaret Thatcher was riding high") is the
    // antecedent inside the sentence, but the next sentence's "he" goes back to the topic, as a reader's does.
    let topic: LinkedEntity | undefined;
    let topicAt = 0;
    if (clauses) for (const clause of clauses) {
      date = clauseDate(tokens, clause, articleDate) ?? sentenceDate;
      const mode = clauseMode(tokens, clause, clauses, quotedHere, sport.report);
      const quoted = isQuoted(tokens, clause.verb.first, quotedHere);
      const referents: Referents = {
        person: (pronoun) => (topic ? undefined : namedBefore(tokens, clause, linked, pronoun, quotedHere)) ?? resolvePronoun(pronoun),
        organization: () => lastOrganization,
        holder: (title) => {
          const ref = titleHolders.get(title);
          return ref === undefined ? undefined : { first: clause.subject.first, last: clause.subject.last, ref, type: "Person", inferred: false };
        },
        speaker: () => {
          const matrix = matrixOf(clauses, clause);
          const speaker = matrix && isSpeechVerb(matrix.lemma) ? headEntity(tokens, matrix.subject, linked) : undefined;
          return speaker && (speaker.type === "Organization" || speaker.type === "Location") ? speaker : undefined;
        },
      };
      for (const t of triplesFromClause(tokens, clause, linked, referents, mode, quoted)) {
        if (containers.has(t.object.first)) continue;
        push(t.subject, t.object, t.predicate, t.surface, { kind: t.kind, rule: t.confidence, viaPronoun: t.viaPronoun, quoted, polarity: t.polarity, modality: t.modality, ...(t.preposition ? { preposition: t.preposition } : {}) });
      }
      // "Kenteris's lawyer, Gregory Ioannidis, reacted": the person the subject is, else one it names ("Farrell's appearance", "Foxx's portrayal of Ray Charles": Foxx)
      const head = headEntity(tokens, clause.subject, linked);
      // (or the person the article gives the title a description names: "The home secretary said")
      const person = head?.type === "Person" && tokens[head.first - 1]?.lower !== "of" ? head : linked.find((e) => e.first >= clause.subject.first && e.last <= clause.subject.last && e.type === "Person") ?? (quoted ? undefined : titleHolder(tokens, clause, referents));
      // A passive's person agent is who acts, and the next "he", when the subject names a person only as
      // the owner of a thing: "Frank Capra's 1946 movie is being turned into a musical by producer Jon Thoday. He is working with …"
      const subj = person && clause.passive && isPossessive(tokens[person.last]) ? (personAgent(tokens, clause, linked) ?? person) : person;
      const pronoun = clause.subject.last - clause.subject.first === 1 ? tokens[clause.subject.first]!.lower : "";
      // ('"... why Ian committed suicide," he told the BBC': a person spoken of inside a quotation is not
      // who says it, so a quotation's subjects are not remembered for the pronouns after it)
      if (!quoted) {
        // (an owner the first clause made the topic gives way to the agent: "…'s movie starring James Stewart is being turned … by Jon Thoday")
        if (!topic || (topic === person && subj !== person)) {
          topic = subj ?? (SUBJECT_PRONOUNS.has(pronoun) ? resolvePronoun(pronoun) : undefined);
          topicAt = clause.subject.first;
        }
        if (subj) antecedents.remember(subj);
        // "Veritas was formed by Mr Kilroy-Silk after he quit UKIP": the person who acts on a thing is who
        // the sentence is about ("He was signed by Ruud Gullit and went on to play" is still about "he")
        else if (clause.passive && head && head.type !== "Person") {
          const agent = personAgent(tokens, clause, linked);
          if (agent) antecedents.remember(agent);
        }
      }
      if (head?.type === "Organization" && !head.inferred) lastOrganization = head;
    }
    // A person named anywhere is the fallback antecedent when no clause has one as its subject. Named after
    // the pronoun that gave the topic ("He played undercover cop Tommy Hanson") it stays behind the topic, so
    // the next "he" is still the actor, and a "she" can still find it; named before it ("on Wednesday Mr Straw
    // said he also wanted it to end", a subject the clauses missed) it is the one the pronoun meant.
    const persons = linked.filter((e) => e.type === "Person");
    const named = persons.length && !clauses?.some((c) => linked.some((e) => e.type === "Person" && e.first >= c.subject.first && e.last <= c.subject.last)) ? persons[persons.length - 1] : undefined;
    const behindTopic = !!named && !!topic && named.first > topicAt;
    if (behindTopic) antecedents.remember(named);
    if (topic) antecedents.remember(topic);
    if (named && !behindTopic) antecedents.remember(named);
  } catch (err) {
    // The sentence's triples are the last ones pushed: none of them is kept.
    while (triples.length && triples[triples.length - 1]!.evidence.start === sentence.start) {
      triples.pop();
      cues?.pop();
    }
    problems.push(skipped("sentence", sentence, raw, err));
  }

  const entities = [...refs.values()];
  return {
    article: {
      id: articleId,
      ...(input.title ?? prepared.title ? { title: input.title ?? prepared.title } : {}),
      ...(articleDate ? { date: articleDate } : {}),
      ...(input.source ? { source: input.source } : {}),
      sha256: createHash("sha256").update(raw).digest("hex"),
      ...datelineOf(prepared.dateline, input.dateline, articleDate),
      mentions: mentionCounts,
      entities,
    },
    triples,
    problems,
    ...(cues ? { cues } : {}),
  };
}

/**
 * An empty record for counts keyed by entity id. Its keys differ in every article: added one by one to a
 * fresh `{}`, each made V8 a new hidden class (a transition tree growing over the whole corpus). Deleting
 * properties that are not the last added turns the object into a plain hash table first; the record reads,
 * enumerates and serialises as `{}` would.
 */
function countsRecord(): Record<string, number> {
  const record: Record<string, number> = { a: 0, b: 0 };
  delete record.a;
  delete record.b;
  return record;
}

/**
 * The article's dateline: the one opening its text, else the one its record gives. The place takes the
 * gazetteer's name when it has one ("KIEV" -> "Kyiv"; the dateline's own in ordinary capitals otherwise).
 */
function datelineOf(inText: Dateline | undefined, given: string | undefined, articleDate: string | undefined): { dateline?: Dateline } {
  const found = inText ?? (given ? findDateline(given.trim(), 0, articleDate) : undefined);
  if (!found) return {};
  const place = PLACES.get(found.place.toLowerCase())?.name ?? found.place;
  return { dateline: { text: found.text, place, ...(found.date ? { date: found.date } : {}) } };
}
