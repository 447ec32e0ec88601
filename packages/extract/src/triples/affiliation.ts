/**
 * Whom a person speaks for, as news names its sources and players: "Microsoft's Mike Coleman", "said
 * Richard Yamarone of Argus Research", "Kirsten Pfeifer from the Consumer Electronics Association",
 * "Chelsea's William Gallas", "Labour's Paul Flynn", "Sania Mirza of India".
 *
 * The phrase says the person belongs to the body, not in what office: a company's or any body's person
 * `works_for` it, a party's is a `member_of` it, a team's in a sports report plays for it (`play_for`),
 * and a country's person is `from` it. Roles with an office ("Microsoft chairman Bill Gates") are
 * findRoles's and come first.
 *
 * Pure, over the tokens and entity spans, like findNominal; a country's possessive is findNominal's
 * ("Sweden's Robert Kronberg").
 */
import type { Token } from "../nlp/index.ts";
import { CITIES, COUNTRIES, FIRST_NAMES, HONORIFICS, isRoleNoun, REGIONS, TITLES } from "../entities/gazetteer.ts";
import { isPossessive, type NominalEntity, type NominalFact } from "./nominal.ts";
import lists from "./affiliation.json" with { type: "json" };

export interface AffiliationContext {
  /** The article is a sports report: a club there is a team its people play for. */
  sportsReport: boolean;
  /** Whether an organisation's name (canonical, as the graph shows it) is a political party's. */
  isParty: (name: string) => boolean;
}

const SPEECH_VERBS = new Set(lists.speechVerbs);
const NOT_TEAM_WORDS = new Set(lists.notTeamWords);
const PARTY_WORDS = new Set(lists.partyWords);
const SIDE_NOUNS = new Set(lists.sideNouns);
const surface = (tokens: Token[], e: NominalEntity) => tokens.slice(e.first, e.last).map((t) => t.text).join(" ");

/**
 * A person's name as written, not a product, a work or the first word of a body's name the entity model
 * took for one ("Apple's Newton", "the Fraser of Allander Institute"): a first name and a surname, a
 * surname after an honorific ("Mr Rodgers, of the Fullness of Joy Church"), or in a sports report a
 * surname alone ("Manchester United's Brown").
 */
function namesPerson(tokens: Token[], e: NominalEntity, context: AffiliationContext): boolean {
  if (e.type !== "Person") return false;
  if (e.last - e.first >= 2) return FIRST_NAMES.has(tokens[e.first]!.text) || (e.typeConfidence ?? 0) >= 0.9;
  return HONORIFICS.has(tokens[e.first - 1]?.lower ?? "") || (context.sportsReport && (e.typeConfidence ?? 0) >= 0.9);
}

/** What belonging to `body` is, by what the body is; undefined when the phrase cannot say. */
function belonging(tokens: Token[], body: NominalEntity, context: AffiliationContext): Pick<NominalFact, "predicate" | "country"> | undefined {
  const name = surface(tokens, body);
  // a country, or its national side: the person is from it ("Russia's Olga Fedorova", "Sania Mirza of India")
  if (COUNTRIES.has(name.toLowerCase())) return { predicate: "from", country: name };
  if (body.type === "Location") return undefined;
  const words = tokens.slice(body.first, body.last).map((t) => t.lower);
  if (context.isParty(body.name ?? name) || PARTY_WORDS.has(words[words.length - 1]!)) return { predicate: "member_of" };
  // a town's name is its club in a sports report; elsewhere it is as likely the town a reader writes from
  // ("Tony Martin, of Burnley, said") as a body, and the phrase says nothing sure
  const town = CITIES.has(name.toLowerCase()) || REGIONS.has(name.toLowerCase());
  if (context.sportsReport && !words.some((w) => NOT_TEAM_WORDS.has(w))) return { predicate: "play_for" };
  return town ? undefined : { predicate: "works_for" };
}

/**
 * "Microsoft's Mike Coleman", "Chelsea's William Gallas": the person right after an organisation's
 * possessive. Not the tail of a longer name the model cut ("Tennis Australia's Geoff Pollard"), nor a
 * person the model took for an organisation ("Blair's Alastair Campbell").
 */
function possessiveAffiliation<E extends NominalEntity>(tokens: Token[], owner: E, named: E | undefined, context: AffiliationContext): NominalFact<E> | undefined {
  if (!named || !namesPerson(tokens, named, context) || owner.type !== "Organization" || !isPossessive(tokens[owner.last])) return undefined;
  if (FIRST_NAMES.has(tokens[owner.first]!.text)) return undefined;
  // a capitalised word before that is no sentence's first: the model cut the name ("Led Zeppelin's Jimmy Page")
  const before = tokens[owner.first - 1];
  if (before && owner.first > 1 && /^[A-Z]/.test(before.text) && before.pos !== "DET" && before.pos !== "PUNCT") return undefined;
  // "Chelsea's Frank Lampard, Arsenal's ...": fine; "Chelsea's Lampard's free kick" is about the kick
  if (isPossessive(tokens[named.last])) return undefined;
  const kind = belonging(tokens, owner, context);
  // "Manchester United's Alex Ferguson has praised his players": the club's manager
  if (kind?.predicate === "play_for" && speaksOfHisSide(tokens, named.last)) kind.predicate = "manager_of";
  return kind && { subject: named, object: kind.country ? undefined : owner, ...kind, first: owner.first, last: named.last, rule: 0.8 };
}

/** "his players", "her side" later in the sentence: the person named before leads the team. */
function speaksOfHisSide(tokens: Token[], from: number): boolean {
  for (let k = from; k + 1 < tokens.length; k++) if ((tokens[k]!.lower === "his" || tokens[k]!.lower === "her") && SIDE_NOUNS.has(tokens[k + 1]!.lower)) return true;
  return false;
}

/**
 * Whether the phrase "X of Y" ends at token t: a name cut short goes on in capitals ("Jeremy Philpott of
 * the UK Patent Office"), and a noun after makes the body only a modifier ("Smith of the BBC website").
 */
function endsBody(tokens: Token[], t: number, entities: NominalEntity[]): boolean {
  const next = tokens[t];
  if (!next) return true;
  if (isPossessive(next) || next.text === "-") return false;
  if (next.pos === "PUNCT") return true;
  if (next.lower === "and") return entities.some((e) => e.first === t + 1 && e.type === "Person");
  return ["VERB", "AUX", "ADP", "ADV"].includes(next.pos);
}

/**
 * "From" names a source only where the person is the one speaking or named: after a verb of saying, a
 * title or at a clause's start. After another verb it is where someone came from ("signed White from
 * Bristol") or what was taken from whom.
 */
function fromNamesSource(before: Token | undefined): boolean {
  if (!before || before.pos === "PUNCT") return true;
  return SPEECH_VERBS.has(before.lemma) || TITLES.has(before.lower) || isRoleNoun(before.lower) || before.lower === "by";
}

/**
 * "said Richard Yamarone of Argus Research", "Colin MacIntyre, of Mull Historical Society, was",
 * "Kirsten Pfeifer from the Consumer Electronics Association, told", "Sania Mirza of India".
 */
function affiliationsAfterNames<E extends NominalEntity>(tokens: Token[], entities: E[], context: AffiliationContext): NominalFact<E>[] {
  const facts: NominalFact<E>[] = [];
  for (const person of entities) {
    if (!namesPerson(tokens, person, context)) continue;
    let k = person.last;
    if (tokens[k]?.text === ",") k++;
    const prep = tokens[k]?.lower;
    if (prep !== "of" && prep !== "from") continue;
    if (prep === "from" && !fromNamesSource(tokens[person.first - 1])) continue;
    k++;
    if (tokens[k]?.lower === "the") k++;
    const body = entities.find((e) => e.first === k && (e.type === "Organization" || e.type === "Location"));
    if (!body || !endsBody(tokens, body.last, entities)) continue;
    // "like Mr Howard from Llanelli": where he comes from, whether the model read the town or its club
    if (prep === "from" && CITIES.has(surface(tokens, body).toLowerCase())) continue;
    const kind = belonging(tokens, body, context);
    if (kind) facts.push({ subject: person, object: kind.country ? undefined : body, ...kind, ...(kind.country ? { countryAt: { first: body.first, last: body.last } } : {}), first: person.first, last: body.last, rule: 0.8 });
  }
  return facts;
}

/** Every affiliation a sentence states, after a name or in an organisation's possessive. */
export function findAffiliations<E extends NominalEntity>(tokens: Token[], entities: E[], context: AffiliationContext): NominalFact<E>[] {
  const facts: NominalFact<E>[] = [];
  for (const owner of entities) {
    if (!isPossessive(tokens[owner.last]) || COUNTRIES.has(surface(tokens, owner).toLowerCase())) continue;
    const fact = possessiveAffiliation(tokens, owner, entities.find((e) => e.first === owner.last + 1), context);
    if (fact) facts.push(fact);
  }
  facts.push(...affiliationsAfterNames(tokens, entities, context));
  return facts;
}
