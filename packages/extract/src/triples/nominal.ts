/**
 * Relations stated inside a noun phrase, which the clause rules never see because no verb states them:
 *
 * - a place's possessive: "Germany's TUI and Lufthansa" (`based_in`), "Sweden's Robert Kronberg"
 *   (`from`), "London's Trafalgar Square" (`located_in`), "Malaysia's budget airline, AirAsia";
 * - a town and the country or state it lies in: "in Lucerne, Switzerland", "Las Vegas, Nev.";
 * - a score line: "Hearts 2-1 Livingston" (`beat`; a draw `draw_with`);
 * - a company's product: "Microsoft's Internet Explorer", "Sony's new games device, the PSP" (`product_of`);
 * - where a company or a person is based: "London-based Acme Corp", "Hans Goetti, a Singapore-based fund
 *   manager" (`based_in`).
 *
 * Pure, over the tokens and entity spans, like findRoles. Roles ("Russia's president Putin") are
 * findRoles's: a possessive whose words name a role gives nothing here.
 */
import type { Token } from "../nlp/index.ts";
import { CITIES, COUNTRIES, DEMONYMS, demonymAt, EVENT_WORDS, FIRST_NAMES, LOCATION_PREFIXES, LOCATION_TAILS, LOCATION_WORDS, ORG_CUES, PLACE_OF, PLACES, REGIONS, TITLES, WORLD_REGIONS, isRoleNoun } from "../entities/gazetteer.ts";
import lists from "./nominal.json" with { type: "json" };

export interface NominalEntity {
  first: number;
  last: number;
  type: string;
  /** How sure the entity model is of the type (0 to 1). */
  typeConfidence?: number;
  /** The canonical name the graph gives it ("Labour Party" for "Labour"). */
  name?: string;
}

export interface NominalFact<E extends NominalEntity = NominalEntity> {
  subject: E;
  predicate: string;
  /** The entity it relates the subject to, or the country a demonym names ("Italian bank Mediobanca"). */
  object?: E;
  country?: string;
  /** Where the country is named, when not at the phrase's first token ("Sania Mirza of India"). */
  countryAt?: { first: number; last: number };
  /** Token range of the phrase that states it. */
  first: number;
  last: number;
  /** How sure the rule is (the confidence model's `rule` cue). */
  rule: number;
  /** A fixture is yet to be played (`intended`), or one of alternatives (`hypothetical`); otherwise asserted. */
  modality?: "intended" | "hypothetical";
}

const STATE_ABBREVIATIONS = new Set(lists.stateAbbreviations.map((s) => s.toLowerCase()));
const PRODUCT_HEADS = new Set(lists.productHeads);
/** Nouns for a kind of company: "bank", "airline", "energy giant". */
const isCompanyHead = (lower: string) => ORG_CUES.has(lower) || lists.companyHeads.includes(lower);

/** What a place's possessive says of the name it is about, by that name's type. */
const OF_PLACE: Record<string, string> = { Organization: "based_in", Person: "from", Location: "located_in" };

const surface = (tokens: Token[], e: NominalEntity) => tokens.slice(e.first, e.last).map((t) => t.text).join(" ").toLowerCase();
/** A possessive ending the tagger splits off: "Germany 's", "Hughes '". */
export const isPossessive = (t: Token | undefined) => !!t && /^['’]s?$/.test(t.text);
/** A common noun as written in lower case: "bank" in "Italian bank Mediobanca" (not a name the tagger calls a noun). */
export const lowerNoun = (t: Token) => t.pos === "NOUN" && /^[a-z]/.test(t.text);
/** A common noun or adjective between a modifier and the name it modifies: "Italian [energy giant] Gazprom". */
const commonModifier = (t: Token) => lowerNoun(t) || (t.pos === "ADJ" && /^[a-z]/.test(t.text));
/** A word that names an office or a title: the phrase is a role, findRoles's ("Russia's president Putin", "Britain's Prime Minister Blair"). */
const roleWord = (t: Token) => isRoleNoun(t.lower) || TITLES.has(t.lower);

/** A country, or a state or province that is not also a town: the larger place in "Lucerne, Switzerland", "Tucson, Ariz.", "Austin, Texas". */
function isLargerPlace(name: string): boolean {
  return COUNTRIES.has(name) || STATE_ABBREVIATIONS.has(name) || (REGIONS.has(name) && !CITIES.has(name));
}
/** A town or a site, not a country, state or world region: the smaller place in "Lucerne, Switzerland". */
function isTownOrSite(name: string): boolean {
  if (isLargerPlace(name) || WORLD_REGIONS.has(name)) return false;
  // PLACES holds countries, capitals and world regions ("Europe", "South America"): a capital is a town
  return !PLACES.has(name) || CITIES.has(name);
}

/**
 * A place the gazetteer knows, or whose words say it is one ("Trafalgar Square", "Lake Geneva"): after a
 * country's possessive the entity model often calls a company a place ("Argentina's Enarsa").
 */
function looksLikePlace(tokens: Token[], e: NominalEntity): boolean {
  const name = surface(tokens, e);
  const words = tokens.slice(e.first, e.last).map((t) => t.lower);
  return CITIES.has(name) || REGIONS.has(name) || LOCATION_WORDS.has(words[words.length - 1]!) || LOCATION_TAILS.has(words[words.length - 1]!) || LOCATION_PREFIXES.has(words[0]!);
}

/**
 * A person's name, not a company the entity model took for one ("France's Pernod Ricard", "Japan's
 * Suzuki"): a first name and a surname, or two words the model is all but certain of.
 */
function looksLikePerson(tokens: Token[], e: NominalEntity): boolean {
  return e.last - e.first >= 2 && (FIRST_NAMES.has(tokens[e.first]!.text) || (e.typeConfidence ?? 0) >= 0.999);
}

/** A person the entity model took for a company ("British games maker Peter Molyneux"): neither `from` nor `based_in` is safe. */
const mistypedPerson = (tokens: Token[], e: NominalEntity) => e.last - e.first >= 2 && FIRST_NAMES.has(tokens[e.first]!.text);

/**
 * The country, state or town a possessive can place things in: one the gazetteer knows, for the entity
 * model calls soaps and constituencies places too ("Brookside's Marie Jackson"); not a world region
 * ("Europe's Enron" is a comparison).
 */
function placesThings(tokens: Token[], owner: NominalEntity): boolean {
  const name = surface(tokens, owner);
  return !WORLD_REGIONS.has(name) && (COUNTRIES.has(name) || CITIES.has(name) || REGIONS.has(name) || PLACES.has(name) || STATE_ABBREVIATIONS.has(name));
}

/**
 * Whether "Lucerne, Switzerland" ends before token t: not when a capitalised word follows, which the
 * larger place modifies ("Edinburgh, Wales Secretary Peter Hain"), nor when a country is the subject of
 * the verb after ("after the draw in Paris, Ireland face the Faroes").
 */
function endsPlace(t: Token | undefined, larger: string): boolean {
  if (!t) return true;
  if (/^[A-Z]/.test(t.text) && t.pos !== "PUNCT") return false;
  return !(["VERB", "AUX", "NOUN"].includes(t.pos) && COUNTRIES.has(larger));
}

export function findNominal<E extends NominalEntity>(tokens: Token[], entities: E[]): NominalFact<E>[] {
  const at = (i: number) => entities.find((e) => e.first === i);
  const endingAt = (i: number) => entities.find((e) => e.last === i);
  const facts: NominalFact<E>[] = [];
  const scored = scoreLine(tokens, entities);
  if (scored) return [scored];
  const fixtures = fixtureLine(tokens, entities);
  if (fixtures.length) return fixtures;

  for (const owner of entities) {
    const k = owner.last;
    if (!isPossessive(tokens[k])) continue;
    if (owner.type === "Location" && placesThings(tokens, owner)) facts.push(...ofPlace(tokens, entities, owner, k + 1));
    else if (owner.type === "Organization") {
      const fact = (COUNTRIES.has(surface(tokens, owner)) ? fromCountryTeam(tokens, owner, at(k + 1)) : undefined) ?? productOf(tokens, entities, owner, k + 1);
      if (fact) facts.push(fact);
    }
  }

  // "Italian bank Mediobanca", "Russian energy giant Gazprom"
  for (let i = 0; i < tokens.length; i++) {
    const country = demonymAt(tokens, i);
    if (!country || !/^[A-Z]/.test(tokens[i]!.text) || entities.some((e) => i >= e.first && i < e.last)) continue;
    let j = i + 1;
    let head: Token | undefined;
    while (j < tokens.length && commonModifier(tokens[j]!)) head = tokens[j++];
    const named = at(j);
    if (!head || !lowerNoun(head) || !isCompanyHead(head.lower) || tokens.slice(i + 1, j).some(roleWord)) continue;
    if (!named || named.type !== "Organization" || isPossessive(tokens[named.last]) || mistypedPerson(tokens, named)) continue;
    facts.push({ subject: named, predicate: "based_in", country, first: i, last: named.last, rule: 0.8 });
  }

  facts.push(...basedIn(tokens, entities));

  // "Lucerne, Switzerland", "Las Vegas, Nev., Tucson, Ariz., and San Diego"
  for (const town of entities) {
    const comma = town.last;
    const larger = tokens[comma]?.text === "," ? at(comma + 1) : undefined;
    if (!larger || town.type !== "Location" || larger.type !== "Location") continue;
    if (!isTownOrSite(surface(tokens, town)) || !isLargerPlace(surface(tokens, larger))) continue;
    // in a list of places ("Yorkshire, the West Midlands, Northumberland", "to London, Singapore and
    // Kuala Lumpur") neither lies in the next; only a list of town-and-state pairs ("Las Vegas, Nev.,
    // Tucson, Ariz., and San Diego") goes on past them
    const before = listItemBefore(tokens, entities, town.first);
    const after = listItemAfter(tokens, entities, larger.last);
    const beforeBefore = before && listItemBefore(tokens, entities, before.first);
    const pairBefore = !!before && isLargerPlace(surface(tokens, before)) && !!beforeBefore && isTownOrSite(surface(tokens, beforeBefore));
    const pairAfter = !!after && tokens[after.last]?.text === "," && !!at(after.last + 1) && isLargerPlace(surface(tokens, at(after.last + 1)!));
    if ((before && !pairBefore) || (after && !pairBefore && !pairAfter)) continue;
    if (!endsPlace(tokens[larger.last], surface(tokens, larger)) || isPossessive(tokens[larger.last])) continue;
    facts.push({ subject: town, predicate: "located_in", object: larger, first: town.first, last: larger.last, rule: 0.9 });
  }
  return facts;
}

/**
 * "Sweden's Robert Kronberg" in a sports report, where the name is the country's team: the athlete is from
 * the country. Not the tail of a longer name the model cut: "Tennis Australia's Geoff Pollard".
 */
function fromCountryTeam<E extends NominalEntity>(tokens: Token[], team: E, named: E | undefined): NominalFact<E> | undefined {
  if (named?.type !== "Person" || tokens[team.first - 1]?.pos === "PROPN") return undefined;
  return { subject: named, predicate: "from", country: surface(tokens, team), first: team.first, last: named.last, rule: 0.8 };
}

/**
 * "London-based Acme Corp", "London-based bank Barclays", "Hans Goetti, a Singapore-based fund manager":
 * the company or person is based in the place the compound names (the tagger splits it into the place,
 * "-" and "based").
 */
function basedIn<E extends NominalEntity>(tokens: Token[], entities: E[]): NominalFact<E>[] {
  const facts: NominalFact<E>[] = [];
  for (const place of entities) {
    const dash = tokens[place.last];
    const based = tokens[place.last + 1];
    if (place.type !== "Location" || dash?.text !== "-" || based?.lower !== "based") continue;
    if (dash.start !== tokens[place.last - 1]!.end || based.start !== dash.end) continue;
    // the name the compound modifies, past a few common nouns: "London-based bank Barclays"
    const i = place.last + 2;
    let j = i;
    while (j < Math.min(i + 3, tokens.length) && commonModifier(tokens[j]!)) j++;
    const named = entities.find((e) => e.first === j && (e.type === "Organization" || e.type === "Person"));
    if (named && !tokens.slice(i, j).some(roleWord)) {
      facts.push({ subject: named, predicate: "based_in", object: place, first: place.first, last: named.last, rule: 0.8 });
      continue;
    }
    // an apposition: "Hans Goetti, a Singapore-based fund manager," (its head noun ends the phrase)
    const apposedTo = tokens[place.first - 1]?.pos === "DET" && tokens[place.first - 2]?.text === "," ? entities.find((e) => e.last === place.first - 2 && (e.type === "Organization" || e.type === "Person")) : undefined;
    const phraseEnds = j > i && lowerNoun(tokens[j - 1]!) && (j >= tokens.length || tokens[j]!.pos === "PUNCT");
    if (apposedTo && phraseEnds) facts.push({ subject: apposedTo, predicate: "based_in", object: place, first: apposedTo.first, last: j, rule: 0.8 });
  }
  return facts;
}

/** The place ending just before a list separator ("X, ", "X and ", "X, the ") that ends at token i. */
function listItemBefore<E extends NominalEntity>(tokens: Token[], entities: E[], i: number): E | undefined {
  let k = i;
  if (tokens[k - 1]?.pos === "DET") k--;
  if (tokens[k - 1]?.lower === "and" || tokens[k - 1]?.lower === "or") k--;
  if (tokens[k - 1]?.text === ",") k--;
  if (k === i || (k === i - 1 && tokens[i - 1]!.pos === "DET")) return undefined;
  return entities.find((e) => e.last === k && e.type === "Location");
}
/** The place that continues a list after token i (", X", " and X", ", and the X"). */
function listItemAfter<E extends NominalEntity>(tokens: Token[], entities: E[], i: number): E | undefined {
  let k = i;
  if (tokens[k]?.text === ",") k++;
  if (tokens[k]?.lower === "and" || tokens[k]?.lower === "or") k++;
  if (k === i) return undefined;
  if (tokens[k]?.pos === "DET") k++;
  return entities.find((e) => e.first === k && e.type === "Location");
}

/**
 * "Germany's TUI and Lufthansa", "Japan's Kinki Nippon", "Malaysia's budget airline, AirAsia",
 * "Sweden's Robert Kronberg", "London's famous Trafalgar Square". `from` is the token after the possessive.
 */
function ofPlace<E extends NominalEntity>(tokens: Token[], entities: E[], owner: E, from: number): NominalFact<E>[] {
  const at = (i: number) => entities.find((e) => e.first === i);
  let j = from;
  while (j < tokens.length && tokens[j]!.pos === "ADJ" && /^[a-z]/.test(tokens[j]!.text)) j++;
  let head: Token | undefined;
  while (j < tokens.length && lowerNoun(tokens[j]!)) head = tokens[j++];
  if (head) {
    // a common noun between: only a company's kind ("budget airline", "carmaker"), and never a role ("Russia's president Putin")
    if (tokens.slice(from, j).some(roleWord) || !isCompanyHead(head.lower)) return [];
    if (tokens[j]?.text === ",") j++;
    const named = at(j);
    return named && named.type === "Organization" ? [{ subject: named, predicate: "based_in", object: owner, first: owner.first, last: named.last, rule: 0.8 }] : [];
  }
  let first = at(j);
  // "France's Club [Mediterranne]": capitalised words the entity model left out of the name
  if (!first) {
    let k = j;
    while (k < Math.min(j + 3, tokens.length) && tokens[k]!.pos === "PROPN" && /^[A-Z]/.test(tokens[k]!.text) && !roleWord(tokens[k]!) && !at(k)) k++;
    const named = k > j ? at(k) : undefined;
    if (named?.type === "Organization") first = named;
    else if (k > j && tokens[k]?.lower === "and") {
      // "Germany's TUI and Lufthansa": a first name the entity model missed, then the ones it found
      return coordinated(tokens, entities, owner, k, "Organization");
    }
  }
  if (!first) return [];
  const predicate = OF_PLACE[first.type];
  if (!predicate || isPossessive(tokens[first.last])) return [];
  // "France's Cac index", "London's famous Savoy hotel": the name only modifies a noun, which is what the phrase is about
  const noun = tokens[first.last];
  if (noun && lowerNoun(noun) && !ORG_CUES.has(noun.lower) && !PLACE_OF.has(noun.lower) && !LOCATION_WORDS.has(noun.lower)) return [];
  if (first.type === "Person" && !looksLikePerson(tokens, first)) return [];
  if (first.type === "Organization" && mistypedPerson(tokens, first)) return [];
  // only a town or a site lies in the owner: a country in another is a claim ("Russia's Crimea"), and a
  // state or region after a possessive is rarely said to lie in it
  if (first.type === "Location" && (!isTownOrSite(surface(tokens, first)) || !looksLikePlace(tokens, first))) return [];
  const facts: NominalFact<E>[] = [{ subject: first, predicate, object: owner, first: owner.first, last: first.last, rule: 0.85 }];
  // several companies after one country's possessive; not people ("Brazil's Ronaldo and Zidane")
  if (first.type === "Organization") facts.push(...coordinated(tokens, entities, owner, first.last, "Organization"));
  return facts;
}

/**
 * "Germany's TUI and Lufthansa": the second of two names joined by "and" shares the possessive. Not a
 * longer list, which mixes countries more often than not ("Germany's Lufthansa, British Airways and
 * Spain's Iberia"), nor a name that says its own country ("British Airways").
 */
function coordinated<E extends NominalEntity>(tokens: Token[], entities: E[], owner: E, k: number, type: string): NominalFact<E>[] {
  if (tokens[k]?.lower !== "and") return [];
  const next = entities.find((e) => e.first === k + 1);
  if (!next || next.type !== type || isPossessive(tokens[next.last]) || tokens[next.last]?.text === ",") return [];
  const firstWord = tokens[next.first]!.lower;
  if (COUNTRIES.has(firstWord) || DEMONYMS.has(firstWord)) return [];
  // A guess more than a reading ("the UK's Foreign Office and Lawrence Livermore National Laboratories"
  // are not both British): scored low, so kg build leaves it out unless the confidence model learns otherwise.
  return [{ subject: next, predicate: OF_PLACE[type]!, object: owner, first: owner.first, last: next.last, rule: 0.3 }];
}

/** "Microsoft's Internet Explorer", "Sony's new portable games device, the PSP". */
function productOf<E extends NominalEntity>(tokens: Token[], entities: E[], owner: E, from: number): NominalFact<E> | undefined {
  const at = (i: number) => entities.find((e) => e.first === i);
  let j = from;
  while (j < tokens.length && (tokens[j]!.pos === "ADJ" || tokens[j]!.lower === "new") && /^[a-z]/.test(tokens[j]!.text)) j++;
  let head: Token | undefined;
  while (j < tokens.length && lowerNoun(tokens[j]!)) head = tokens[j++];
  if (head) {
    // "Sony's new games device, the PSP": the noun says it is a product, so the name's type need not
    if (!PRODUCT_HEADS.has(head.lower)) return undefined;
    if (tokens[j]?.text !== ",") return undefined;
    j++;
    if (tokens[j]?.pos === "DET") j++;
    const named = at(j);
    if (!named || !["Equipment", "Other", "Organization"].includes(named.type)) return undefined;
    return { subject: named, predicate: "product_of", object: owner, first: owner.first, last: named.last, rule: 0.75 };
  }
  const named = at(j);
  if (!named || (named.type !== "Equipment" && named.type !== "Other") || isPossessive(tokens[named.last])) return undefined;
  // "Boro's Uefa Cup match", "Celtic's Boxing Day meeting", "Oxfam's Make Fair Trade gig": the name
  // modifies a noun that is no product, or the entity model cut the name short; "Ocean's Eleven" is a title.
  const next = tokens[named.last];
  if (next && ((lowerNoun(next) && !PRODUCT_HEADS.has(next.lower)) || (next.pos === "PROPN" && /^[A-Z]/.test(next.text)))) return undefined;
  if (tokens.slice(named.first, named.last).some((t) => t.pos === "NUM" && /^[A-Za-z]+$/.test(t.text) || EVENT_WORDS.has(t.lower) || t.lower === "league")) return undefined;
  return { subject: named, predicate: "product_of", object: owner, first: owner.first, last: named.last, rule: 0.7 };
}

/**
 * A score line on its own, as results and headlines give them: "Hearts 2-1 Livingston",
 * "Ireland 19-13 England". The winner beats the loser; a draw is one `draw_with`, either way round.
 */
function scoreLine<E extends NominalEntity>(tokens: Token[], entities: E[]): NominalFact<E> | undefined {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.pos === "PUNCT" && tokens[end - 1]!.text !== ")") end--;
  const home = entities.find((e) => e.first === 0);
  const away = entities.find((e) => e.last === end);
  if (!home || !away || home === away) return undefined;
  const teams = new Set(["Organization", "Location"]);
  if (!teams.has(home.type) || !teams.has(away.type)) return undefined;
  const between = tokens.slice(home.last, away.first).map((t) => t.text).join("");
  const m = /^(\d{1,3})[-–](\d{1,3})$/.exec(between);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const span = { first: 0, last: end, rule: 0.9 };
  if (a === b) return { subject: home, predicate: "draw_with", object: away, ...span };
  return a > b ? { subject: home, predicate: "beat", object: away, ...span } : { subject: away, predicate: "beat", object: home, ...span };
}

/**
 * A fixture on its own line, as draws and previews give them: "Bolton v Arsenal or Sheffield United",
 * "Southampton or Brentford v Manchester United". Each side plays each side opposite: a match yet to be
 * played (`intended`), or only possibly (`hypothetical`) when a side is one of alternatives.
 */
function fixtureLine<E extends NominalEntity>(tokens: Token[], entities: E[]): NominalFact<E>[] {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.pos === "PUNCT") end--;
  const v = tokens.findIndex((t, i) => i > 0 && i < end - 1 && /^(v|vs|v\.|vs\.)$/i.test(t.text));
  if (v < 0) return [];
  const teams = new Set(["Organization", "Location"]);
  // each side: names joined by "or", and nothing else
  const side = (from: number, to: number): E[] | undefined => {
    const out: E[] = [];
    let k = from;
    while (k < to) {
      const e = entities.find((x) => x.first === k);
      if (!e || !teams.has(e.type) || e.last > to) return undefined;
      out.push(e);
      k = e.last;
      if (k < to) {
        if (tokens[k]!.lower !== "or") return undefined;
        k++;
      }
    }
    return out.length ? out : undefined;
  };
  const home = side(0, v);
  const away = side(v + 1, end);
  if (!home || !away) return [];
  const modality = home.length > 1 || away.length > 1 ? "hypothetical" : "intended";
  const facts: NominalFact<E>[] = [];
  for (const h of home) for (const a of away) facts.push({ subject: h, predicate: "play", object: a, first: 0, last: end, rule: 0.8, modality });
  return facts;
}
