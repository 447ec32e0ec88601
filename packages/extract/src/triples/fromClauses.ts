/**
 * Links clause arguments to entities and turns clauses into triples.
 * Confidence is graded from how each link was made, so that direct
 * subject–verb–object statements rank above pronoun or coordination guesses.
 */
import type { Token } from "../nlp/index.ts";
import type { Clause, Span } from "../clauses/engine.ts";
import { isSpeechVerb } from "../clauses/engine.ts";
import { isBareParticiple } from "../clauses/subject.ts";
import { POSSESSIVE_PRONOUNS as ANY_POSSESSIVE_PRONOUN } from "../clauses/words.ts";
import { isRoleNoun, PLACE_OF } from "../entities/gazetteer.ts";
import { qualifiedRole } from "./roles.ts";
import type { Mode } from "./modality.ts";
import type { Modality, Polarity } from "../types.ts";
import lightVerbs from "./light-verbs.json" with { type: "json" };
import propositionVerbs from "./proposition-verbs.json" with { type: "json" };
import descriptions from "./descriptions.json" with { type: "json" };

const LIGHT_VERBS = new Set(lightVerbs.lightVerbs);
const PASSIVE_RECIPIENT_VERBS = new Set(lightVerbs.passiveRecipientVerbs);
const PASSIVE_OFFER_VERBS = new Set(lightVerbs.passiveOfferVerbs);
const PASSIVE_PRIZE_VERBS = new Set(lightVerbs.passivePrizeVerbs);
const PASS_THROUGH = new Set(lightVerbs.passThroughNouns);
const EVENT_NOUNS = new Set(lightVerbs.eventNouns);
const IDIOM_NOUNS = new Set(lightVerbs.idiomNouns);
/** A verb and its object's noun that are the event together: "called time on England", "paved the way for". */
const IDIOM_OBJECTS = new Set(lightVerbs.idiomObjects);
/** A verb's own preposition, kept in the predicate past a phrase without a name: "settled for silver in Athens". */
const PREPOSITIONAL_VERBS = new Map(Object.entries(lightVerbs.prepositionalVerbs));
const PROPEL_VERBS = new Set(lightVerbs.propelVerbs);
const QUANTITY_NOUNS = new Set(lightVerbs.quantityNouns);
const WORK_VERBS = new Map(Object.entries(lightVerbs.workVerbs));

export interface LinkedEntity {
  first: number;
  last: number;
  /** Index into the article's entity table. */
  ref: number;
  type: string;
  /** Found by coreference ("the bombers" = the Tu-22M3 the article names), not by name. Always set, so every linked entity has one shape. */
  inferred: boolean;
}

export interface RawTriple {
  subject: LinkedEntity;
  object: LinkedEntity;
  predicate: string;
  surface: string;
  /** The rules' graded score: how each link was made. */
  confidence: number;
  /** How it was found (TripleCues.kind) and the preposition that introduced the object. */
  kind: "object" | "prep" | "passive" | "copula" | "purpose";
  preposition?: string;
  viaPronoun: boolean;
  polarity: Polarity;
  modality: Modality;
}

const PRONOUNS_PERSON = new Set(["he", "she", "him", "her"]);
/** "The strongman", "the company": definite descriptions of an entity named before (descriptions.json). */
const PERSON_DESCRIPTIONS = new Set(descriptions.person);
const ORG_DESCRIPTIONS = new Set(descriptions.organization);
/** "it" and "they" in what an organisation or a state says stand for the speaker. */
const SPEAKER_PRONOUNS = new Set(descriptions.speakerPronouns);

/** What a clause's pronoun or description subject may stand for; extractArticle keeps the article's memory. */
export interface Referents {
  /** The person "he" or "she" refers to. */
  person(pronoun: string): LinkedEntity | undefined;
  /** The organisation "the company" stands for: the last one that was a clause's subject. */
  organization(): LinkedEntity | undefined;
  /** The one person the article gives a title ("home secretary", in lower case), if one does. */
  holder(title: string): LinkedEntity | undefined;
  /** The organisation or state whose saying holds this clause: StateWest in "StateWest said it started ...". */
  speaker(): LinkedEntity | undefined;
}
/** Pronouns that stand as a whole object ("put her on the spot"), not a possessive ("turn his back"). */
/** Verbs that, with an adjective after their object, say what the object is made or kept: "make Windows more secure". */
const RESULTATIVE_VERBS = new Set(["make", "keep", "leave", "render", "get"]);
/** Verbs whose passive names what the subject became: "was named winner of", "was crowned champion of". */
const NAMING_VERBS = new Set(["name", "declare", "crown", "vote", "announce"]);
const WINNER_NOUNS = new Set(["winner", "winners", "champion", "champions"]);
/** Verbs of selling whose first object, before a second, is the buyer: "sold GM a stake". */
const SELL_VERBS = new Set(["sell", "lend", "rent", "lease"]);
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "me", "us", "it", "you", "himself", "herself", "itself", "themselves"]);
const POSSESSIVE = /^['’]s?$/;
const DASHES = new Set(["-", "–", "—", "--"]);

/**
 * The entity an argument span refers to: an apposed person ("Belarus's
 * authoritarian president, Alexander Lukashenko,"), else the entity that
 * heads the phrase. A name that only modifies the head ("2,000 US-based
 * troops", "EU leaders") or sits in a prepositional phrase other than "of"
 * ("the deployment to Belarus") is not what the phrase refers to.
 */
/** Words the tagger reads as adverbs or adjectives that are prepositions after a noun: "fate as", "volley past". */
const PREPOSITIONS_AFTER_NOUN = new Set(["as", "past", "like", "than"]);

export function headEntity(tokens: Token[], span: Span, entities: LinkedEntity[], antecedent = false): LinkedEntity | undefined {
  if (tokens[span.last]?.text === ",") {
    const apposed = entities.find((e) => e.first === span.last + 1 && e.type === "Person");
    if (apposed && (tokens[apposed.last]?.text === "," || apposed.last >= tokens.length || tokens[apposed.last]?.pos === "PUNCT")) return apposed;
  }
  // "Britain last night sent": a time phrase glued to the subject is not its head
  let last = span.last;
  // "his services to the LTA - his long-time rival John McEnroe": a dash ends the phrase; what follows is another
  // (a dash standing apart: "US-based" is one word)
  for (let k = span.first + 1; k < last; k++) if (DASHES.has(tokens[k]!.text) && tokens[k]!.start > tokens[k - 1]!.end) last = k;
  // "beat Fulham 2-1": a score after the name is not part of the phrase
  while (last > span.first + 1 && (TRAILING_TIME.has(tokens[last - 1]!.lower) || /^\d{1,3}-\d{1,3}$/.test(tokens[last - 1]!.text))) last--;
  // "beat Irakli Labadze of the Republic of Georgia": a person opening the phrase before "of" is whom it refers to,
  // however long the place after
  const opening = tokens[span.first]?.pos === "DET" ? span.first + 1 : span.first;
  if (!antecedent) for (const e of entities) if (e.first === opening && e.type === "Person" && e.last < last && tokens[e.last]!.lower === "of") return e;
  for (const e of entities) {
    if (e.first < span.first || e.last > span.last) continue;
    // "the Tu-22M3 bombers": equipment named by its model
    // "the Nato alliance", "the EU bloc": an organisation named with the kind of thing it is
    // "played Michael Douglas' opposite number": a possessor is not what the phrase refers to
    if (e.last === last && POSSESSIVE.test(tokens[e.last]?.text ?? "")) continue;
    const endsPhrase = e.last === last || (e.last === last - 1 && ((e.type === "Equipment" && tokens[e.last]!.pos === "NOUN") || (e.type === "Organization" && ORG_KIND_NOUNS.has(tokens[e.last]!.lower)) || (e.type === "Location" && PLACE_KIND_NOUNS.has(tokens[e.last]!.lower)))) || (e.last === last - 2 && e.type === "Organization" && tokens[e.last]!.lower === "news" && ORG_KIND_NOUNS.has(tokens[e.last + 1]!.lower));
    if (!endsPhrase) continue;
    // The antecedent of "which" is the nearest noun: "patrols over Belarus, which borders Ukraine".
    // ("the same fate as George Harrison", "a volley past Petr Cech": prepositions the tagger reads otherwise,
    // after a noun)
    const inPrepPhrase = !antecedent && tokens.slice(span.first, e.first).some((t, n, before) => (t.pos === "ADP" && t.lower !== "of") || (PREPOSITIONS_AFTER_NOUN.has(t.lower) && n > 0 && before[n - 1]!.pos === "NOUN"));
    // "Dyneer Corp of Scotsdale", "Andy Roddick of the USA": a name before "of" is the one the phrase refers to
    const of = tokens[e.first - 1]?.pos === "DET" ? e.first - 2 : e.first - 1;
    // ("<Ecolab Co> of the United States": past the bracket Reuters closes a company's name with)
    const ownerEnd = tokens[of - 1]?.text === ">" ? of - 1 : of;
    const owner = tokens[of]?.lower === "of" ? entities.find((x) => x.last === ownerEnd && x.first >= span.first) : undefined;
    if (!inPrepPhrase) return owner ?? e;
  }
  // "Kirsten Pfeifer from the Consumer Electronics Association": a name followed by its prepositional
  // phrase heads the whole phrase
  const named = entities.find((e) => e.first === opening && e.last < last);
  if (named && tokens[named.last]!.pos === "ADP" && tokens[named.last]!.lower !== "of") return named;
  return undefined;
}

/** Verbs of saying and thinking whose object is what was said or thought (proposition-verbs.json). */
const PROPOSITION_VERBS = new Set(propositionVerbs.always);
/** Verbs whose object is a clause's subject when a verb follows it: "revealed Gallas will start". */
const CLAUSE_BEFORE_VERB = new Set(propositionVerbs.beforeVerb);
const BARE_INFINITIVE_VERBS = new Set(propositionVerbs.bareInfinitive);
/** Verbs whose object is whom they address: "told Reuters the deal was done" told Reuters. */
const ADDRESSEE_VERBS = new Set(propositionVerbs.addressee);

const NAME_PARTICLES = new Set(["del", "de", "da", "di", "dos", "das", "van", "von", "der", "den", "le", "la", "du", "bin", "ibn", "al", "el", "ter", "ten", "zu"]);

/** Nouns that say what kind of place a name is: "Belarus's Grodno region, which borders Poland" is Grodno. */
const PLACE_KIND_NOUNS = new Set(["region", "province", "district", "oblast", "county", "area", "city", "town", "village", "state", "island", "peninsula"]);

/**
 * Nouns that say what kind of organisation a name is: "the Nato alliance" is Nato; "told the BBC News
 * website", "told the Guardian newspaper", "told Reuters news agency" tell the organisation.
 */
const ORG_KIND_NOUNS = new Set(["alliance", "bloc", "coalition", "organisation", "organization", "website", "newspaper", "agency", "magazine"]);

/** Nouns of purpose after "on": "on patrol over X", "on a visit to X". */
const PURPOSE_NOUNS = new Map(Object.entries({ patrol: "patrol", visit: "visit", tour: "tour" }));

const TRAILING_TIME = new Set("last this next night week month year today yesterday tonight morning evening afternoon weekend monday tuesday wednesday thursday friday saturday sunday".split(" "));

/** First words of two-word prepositions of time, cause or company: "prior to", "ahead of", "due to", "thanks to", "along with". */
const COMPOUND_PREPOSITION_HEADS = new Set(["prior", "ahead", "due", "thanks", "owing", "according", "subsequent", "previous", "along"]);
/** Prepositions that introduce circumstances, not an argument of the verb. */
const NOT_ARGUMENT = new Set(["as", "because", "amid", "despite", "during", "like", "than", "including", "while", "after", "before", "since", "until", "unlike", "via", "per", "of", "by"]);

function text(tokens: Token[], first: number, last: number): string {
  let out = "";
  for (let k = first; k < last; k++) out += (k > first && tokens[k]!.start > tokens[k - 1]!.end ? " " : "") + tokens[k]!.text;
  return out;
}

/**
 * The "by" phrase of a passive, unless it belongs to an event noun right before it: "is opposed to any
 * takeover by Mr Glazer" says nothing Glazer does to the subject.
 */
function passiveAgent(tokens: Token[], clause: Clause): Clause["preps"][number] | undefined {
  for (let k = 0; k < clause.preps.length; k++) {
    const p = clause.preps[k]!;
    if (tokens[p.prep.first]!.lower !== "by") continue;
    const before = k > 0 ? clause.preps[k - 1]! : undefined;
    if (before && before.arg.last === p.prep.first && EVENT_NOUNS.has(objectNoun(tokens, before.arg) ?? "")) return undefined;
    return p;
  }
  return undefined;
}

const verbAt = (t: Token | undefined) => !!t && (t.pos === "AUX" || (t.pos === "VERB" && !t.lower.endsWith("ing")));

/** Does a finite verb or auxiliary ("will", "has", "scored") come next, past the rest of a noun phrase and its coordinates ("and striker Didier Drogba will")? */
function verbFollows(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const t = tokens[k]!;
    if (verbAt(t)) return true;
    // ("denied Mr Yeo, his transport spokesman, said": an apposition with a possessive on the way)
    if (!NOUN_PHRASE_POS.has(t.pos) && t.text !== "," && !POSSESSIVE_PRONOUNS.has(t.lower)) return false;
  }
  return false;
}
/**
 * Whether the name that ends a clause's object is the subject of a clause without "that" after it: "concedes
 * Rangers are in good form", "the direction New Labour should be taking", "the fact MTV won an award". Only an
 * auxiliary or a past form counts as that clause's verb: the tagger reads plurals after a name as verbs ("sold
 * 4m DS consoles", "Tory promises"). Not after a verb whose object does the bare infinitive ("helped Lagan
 * Valley win": Lagan Valley was helped), nor after a gerund that is itself a subject ("beating Samaria is").
 */
function subjectOfNextClause(tokens: Token[], clause: Clause, lastObject: Span | undefined, entities: LinkedEntity[]): boolean {
  if (!lastObject || BARE_INFINITIVE_VERBS.has(clause.lemma)) return false;
  const next = tokens[lastObject.last];
  if (!next || !(next.pos === "AUX" || (next.pos === "VERB" && next.lower !== next.lemma && !next.lower.endsWith("s") && !next.lower.endsWith("ing")))) return false;
  if (clause.verb.last - clause.verb.first === 1 && tokens[clause.verb.first]!.lower.endsWith("ing")) return false;
  return headEntity(tokens, lastObject, entities)?.last === lastObject.last;
}
/**
 * Whether a list of objects is names before one noun: "the Paris, Amsterdam, Brussels and Lisbon bourses".
 * The last item is a name and then common nouns; every other item is a bare name.
 */
function listBeforeNoun(tokens: Token[], spans: Span[], heads: (LinkedEntity | undefined)[], entities: LinkedEntity[]): boolean {
  if (spans.length < 2 || heads[spans.length - 1]) return false;
  const last = spans[spans.length - 1]!;
  const name = entities.find((e) => e.first >= last.first && e.last < last.last);
  if (!name) return false;
  for (let k = name.last; k < last.last; k++) if (tokens[k]!.pos !== "NOUN") return false;
  for (let i = 0; i < spans.length - 1; i++) {
    const h = heads[i];
    if (!h || h.last !== spans[i]!.last) return false;
  }
  return true;
}
/**
 * Whether a finite clause's subject is the object of a preposition attached to a noun before it ("shops in
 * central London were expecting", "people in the UK signing up"): not a fronted phrase ("On Tuesday Jack Straw
 * told") nor an absolute one ("with Alan Milburn accusing").
 */
function afterNounsPreposition(tokens: Token[], clause: Clause): boolean {
  const k = clause.subject.first;
  return PHRASE_PREPOSITIONS.has(tokens[k - 1]?.lower ?? "") && NOUNS.has(tokens[k - 2]?.pos ?? "") && !isBareParticiple(tokens, clause.verb);
}
const NOUNS = new Set(["NOUN", "PROPN"]);
/** Prepositions that only take a noun phrase, never a clause ("in", unlike "after Arsenal beat Chelsea"). */
const PHRASE_PREPOSITIONS = new Set(["in", "at", "on", "of", "from", "with", "by", "into", "near", "across", "outside", "inside", "among", "between"]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "their"]);
const NOUN_PHRASE_POS = new Set(["PROPN", "NOUN", "CCONJ", "DET", "ADJ", "NUM", "PART"]);

/** "trailing", "chasing": a participle of state after an object, not a verb of saying ("left UKIP saying"). */
function isStateParticiple(t: Token | undefined): boolean {
  return !!t && t.pos === "VERB" && /ing$/.test(t.lower) && !isSpeechVerb(t.lemma);
}

/**
 * "..., leaving coach Sven-Goran Eriksson with a real problem": a result, what he is left with, not a departure
 * from him ("left Acme Corp with a colleague" is one).
 */
function leftWithSomething(tokens: Token[], verb: number, after: number): boolean {
  return tokens[verb]!.lower === "leaving" && tokens[verb - 1]?.text === "," && tokens[after]?.lower === "with" && /^(a|an|no|little|few|only|just|plenty|some)$/.test(tokens[after + 1]?.lower ?? "");
}

/** The relative pronoun right after a relative clause's antecedent, past a comma: "X, which", "X who". */
function relativeWord(tokens: Token[], after: number): string | undefined {
  const t = tokens[after]?.text === "," ? tokens[after + 1] : tokens[after];
  return t?.lower;
}

/** A subject list that ends in a title and its holder, after `conjunct`: "Arsenal and England defender Cole". */
function titledPersonEnds(tokens: Token[], group: Span, conjunct: LinkedEntity, entities: LinkedEntity[]): boolean {
  if (conjunct.last >= group.last) return false;
  const person = entities.find((e) => e.last === group.last && e.type === "Person");
  return !!person && person.first > conjunct.last && isRoleNoun(tokens[person.first - 1]?.lower ?? "");
}

/** A name joined to another by "or": "Farina Elia or Jankovic", "Arsenal, Chelsea or Liverpool". */
function isAlternative(tokens: Token[], e: LinkedEntity): boolean {
  if (tokens[e.first - 1]?.lower === "or") return true;
  // (not a restatement: "195,000 shares of QED Exploration Inc, or 8.7 pct")
  const after = tokens[e.last]?.lower === "or" ? e.last + 1 : tokens[e.last]?.text === "," && tokens[e.last + 1]?.lower === "or" ? e.last + 2 : -1;
  if (after > 0) return tokens[after]?.pos === "PROPN" || (tokens[after]?.pos === "DET" && tokens[after + 1]?.pos === "PROPN");
  // an earlier item of a list that ends in "or": "Arsenal, Chelsea or Liverpool"
  if (tokens[e.last]?.text !== ",") return false;
  for (let k = e.last + 1; k < tokens.length && k < e.last + 12; k++) {
    const t = tokens[k]!;
    if (t.lower === "or") return true;
    if (t.lower === "and" || (t.pos !== "PROPN" && t.text !== "," && t.text !== "-")) return false;
  }
  return false;
}

/** "the winners of the 2004 Jesse Owens Awards", "winner of the BBC Four World Cinema Award": a name after "winner of". */
function afterWinnerOf(tokens: Token[], e: LinkedEntity | undefined): boolean {
  const of = e ? ofBefore(tokens, e, 5, (t) => ["DET", "NUM", "PROPN", "ADJ"].includes(t.pos)) : -1;
  return of > 0 && WINNER_NOUNS.has(tokens[of - 1]!.lower);
}

/** A word that opens a second object: "sold GM a stake", "its stake", "20%". */
function opensNounPhrase(t: Token | undefined): boolean {
  return !!t && (t.pos === "DET" || t.pos === "NUM" || ANY_POSSESSIVE_PRONOUN.has(t.lower));
}

function onlyAdverbs(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (tokens[k]!.pos !== "ADV") return false;
  return true;
}

/** Nouns that name a relation in "X is a <noun> of Y", by lemma, and the predicate stem they give. */
const RELATION_NOUNS = new Map(Object.entries({ member: "member", part: "part", ally: "ally", capital: "capital", partner: "partner", neighbour: "neighbour", neighbor: "neighbour" }));
/** Modals that make a copula hypothetical: "would have been president of". */
const HYPOTHETICAL = new Set(["would", "could", "might", "may", "should", "'d", "’d"]);
/** Roles that take "to": "became a paid adviser to X", "is ambassador to X". */
const ROLES_TO = new Set(["adviser", "advisor", "ambassador", "envoy", "successor"]);

/**
 * "is a member of NATO", "became secretary of the Commission", "has become a paid adviser to X": the one
 * object ends in a relation or role noun, and "of <entity>" (which the engine keeps inside the noun phrase)
 * or "to <entity>" follows it. Roles are named as roles.ts names them (`prime_minister_of`).
 */
function copularRelation(tokens: Token[], clause: Clause, entities: LinkedEntity[]): { noun: string; prep: "of" | "to"; np: Span; object: LinkedEntity } | undefined {
  const np = clause.objects[0];
  if (clause.objects.length !== 1 || !np) return undefined;
  let of = np.first + 1;
  while (of < np.last && tokens[of]!.lower !== "of") of++;
  if (of < np.last - 1) {
    const head = tokens[of - 1]!;
    const noun = RELATION_NOUNS.get(head.lemma) ?? RELATION_NOUNS.get(head.lower) ?? (isRoleNoun(head.lower) ? qualifiedRole(tokens, of - 1).role : undefined);
    const object = noun ? headEntity(tokens, { first: of + 1, last: np.last }, entities) : undefined;
    return noun && object ? { noun, prep: "of", np: { first: np.first, last: of }, object } : undefined;
  }
  const head = tokens[np.last - 1]!;
  // "O'Driscoll is Ireland captain", "Wenger is the Arsenal manager", "is England's captain"
  if (isRoleNoun(head.lower)) {
    const { role, left } = qualifiedRole(tokens, np.last - 1);
    const k = POSSESSIVE.test(tokens[left]?.text ?? "") ? left - 1 : left;
    const owner = entities.find((e) => e.last === k + 1 && e.first >= np.first);
    if (owner && owner.type !== "Person") return { noun: role, prep: "of", np, object: owner };
  }
  const p = clause.preps[0];
  if (!p || p.prep.first !== np.last || tokens[p.prep.first]!.lower !== "to" || !ROLES_TO.has(head.lower)) return undefined;
  const object = headEntity(tokens, p.arg, entities);
  return object ? { noun: head.lower, prep: "to", np, object } : undefined;
}

/** An event's noun, also in the plural: "lost sponsorship deals with Chelsea". */
function isEventNoun(noun: string): boolean {
  return EVENT_NOUNS.has(noun) || (noun.endsWith("s") && EVENT_NOUNS.has(noun.slice(0, -1)));
}

/**
 * The noun a verb's non-entity object names, when a prepositional argument follows it: "paid tribute
 * to", "held talks with", "suffered a shock defeat to". The event is in the noun: `pay_tribute_to`,
 * not `pay_to`. A pronoun object ("put her on the spot") names nothing.
 */
function objectNoun(tokens: Token[], span: Span): string | undefined {
  // "the sale of its tire division": the head is before "of", unless it only counts what follows ("a series
  // of joint drills")
  let end = span.last;
  for (let k = span.first + 1; k < span.last; k++) if (tokens[k]!.lower === "of") {
    if (!QUANTITY_NOUNS.has(tokens[k - 1]!.lower)) end = k;
    break;
  }
  for (let k = end - 1; k >= span.first; k--) {
    const t = tokens[k]!;
    // as written, not the lemma: "held talks with" is `hold_talks_with`
    if (t.pos === "NOUN") return t.lower.replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || undefined;
    if (t.pos === "PRON") return undefined;
  }
  // "took part in": the tagger may not call a bare object word a noun
  const last = tokens[span.last - 1]!;
  return span.last - span.first === 1 && /^[a-z]+$/.test(last.text) && last.pos !== "DET" ? last.lower : undefined;
}

/**
 * When an entity stands after "<noun> of", the noun and whether it is an event (`take_charge_of`); for
 * a place or a part ("the city of Kyiv", "the opening of the Winter Olympics") undefined: the entity
 * stands for the phrase. Other nouns
 * ("the biography of William Pitt") make the entity a modifier, not the argument.
 */
/** A word of a description before a name: "Iranian-born model", "jailed activist". */
function describesName(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.text === "-") return true;
  if ((t.pos === "ADJ" || t.pos === "PROPN") && tokens[k + 1]?.text === "-") return true;
  if (!/^[a-z]/.test(t.text)) return false;
  if (t.pos === "VERB") return tokens[k - 1]?.text === "-" || tokens[k - 1]?.lower === "of" || tokens[k - 1]?.pos === "DET";
  return t.pos === "ADJ" || t.pos === "NOUN";
}

function ofNoun(tokens: Token[], e: LinkedEntity | undefined): { noun: string; event: boolean } | undefined {
  if (!e) return undefined;
  // "the merger of the Royal Scots": a determiner may stand between, and so may the rest of a name the
  // recogniser cut ("critics of the Gambling Bill" with only "Bill" recognised)
  let of = e.first - 1;
  while (of > 0 && tokens[of]!.pos === "PROPN" && /^[A-Z]/.test(tokens[of]!.text)) of--;
  // ("the parents of 14-year-old Stefan Pakeerah": an age before the name)
  if (tokens[of]?.lower === "old" && tokens[of - 1]?.text === "-") while (of > e.first - 8 && (tokens[of]!.pos === "NUM" || /^(-|year|years|old)$/.test(tokens[of]!.lower))) of--;
  // ("the deportation of Iranian-born model Negar Khan", "the release of jailed activist Ali Khan": words
  // that describe the person; a participle only first, "of the party backed Smith" being a clause)
  // (one bare noun is more likely what "of" is about: "director of rugby Warren Gatland")
  let k = of;
  while (k > of - 5 && k > 0 && describesName(tokens, k)) k--;
  if ((k < of - 1 || (k === of - 1 && tokens[of]!.pos !== "NOUN")) && (tokens[k]!.lower === "of" || tokens[k]!.pos === "DET")) of = k;
  if (tokens[of]?.pos === "DET") of--;
  if (of < 1 || tokens[of]!.lower !== "of") return undefined;
  const noun = tokens[of - 1]!;
  // ("a string of Grammy Awards": a count stands for what it counts; "the group of MEPs" is a body of its own)
  if (noun.pos !== "NOUN" || PLACE_OF.has(noun.lower) || PASS_THROUGH.has(noun.lower) || (QUANTITY_NOUNS.has(noun.lower) && noun.lower !== "group")) return undefined;
  return { noun: noun.lower, event: EVENT_NOUNS.has(noun.lower) };
}

/**
 * Where the "of" before a name stands, past at most `reach` words that `passes` lets the walk cross ("26% of Indian
 * firm X", "the winners of the 2004 Jesse Owens Awards"); -1 when there is none.
 */
function ofBefore(tokens: Token[], e: LinkedEntity, reach: number, passes: (t: Token) => boolean): number {
  for (let k = e.first - 1; k >= 1 && k >= e.first - reach; k--) {
    if (tokens[k]!.lower === "of") return k;
    if (!passes(tokens[k]!)) return -1;
  }
  return -1;
}

/** "26% of Indian firm X", "40 per cent of X": a share, not the whole, of the entity after "of" (past words describing it). */
function isShareOf(tokens: Token[], e: LinkedEntity | undefined): boolean {
  const of = e ? ofBefore(tokens, e, 4, (t) => t.pos !== "VERB") : -1;
  if (of < 0) return false;
  const before = tokens[of - 1]?.lower ?? "";
  const percent = before === "%" || before === "percent" || (before === "cent" && tokens[of - 2]?.lower === "per");
  // ("bought 100% of Baikal Finance Group": all of it)
  const amount = tokens[before === "cent" ? of - 3 : of - 2]?.lower ?? "";
  return percent && amount !== "100";
}

/** The participle of a passive verb group, for a predicate that keeps the voice: "was arrested in" -> `arrested_in`. */
function participle(tokens: Token[], verb: Span): string {
  for (let k = verb.last - 1; k >= verb.first; k--) if (tokens[k]!.pos === "VERB") return tokens[k]!.lower;
  return tokens[verb.last - 1]!.lower;
}

/** "The home secretary said": the person the article gives that title ("Home Secretary Charles Clarke"), if one. */
export function titleHolder(tokens: Token[], clause: Clause, referents: Pick<Referents, "holder">): LinkedEntity | undefined {
  const width = clause.subject.last - clause.subject.first;
  if (width < 2 || width > 4 || tokens[clause.subject.first]!.lower !== "the") return undefined;
  return referents.holder(text(tokens, clause.subject.first + 1, clause.subject.last).toLowerCase());
}

export function triplesFromClause(tokens: Token[], clause: Clause, entities: LinkedEntity[], referents: Referents, mode: Mode, quoted = false): RawTriple[] {
  const out: RawTriple[] = [];
  let viaPronoun = false;
  let subject: LinkedEntity | undefined;
  // The antecedent may sit in an earlier sentence: the mention recorded is the pronoun here. Inside a
  // quotation "he" is someone the speaker talks about, seldom the person the story was about ("he has
  // also managed Rangers", Ferguson said of Walter Smith): no antecedent is guessed there.
  const at = (found: LinkedEntity | undefined) => found && { ...found, first: clause.subject.first, last: clause.subject.last };
  const antecedent = (lower: string): LinkedEntity | undefined => (quoted ? undefined : at(referents.person(lower)));
  const width = clause.subject.last - clause.subject.first;
  const first = tokens[clause.subject.first]!.lower;
  const second = width === 2 ? tokens[clause.subject.first + 1]!.lower : "";
  if (width === 1 && PRONOUNS_PERSON.has(first)) {
    subject = antecedent(first);
    viaPronoun = true;
  } else if (width === 1 && SPEAKER_PRONOUNS.has(first) && clause.embedded) {
    // "Texaco said it filed a petition": the one saying is the one it reports on
    subject = at(referents.speaker());
    viaPronoun = true;
  } else if (width === 2 && first === "the" && ORG_DESCRIPTIONS.has(second) && !quoted) {
    // "The company also said ...": the organisation the story was about; but "Rosneft, the company that
    // acquired ...": the name the description is apposed to
    const apposed = tokens[clause.subject.first - 1]?.text === "," ? entities.find((e) => e.last === clause.subject.first - 1) : undefined;
    if (apposed) subject = apposed.type === "Organization" ? apposed : undefined;
    else if (clause.subjectVia !== "relative") {
      subject = at(referents.organization());
      viaPronoun = true;
    }
  } else if (clause.subjectVia === "direct" && afterNounsPreposition(tokens, clause)) {
    // "said shops in central London were expecting": the object of a noun's preposition is no clause's
    // subject; the clause engine took the nearest phrase for it
    subject = undefined;
  } else {
    // ("compared Xstrata's attempt to take over WMC": the possessor the clause engine gave an infinitive is its subject)
    const possessor = clause.subjectVia === "control" && POSSESSIVE.test(tokens[clause.subject.last]?.text ?? "") ? entities.find((e) => e.first === clause.subject.first && e.last === clause.subject.last) : undefined;
    subject = possessor ?? headEntity(tokens, clause.subject, entities, clause.subjectVia === "relative");
    // "a late bullet from Richard Johnson which was well held by Steve Phillips": "which" is never a person
    if (subject?.type === "Person" && clause.subjectVia === "relative" && relativeWord(tokens, clause.subject.last) === "which") subject = undefined;
    const held = quoted ? undefined : titleHolder(tokens, clause, referents);
    if (!subject && held) {
      subject = at(held);
      viaPronoun = true;
    }
    // "The strongman has formed ...": a definite description of a person
    if (!subject && width === 2 && first === "the" && PERSON_DESCRIPTIONS.has(second)) {
      subject = antecedent("he");
      viaPronoun = true;
    }
  }
  if (!subject) return out;
  // "Arsenal and England defender Cole met ...": names listed before a title and the person who holds it
  // are the title's, not parties to what the person does
  if ((subject.type === "Organization" || subject.type === "Location") && titledPersonEnds(tokens, clause.subjectGroup, subject, entities)) return out;

  const verbText = text(tokens, clause.verb.first, clause.verb.last);
  let base = 0.6;
  if (clause.subjectVia === "relative") base -= 0.05;
  if (clause.subjectVia === "coordination") base -= 0.08;
  if (viaPronoun) base -= 0.2;
  if (isSpeechVerb(clause.lemma)) base -= 0.15;
  // reported ("officials said that X did Y") or intended ("denied plans to attack Y"), not asserted
  if (clause.embedded) base -= 0.15;
  if (clause.subjectVia === "control") base -= 0.15;
  if (clause.lemma === "have") return out;
  // "S Perugini, CA del Fava": a name's particle the tagger read as a verb, in a list of names
  if (NAME_PARTICLES.has(clause.lemma)) return out;
  // "Bath prop Matt Stevens": a title the tagger read as a verb between two names; roles.ts reads it
  const v = clause.verb.first;
  if (clause.verb.last === v + 1 && isRoleNoun(tokens[v]!.lower) && subject.last === v && entities.some((e) => e.first === v + 1 && e.type === "Person")) return out;
  // "which he says threatens Russia": speech glued to the reported verb asserts nothing of the speaker
  if (/^(say|claim|tell|add|believe|think|insist|warn)_(?!to_)/.test(clause.lemma)) return out;
  // "said UPS was the likeliest bidder", "added: 'Europe ...'", "believes Henry caught Heinze": these verbs
  // take a proposition, and a name inside it is no party to the saying; only "said to X" names one.
  const lastObject = clause.objects[clause.objects.length - 1];
  // ("denied misleading Zeta Holdings": a gerund opening the object is the proposition's verb)
  const gerund = !!clause.objects[0] && /^[a-z]+ing$/.test(tokens[clause.objects[0].first]!.text);
  const follows = (at: number) => (ADDRESSEE_VERBS.has(clause.lemma) ? verbAt(tokens[at]) : verbFollows(tokens, at));
  const proposition = PROPOSITION_VERBS.has(clause.lemma) || (CLAUSE_BEFORE_VERB.has(clause.lemma) && lastObject !== undefined && (gerund || follows(lastObject.last))) || subjectOfNextClause(tokens, clause, lastObject, entities);
  // the event, with verbs of intending taken off ("plan_to_buy" -> "buy"); how it is put is in mode
  const event = mode.event;

  // "Paul Brizzel and Anna Boyle reached the semi-finals with Boyle setting a season's best": the subject's
  // own conjuncts are no party to what each of them does
  const group = clause.subjectGroup;
  const listedSubject = group.last - group.first > subject.last - subject.first;
  // (listed names only, not a possessor: "Britain's Europe Director Dominick Chilcott")
  const listed = (e: LinkedEntity) => /^(and|or|,|&)$/.test(tokens[e.last]?.lower ?? "") || /^(and|or|,|&)$/.test(tokens[e.first - 1]?.lower ?? "");
  const isConjunct = (ref: LinkedEntity["ref"]) => {
    if (!listedSubject) return false;
    for (const e of entities) if (e !== subject && e.ref === ref && e.first >= group.first && e.last <= group.last && listed(e)) return true;
    return false;
  };
  const emit = (object: LinkedEntity | undefined, predicate: string, surface: string, penalty: number, kind: RawTriple["kind"], preposition?: string) => {
    if (!object || object.ref === subject!.ref || isConjunct(object.ref)) return;
    const [s, o] = kind === "passive" ? [object, subject!] : [subject!, object];
    emitPair(s, o, predicate, surface, penalty, kind, preposition);
  };
  const emitPair = (s: LinkedEntity, o: LinkedEntity, predicate: string, surface: string, penalty: number, kind: RawTriple["kind"], preposition?: string) => {
    if (s.ref === o.ref) return;
    const typed = (s.type !== "Other" ? 0.1 : -0.1) + (o.type !== "Other" ? 0.1 : -0.1);
    const inferred = (s.inferred ? 0.1 : 0) + (o.inferred ? 0.1 : 0);
    const confidence = Math.max(0.05, Math.min(0.95, base + typed - penalty - inferred));
    // "plays Silvia Farina Elia or Jelena Jankovic next": one of two, each only possible
    const modality = mode.modality !== "denied" && isAlternative(tokens, o) ? "hypothetical" : mode.modality;
    out.push({ subject: s, object: o, predicate, surface, confidence: Math.round(confidence * 100) / 100, kind, ...(preposition ? { preposition } : {}), viaPronoun, polarity: mode.polarity, modality });
  };

  const verbTokens = tokens.slice(clause.verb.first, clause.verb.last);
  // "Taiwan is part of China": the tagger takes "part" after "is" for a verb
  const be = verbTokens.some((t) => t.lemma === "be");
  if (be && RELATION_NOUNS.has(clause.lemma) && clause.objects.length === 0 && clause.preps[0] && tokens[clause.preps[0].prep.first]!.lower === "of") {
    emitPair(subject, headEntity(tokens, clause.preps[0].arg, entities) ?? subject, `${RELATION_NOUNS.get(clause.lemma)}_of`, `${verbText} of`, 0, "copula", "of");
    return out;
  }
  // "She was later revealed to be Maria Cruz", "is said to be": a verb raising a copula states what the
  // subject is, of which a triple would make a revelation or a saying between the two
  if (verbTokens.length >= 3 && verbTokens.at(-1)!.lemma === "be" && verbTokens.at(-2)!.lower === "to") return out;
  if (clause.lemma === "be" || clause.lemma === "become") {
    // "Poland is a member of NATO", "Taiwan is a part of China": the noun names the relation. Any other
    // copula ("X is a city", "X was in Y") states nothing between two entities, and a hypothetical
    // ("would have been a very good president of") holds no role.
    const hypothetical = verbTokens.some((t) => HYPOTHETICAL.has(t.lower));
    const relation = hypothetical ? undefined : copularRelation(tokens, clause, entities);
    if (relation) emitPair(subject, relation.object, `${relation.noun}_${relation.prep}`, `${verbText} ${text(tokens, relation.np.first, relation.np.last)} ${relation.prep}`, 0, "copula", relation.prep);
    return out;
  }

  const agent = clause.passive ? passiveAgent(tokens, clause) : undefined;
  if (agent) {
    // "X was attacked by Y" -> Y attack X; "formed by Ferry, Mackay and Eno": each conjunct is an agent
    // ("struck by four hurricanes, and Japan, which suffered ...": after an agent that is no name, a name
    // behind ", and" is the next item of a list outside the phrase)
    const named = !!headEntity(tokens, agent.arg, entities);
    for (const p of clause.preps) {
      if (p.prep.first !== agent.prep.first) continue;
      if (!named && tokens[p.arg.first - 2]?.text === ",") continue;
      // "was blamed by the parents of Stefan Pakeerah": the agent is the noun the name modifies
      const agentEntity = headEntity(tokens, p.arg, entities);
      if (ofNoun(tokens, agentEntity)) continue;
      emit(agentEntity, event, verbText + " by", 0.05, "passive", "by");
    }
    return out;
  }
  // Loops over array literals here, not map/find: an array from map changes elements kind between
  // empty and filled, and each change throws away the optimised code of this, the busiest rule.
  const objects: (LinkedEntity | undefined)[] = [];
  let purposeAgent: LinkedEntity | undefined;
  let reached = clause.verb.last;
  for (const span of clause.objects) {
    const o = headEntity(tokens, span, entities);
    objects.push(o);
    purposeAgent ??= o;
    reached = Math.max(reached, span.last);
  }
  if (clause.objects.length === 0) purposeAgent = subject;
  // "sent bombers on patrol over Belarus": the bombers patrol Belarus
  let purpose: string | undefined;
  // "fired Liverpool into the last 16", "shot Arsenal to the title": the object is carried, not fired at
  const carried = PROPEL_VERBS.has(event) && clause.preps.some((p) => p.prep.first === reached && (tokens[p.prep.first]!.lower === "into" || tokens[p.prep.first]!.lower === "to") && !headEntity(tokens, p.arg, entities));
  // "operates the Paris, Amsterdam and Lisbon bourses": names listed before the noun that ends the list
  // are that noun's modifiers, not objects
  const modifiers = listBeforeNoun(tokens, clause.objects, objects, entities);
  // "to make Windows and Internet Explorer more secure", "left Chelsea top": what the object is made, not
  // the object made
  // (the adjective may close the object phrase the engine took: "Internet Explorer more secure")
  // ("left Irina Shevchenko trailing", "to leave Roddick chasing shadows": a state the object is left in, but
  // "left UKIP saying ...": the subject does the saying, and did leave)
  const resultative = !!lastObject && RESULTATIVE_VERBS.has(event.split("_to_").pop()!) && ([tokens[lastObject.last - 1], tokens[lastObject.last]].some((t) => t?.pos === "ADJ" || /^(more|less)$/.test(t?.lower ?? "")) || isStateParticiple(tokens[lastObject.last]) || leftWithSomething(tokens, clause.verb.first, lastObject.last));
  if (!proposition && !carried && !modifiers && !resultative) {
    for (let k = 0; k < objects.length; k++) {
      const o = objects[k];
      const of = ofNoun(tokens, o);
      // "took charge of Valencia": the entity is what the event noun is about; "published the
      // biography of William Pitt": the entity is not what was published
      // "The Grudge, starring Michelle Gellar": the person appears in the work
      const inverse = WORK_VERBS.get(event);
      if (inverse && o?.type === "Person" && (subject.type === "Other" || subject.type === "Event")) emitPair(o, subject, inverse, verbText, 0, "object");
      // "was awarded an Oscar", "was granted the freedom of Newcastle": the subject was given the object and
      // did no giving (a prize given is one won); "had been offered 20% of Yugansk": nobody did anything yet
      else if (clause.passive && PASSIVE_RECIPIENT_VERBS.has(event)) {
        if (of === undefined && PASSIVE_PRIZE_VERBS.has(event) && (o?.type === "Event" || o?.type === "Other")) emit(o, "win", verbText, 0, "object");
      } else if (clause.passive && PASSIVE_OFFER_VERBS.has(event)) continue;
      // "have been named the winners of the Jesse Owens Awards", "was crowned champion of": they won it
      else if (clause.passive && NAMING_VERBS.has(event) && afterWinnerOf(tokens, o)) emit(o, "win", verbText, 0, "object");
      // "to buy 26% of Hindustan Oil Exploration": a share of the company, not the company
      else if (of === undefined && isShareOf(tokens, o)) emit(o, `${event}_stake_in`, verbText, 0, "object");
      // "had sold GM a stake": a name before a second object is whom it was sold to
      else if (of === undefined) emit(o, SELL_VERBS.has(event) && opensNounPhrase(tokens[clause.objects[k]!.last]) ? `${event}_to` : event, verbText, 0, "object");
      else if (of.event) emit(o, `${event}_${of.noun}_of`, verbText, 0, "object");
    }
  }
  const objectText = clause.objects[0] && !objects[0] ? " " + text(tokens, clause.objects[0].first, clause.objects[0].last) : "";
  // "paid tribute to X", "withdrew its offer for X": after a light verb, or when it names an event, the
  // object noun carries the event; "ordered troops to Poland" stays `order_to`
  const objectHead = clause.objects[0] && !objects[0] ? objectNoun(tokens, clause.objects[0]) : undefined;
  // "take part in", "took place at": a noun of an idiom the tagger reads as an adverb, right after the verb
  const idiom = !clause.objects.length && clause.preps[0] && clause.preps[0].prep.first === clause.verb.last + 1 && IDIOM_NOUNS.has(tokens[clause.verb.last]!.lower) ? tokens[clause.verb.last]!.lower : undefined;
  const noun = idiom ?? (objectHead && (LIGHT_VERBS.has(event.split("_to_").pop()!.split("_")[0]!) || isEventNoun(objectHead) || IDIOM_OBJECTS.has(`${event}_${objectHead}`)) ? objectHead : undefined);
  // "put her on the spot": a pronoun object is the one the preposition's phrase is about
  const pronounObject = !!clause.objects[0] && !objects[0] && OBJECT_PRONOUNS.has(tokens[clause.objects[0].last - 1]!.lower);
  // "was arrested in Paris": a passive without its agent keeps the voice
  let stem = clause.passive ? participle(tokens, clause.verb) : noun ? `${event}_${noun}` : event;
  // Prepositional arguments: the chain after the verb, as long as it stays on
  // entities or very short phrases ("sent bombers on patrol over Belarus");
  // a longer phrase without an entity ends it ("in a show of support for ...").
  let previousPrep = -1;
  let afterEventNoun = false;
  for (const p of clause.preps) {
    const prep = tokens[p.prep.first]!.lower;
    if (NOT_ARGUMENT.has(prep)) break;
    // "won 51 caps prior to the World Cup", "ahead of", "due to": a preposition of time or cause in two words
    if (COMPOUND_PREPOSITION_HEADS.has(tokens[p.prep.first - 1]?.lower ?? "")) break;
    // "was arrested along with drummer Alan White": who shared the event, no party to it
    if (prep === "along" && tokens[p.prep.first + 1]?.lower === "with") break;
    if (afterEventNoun && prep !== "with") break;
    // The chain must be contiguous: a phrase the engine skipped ("amid spiralling tensions") ends it.
    if (p.prep.first !== previousPrep && !onlyAdverbs(tokens, reached, p.prep.first)) break;
    previousPrep = p.prep.first;
    reached = Math.max(reached, p.arg.last);
    let object = headEntity(tokens, p.arg, entities);
    // "in the development of the Yadavaran oilfield": the entity modifies what the phrase is about
    const of = ofNoun(tokens, object);
    if (of && !of.event) object = undefined;
    if (!object) {
      if (p.arg.last - p.arg.first > 2) break;
      if (stem === event && PREPOSITIONAL_VERBS.get(event) === prep) stem = `${event}_${prep}`;
      // ("over state aid to Airbus": what follows an event noun belongs to it, but for its counterpart:
      // "called for closer ties with Moscow")
      afterEventNoun = EVENT_NOUNS.has(tokens[p.arg.last - 1]!.lower) && !PURPOSE_NOUNS.has(tokens[p.arg.last - 1]!.lemma);
      for (let k = p.arg.first; k < p.arg.last; k++) {
        const noun = PURPOSE_NOUNS.get(tokens[k]!.lemma);
        if (noun) {
          purpose = noun;
          break;
        }
      }
      continue;
    }
    if (purpose && purposeAgent) emitPair(purposeAgent, object, purpose, `on ${purpose} ${tokens[p.prep.first]!.text}`, 0.1, "purpose", prep);
    if (pronounObject) continue;
    // "said in a speech to the Business Club": of a saying, only whom it was said to
    // (with no object, or right after what was said: "said the price of a ticket from New York to
    // Copenhagen ..." says nothing to Copenhagen)
    // ("saying Tory attitudes to Europe had helped": not when a verb follows, whose subject the phrase is)
    const subjectOfVerbAfter = ["VERB", "AUX"].includes(tokens[p.arg.last]?.pos ?? "");
    if (!proposition || (prep === "to" && (!lastObject || p.prep.first === lastObject.last) && !subjectOfVerbAfter)) emit(object, `${stem}_${prep}`, `${verbText}${objectText} ${tokens[p.prep.first]!.text}`, 0.08, "prep", prep);
  }
  return out;
}
