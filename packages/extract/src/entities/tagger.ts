/**
 * Entity mentions from the trained model (entities/model/): the model finds
 * and classes the names (PER, ORG, LOC, MISC, as CoNLL does); the rules here
 * only refine what it found, with knowledge the model does not carry:
 * - MISC becomes Equipment (designations: "Tu-22M3"), Event ("Winter
 *   Olympics"), a demonym ("Russian": MISC in CoNLL, a country for roles, no
 *   node of the graph), an affiliation ("Catholic") or Other;
 * - gazetteer spellings give canonical names ("Kiev" -> "Kyiv", "Nato" -> "NATO");
 * - titles before a person ("Prime Minister", "Mr") are remembered for alias resolution;
 * - a designation the model left alone is still equipment.
 */
import type { Token } from "../nlp/index.ts";
import type { EntityType } from "../types.ts";
import { AFFILIATIONS, AWARD_BODIES, AWARD_NAMES, CITIES, COMPETITION_WORDS, COUNTRIES, DEMONYMS, EQUIPMENT_TOKEN, EVENT_WORDS, FIRST_NAMES, HONORIFICS, isRoleNoun, ORG_SPELLINGS, ORG_WORDS, PLACES, PLAYING_POSITIONS, PORTFOLIOS, REGIONS, TITLES, WORLD_REGIONS } from "./gazetteer.ts";
import { entityModel, tagWords } from "./model/model.ts";
import { documentContext, isOrdinaryWord, type DocumentContext } from "./model/features.ts";
import { ruleTags } from "./model/rules.ts";
import type { EntityClass } from "./model/labels.ts";
import { works } from "./works.ts";
import { unlabelledNames } from "./unlabelled.ts";
import { companyCues, sentenceCues } from "./cues.ts";
import { isTitle, joinUnits, TITLE_MODIFIERS, toUnits, type EntitySpan, type SentenceEntities, type Unit } from "./recognize.ts";

const TYPE_OF: Record<Exclude<EntityClass, "MISC">, EntityType> = { PER: "Person", ORG: "Organization", LOC: "Location" };

/** The title words right before a name: "Prime Minister", "Mr", "Russian President". */
function titleBefore(units: Unit[], first: number): string | undefined {
  let k = first;
  let core = false;
  while (k > 0) {
    const lower = units[k - 1]!.lower.replace(/\.$/, "");
    if (!/^\p{Lu}/u.test(units[k - 1]!.text)) break;
    if (isTitle(lower)) core = true;
    else if (!TITLE_MODIFIERS.has(lower) && !DEMONYMS.has(lower)) break;
    k--;
  }
  if (!core) return undefined;
  return units
    .slice(k, first)
    .map((u) => u.text)
    .join(" ");
}

/** The entity record of units `span` of a sentence, found by an article-level reading rather than the model. */
function spanEntity(tokens: Token[], span: Unit[], type: EntityType, typeConfidence = 0.8, title?: string): EntitySpan {
  const first = span[0]!;
  const last = span[span.length - 1]!;
  return { first: first.first, last: last.last, text: joinUnits(tokens, span), start: first.start, end: last.end, type, canonical: undefined, title, typeConfidence, words: span.map((u) => u.text) };
}

/** Whether the unit at k stands in a list ("A, B and C") beside a person the rules are sure of. */
function listedWithPerson(units: Unit[], entities: EntitySpan[], k: number): boolean {
  const sep = (u: Unit | undefined) => !!u && (u.text === "," || u.lower === "and" || u.text === "&");
  const person = (pred: (e: EntitySpan) => boolean) => entities.some((e) => e.type === "Person" && e.typeConfidence >= 0.4 && pred(e));
  return (sep(units[k - 1]) && k >= 2 && person((e) => e.last === units[k - 2]!.last)) || (sep(units[k + 1]) && k + 2 < units.length && person((e) => e.first === units[k + 2]!.first));
}

/**
 * A designation: "Tu-22M3", "S-400", "SVD-M". A word, a hyphen and one capital ("Pantsir-S") is one
 * only where the rules name it so ("Pantsir-S systems"): alone it is as often a name ("Jay-Z").
 */
function isDesignation(text: string): boolean {
  return EQUIPMENT_TOKEN.test(text) && !/^[A-Z][a-z]+-[A-Z]$/.test(text);
}

function miscType(span: Unit[], lower: string): EntityType {
  if (span.some((u) => isDesignation(u.text))) return "Equipment";
  const known = PLACES.get(lower);
  if (known?.type === "Event") return "Event";
  const last = span[span.length - 1]!.lower;
  if (EVENT_WORDS.has(last) || COMPETITION_WORDS.has(last)) return "Event";
  return "Other";
}

/** A sentence's entities, or why it could not be read (the rest of the document still is). */
export type SentenceResult = SentenceEntities & { error?: unknown };

/**
 * The entities of a document's sentences, read in order: the model sees the article around each
 * sentence (a sports report; how a name was labelled before), as it was trained to.
 */
export function recogniseDocument(sentences: Token[][]): SentenceResult[] {
  return recogniseArticle(sentences).results;
}

/**
 * The entities of an article's sentences, read as one document, and whether it is a sports report (the
 * model's document feature, which the triple rules read too).
 */
export function recogniseArticle(sentences: Token[][]): { results: SentenceResult[]; sports: boolean } {
  const units = sentences.map(toUnits);
  const doc = documentContext(units);
  const results: SentenceResult[] = sentences.map((tokens, k) => {
    try {
      return entitiesOf(tokens, units[k]!, doc);
    } catch (error) {
      return { entities: [], demonyms: [], affiliations: [], error };
    }
  });
  const joined = new Set<string>();
  results.forEach((r, k) => {
    if (r.error !== undefined) return;
    brackets(sentences[k]!, units[k]!, r);
    wireCompanyNames(sentences[k]!, units[k]!, r);
    demonymNames(sentences[k]!, units[k]!, r, joined);
    sentenceCues(sentences[k]!, units[k]!, r);
    persons(sentences[k]!, units[k]!, r, doc.sports);
    partyMembers(sentences[k]!, units[k]!, r);
    honorificNames(sentences[k]!, units[k]!, r);
    placesWithAnd(sentences[k]!, units[k]!, r);
    institutionNames(sentences[k]!, units[k]!, r);
    portfolioTitles(sentences[k]!, units[k]!, r);
    namesWithTheirCountry(sentences[k]!, units[k]!, r);
    townsListedWithBodies(units[k]!, r);
    lineUp(sentences[k]!, units[k]!, r);
  });
  if (joined.size) results.forEach((r, k) => r.error === undefined && demonymNames(sentences[k]!, units[k]!, r, joined, true));
  // the article-level readings: a failure in one leaves the sentences' own readings standing
  const passes = [doc.sports ? sportsTeams : groups, acronyms, companyCues, documentConsistency, awards, (s: Token[][], u: Unit[][], r: SentenceResult[]) => works(s, u, r, doc.sports), unlabelledNames];
  for (const pass of passes) {
    try {
      pass(sentences, units, results);
    } catch {
      // the sentences' own readings stand
    }
  }
  return { results, sports: doc.sports };
}

/**
 * "won the Bafta", "a Golden Globe", "her first Oscar": an award is Other (MISC), whatever the model read; a name
 * that is also the body giving it is the award only after a determiner ("Grant Dean of Bafta" works for the body).
 */
function awards(sentences: Token[][], _units: Unit[][], results: SentenceResult[]): void {
  results.forEach((r, k) => {
    for (const e of r.entities) {
      const name = e.words.join(" ").toLowerCase();
      if (!AWARD_NAMES.has(name)) continue;
      const before = sentences[k]![e.first - 1];
      if (AWARD_BODIES.has(name) && !(before && ["DET", "NUM", "ADJ"].includes(before.pos)) && !/^(his|her|their|its)$/.test(before?.lower ?? "")) continue;
      e.type = "Other";
      e.title = undefined;
      e.typeConfidence = Math.max(e.typeConfidence, 0.9);
    }
  });
}

/**
 * "(Zinedine) Zidane", "(Jon Dahl) Tomasson": a name holds no bracket it does not open; what follows the bracket is
 * the name. "Globio (Federation for Global ... Children), an organisation": nor a bracket it does not close; what
 * comes before it is the name.
 */
function brackets(tokens: Token[], us: Unit[], r: SentenceResult): void {
  if (!r.entities.some((e) => e.words.length > 1 && (e.words.includes(")") || e.words.includes("(")))) return;
  r.entities = r.entities.flatMap((e) => {
    const open = e.words.lastIndexOf("(");
    if (open > 0 && !e.words.includes(")", open)) {
      const i = us.findIndex((u) => u.first === e.first);
      if (i < 0) return [e];
      const span = us.slice(i, i + open);
      const { canonical: _whole, ...name } = e;
      return [{ ...name, last: span.at(-1)!.last, end: span.at(-1)!.end, text: joinUnits(tokens, span), words: span.map((u) => u.text) }];
    }
    const k = e.words.lastIndexOf(")");
    if (k < 0 || e.words.slice(0, k).includes("(") || k === e.words.length - 1) return [e];
    const i = us.findIndex((u) => u.first === e.first) + k + 1;
    const j = us.findIndex((u) => u.last === e.last);
    if (i <= 0 || j < i) return [e];
    const span = us.slice(i, j + 1);
    return [{ ...e, first: span[0]!.first, text: joinUnits(tokens, span), start: span[0]!.start, words: span.map((u) => u.text) }];
  });
}

/**
 * "<Ecolab Co> of the United States", "<Pioneer Sugar Mills Ltd> said": Reuters puts a company it lists no
 * ticker for in angle brackets, and the words inside are the company's whole name (the model cuts "Co"
 * and "Ltd" off, or misses it). A ticker in brackets ("<BP>", "<CSRA.S>") is no name.
 */
function wireCompanyNames(tokens: Token[], us: Unit[], r: SentenceResult): void {
  for (let i = 0; i < us.length; i++) {
    if (us[i]!.text !== "<") continue;
    const j = us.findIndex((u, k) => k > i && u.text === ">");
    if (j < 0 || j - i < 2 || j - i > 7) continue;
    const span = us.slice(i + 1, j);
    if (!span.every((u) => /^[\p{Lu}&\d]/u.test(u.text) || /^(of|and|de|du|la|the)$/.test(u.lower)) || !span.some((u) => /\p{Ll}/u.test(u.text))) continue;
    r.entities = r.entities.filter((e) => e.last <= span[0]!.first || e.first >= span.at(-1)!.last);
    r.entities.push(spanEntity(tokens, span, "Organization", 0.95));
    r.entities.sort((a, b) => a.first - b.first);
    i = j;
  }
}

/**
 * "Swiss Re": a demonym before an organisation's name of a short word or two is part of the name
 * (the model reads "Swiss" as the nationality and "Re" alone as the firm).
 */
function demonymNames(tokens: Token[], us: Unit[], r: SentenceResult, joined: Set<string>, again = false): void {
  if (r.demonyms.length === 0) return;
  for (const d of [...r.demonyms]) {
    const i = us.findIndex((u) => u.first === d.index);
    const next = us[i + 1];
    if (i < 0 || !next || next.start === us[i]!.end) continue;
    if (again) {
      // the article's "Swiss Re" once joined: "said Swiss Re", where the model left "Re" out
      const name = `${us[i]!.text} ${next.text}`;
      if (!joined.has(name) || r.entities.some((e) => e.first <= next.first && e.last > next.first)) continue;
      r.entities.push(spanEntity(tokens, [us[i]!, next], "Organization"));
      r.entities.sort((a, b) => a.first - b.first);
    } else {
      const e = r.entities.find((x) => x.first === next.first && x.type === "Organization");
      if (!e || e.words.length > 2 || e.words.some((w) => w.length > 3)) continue;
      const j = us.findIndex((u) => u.last === e.last);
      const span = us.slice(i, j + 1);
      Object.assign(e, { first: us[i]!.first, start: us[i]!.start, text: joinUnits(tokens, span), words: span.map((u) => u.text), canonical: undefined });
      if (span.length === 2) joined.add(`${span[0]!.text} ${span[1]!.text}`);
    }
    r.demonyms = r.demonyms.filter((x) => x !== d);
  }
}

/** A player's position, which names the player after it: "flanker Schalk Burger". */
const PLAYER_POSITIONS = new Set([...PLAYING_POSITIONS, "lock", "fly-half", "scrum-half", "full-back", "centre", "centre-back", "forward", "captain", "skipper", "batsman", "bowler", "sprinter", "hurdler"]);

/**
 * A first name and a surname the model took for an organisation: "American Taylor Dent" is the
 * nationality and the player; in a sports report "Les Ferdinand" is a player, not a club, unless the
 * name ends in a club's word ("Charlton Athletic") or holds a place, or the training text knew it
 * as an organisation.
 */
function persons(tokens: Token[], us: Unit[], r: SentenceResult, sports: boolean): void {
  for (const e of r.entities) {
    if (e.type !== "Organization" || e.words.length < 2 || e.words.length > 4) continue;
    const lead = e.words[0]!.toLowerCase();
    if (e.words.length >= 3 && DEMONYMS.has(lead) && FIRST_NAMES.has(e.words[1]!)) {
      const i = us.findIndex((u) => u.first === e.first);
      const j = us.findIndex((u) => u.last === e.last);
      if (i < 0 || j <= i) continue;
      const span = us.slice(i + 1, j + 1);
      r.demonyms.push({ index: us[i]!.first, country: DEMONYMS.get(lead)! });
      Object.assign(e, { first: span[0]!.first, start: span[0]!.start, text: joinUnits(tokens, span), words: span.map((u) => u.text), type: "Person", canonical: undefined });
      continue;
    }
    if (!sports || e.words.length > 3) continue;
    const lower = e.words.map((w) => w.toLowerCase());
    if (ORG_WORDS.has(lower[lower.length - 1]!) || lower.some((w) => PLACES.has(w) || CITIES.has(w))) continue;
    // "South African flanker Schalk Burger": after a player's position comes a player, whatever his first name
    const before = us[us.findIndex((u) => u.first === e.first) - 1];
    const afterPosition = !!before && /^[a-z]/.test(before.text) && PLAYER_POSITIONS.has(before.lower);
    if (!afterPosition && (!FIRST_NAMES.has(e.words[0]!) || entityModel().lexicons.names.get(lower.join(" ")) === "ORG")) continue;
    e.type = "Person";
    e.canonical = undefined;
  }
}

/** The gazetteer's places whose names hold "and", by their first word: "saint kitts and nevis", "trinidad and tobago". */
const PLACES_WITH_AND = new Map<string, string[][]>();
for (const [key, place] of PLACES) {
  // (not a world region: "Australia and New Zealand" in a sentence is two countries)
  if (place.type !== "Location" || !/ and /.test(key) || /,/.test(key) || WORLD_REGIONS.has(key)) continue;
  const words = key.split(" ");
  PLACES_WITH_AND.set(words[0]!, [...(PLACES_WITH_AND.get(words[0]!) ?? []), words]);
}

/**
 * "Saint Kitts and Nevis", "St Kitts and Nevis", "Trinidad and Tobago": a country the gazetteer names
 * with "and" is one place, where the model cut it at the "and" ("Kitts", "Nevis").
 */
function placesWithAnd(tokens: Token[], us: Unit[], r: SentenceResult): void {
  const word = (u: Unit) => (u.lower === "st" || u.lower === "st." ? "saint" : u.lower === "&" ? "and" : u.lower);
  for (let i = 0; i < us.length; i++) {
    if (!/^\p{Lu}/u.test(us[i]!.text)) continue;
    for (const name of PLACES_WITH_AND.get(word(us[i]!)) ?? []) {
      if (i + name.length > us.length || !name.every((w, k) => word(us[i + k]!) === w)) continue;
      const span = us.slice(i, i + name.length);
      if (r.entities.some((e) => e.first === span[0]!.first && e.last === span.at(-1)!.last)) break;
      r.entities = r.entities.filter((e) => e.last <= span[0]!.first || e.first >= span.at(-1)!.last);
      const place = spanEntity(tokens, span, "Location", 0.95);
      place.canonical = PLACES.get(name.join(" "))!.name;
      r.entities.push(place);
      r.entities.sort((a, b) => a.first - b.first);
      break;
    }
  }
}

/**
 * "Veritas was formed by Mr Kilroy-Silk": a capitalised word after an honorific is a person's surname,
 * where the model found no name at all ("Mr" then "Smith" in a sentence it did not read as a name).
 */
function honorificNames(tokens: Token[], us: Unit[], r: SentenceResult): void {
  // ("Mr", "Dr", "Lord": the gazetteer's honorifics, which stand only before a person's name)
  for (let i = 0; i + 1 < us.length; i++) {
    const honorific = us[i]!.lower.replace(/\.$/, "");
    const next = us[i + 1]!;
    // (a surname alone, hyphenated or not: "Kilroy-Silk", not "Blunkett's")
    // (not a second title: "the Rt Rev Dr Tom Wright")
    if (!HONORIFICS.has(honorific) || !/^\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?$/u.test(next.text) || isOrdinaryWord(next.lower) || TITLES.has(next.lower)) continue;
    if (r.entities.some((e) => e.last > next.first && e.first < next.last)) continue;
    r.entities.push(spanEntity(tokens, [next], "Person", 0.8, us[i]!.text));
    r.entities.sort((a, b) => a.first - b.first);
  }
}

/**
 * "U.S. Agriculture Secretary Richard Lyng", "EC Farm Commissioner Frans Andriessen": wire copy
 * capitalises the portfolio before a title, and the model reads it into the name before it ("U.S.
 * Agriculture", "EC Farm"). The portfolio belongs to the title; the name is what comes before it.
 */
function portfolioTitles(tokens: Token[], us: Unit[], r: SentenceResult): void {
  const titleAt = (u: Unit | undefined) => !!u && (isTitle(u.lower) || isRoleNoun(u.lower)) && /^\p{Lu}/u.test(u.text);
  for (const e of [...r.entities]) {
    if (e.type !== "Organization" && e.type !== "Location") continue;
    const j = us.findIndex((u) => u.first === e.last);
    // "Children's Minister Margaret Hodge", "Secretary of State Colin Powell": a portfolio's or a department's
    // word in a title is no name
    const possessiveTitle = e.words.length === 1 && PORTFOLIOS.has(e.words[0]!.toLowerCase()) && /^['’]s$/.test(us[j]?.text ?? "") && titleAt(us[j + 1]);
    const i0 = us.findIndex((u) => u.first === e.first);
    const ofTitle = e.words.length === 1 && us[i0 - 1]?.lower === "of" && us[i0 - 2]?.lower === "secretary";
    if (possessiveTitle || ofTitle) {
      r.entities = r.entities.filter((x) => x !== e);
      continue;
    }
    if (j < 0 || !titleAt(us[j])) continue;
    const i = i0;
    let k = j;
    while (k - 1 > i && PORTFOLIOS.has(us[k - 1]!.lower)) k--;
    if (k === j) continue;
    const name = us.slice(i, k);
    // "Trade and Industry Secretary": the whole name is the portfolio
    if (name.some((u) => PORTFOLIOS.has(u.lower) || u.lower === "and" || u.text === "&")) continue;
    // "Welsh Health Minister": a nationality, which the roles read, and no name of its own
    if (name.length === 1 && DEMONYMS.has(name[0]!.lower) && !PLACES.has(name[0]!.lower)) {
      r.entities = r.entities.filter((x) => x !== e);
      continue;
    }
    const known = PLACES.get(joinUnits(tokens, name).toLowerCase());
    Object.assign(e, spanEntity(tokens, name, known?.type ?? e.type, e.typeConfidence, e.title), { canonical: known?.name });
  }
}

/** Broadcasters whose branches news names by their place: "BBC Scotland", "ITV Wales". */
const BROADCASTERS = new Set(["BBC", "ITV"]);

/**
 * "the UK Independence Party", "the British and Irish Lions": a country's name or nationalities the model
 * read apart from the organisation they begin ("UK" and "Independence Party", "Irish Lions"). Only a party
 * or a side named after its nations: "US Federal Reserve" is the Fed of the US.
 */
function namesWithTheirCountry(tokens: Token[], us: Unit[], r: SentenceResult): void {
  for (const org of [...r.entities]) {
    if (org.type !== "Organization") continue;
    const i = us.findIndex((u) => u.first === org.first);
    if (i < 0) continue;
    let from = -1;
    // "UK Independence Party"
    const before = r.entities.find((e) => e.last === org.first && e.type === "Location" && e.words.length === 1);
    const country = before && org.words.at(-1) === "Party" && COUNTRIES.has(before.words[0]!.toLowerCase()) ? before : undefined;
    if (country) from = us.findIndex((u) => u.first === country.first);
    // "BBC Scotland", "ITV Wales": the branch, which the model cuts into the broadcaster and the place
    const branch = org.words.length === 1 && BROADCASTERS.has(org.words[0]!) ? r.entities.find((e) => e.first === org.last && e.type === "Location" && e.words.length === 1) : undefined;
    if (branch) {
      const span = us.slice(i, us.findIndex((u) => u.last === branch.last) + 1);
      r.entities = r.entities.filter((e) => e !== org && e !== branch);
      r.entities.push(spanEntity(tokens, span, "Organization", org.typeConfidence));
      r.entities.sort((a, b) => a.first - b.first);
      continue;
    }
    // "British and Irish Lions": two nationalities joined by "and" before the side
    const demonym = (u: Unit | undefined) => !!u && DEMONYMS.has(u.lower) && /^\p{Lu}/u.test(u.text);
    if (org.words.length === 2 && demonym(us[i]) && us[i - 1]?.lower === "and" && demonym(us[i - 2])) from = i - 2;
    if (from < 0) continue;
    const span = us.slice(from, us.findIndex((u) => u.last === org.last) + 1);
    r.entities = r.entities.filter((e) => e.last <= span[0]!.first || e.first >= span.at(-1)!.last);
    const merged = spanEntity(tokens, span, "Organization", org.typeConfidence);
    // the short form news uses, where the gazetteer knows it: "UK" and the initials, UKIP
    const short = country ? PLACES.get((country.words[0]! + org.words.map((w) => w[0]).join("")).toLowerCase()) : undefined;
    if (short?.type === "Organization") merged.canonical = short.name;
    r.entities.push(merged);
    r.entities.sort((a, b) => a.first - b.first);
  }
}

/**
 * "linked with Spanish trio Real Madrid, Barcelona and Valencia": a town listed among two or more
 * organisations is one too, the club or firm named after it (not a country: "Microsoft, Google and China").
 */
function townsListedWithBodies(us: Unit[], r: SentenceResult): void {
  for (const list of nameLists(us, r.entities)) {
    if (list.length < 3) continue;
    const towns = list.filter((e) => e.type === "Location");
    if (towns.length !== 1 || list.filter((e) => e.type === "Organization").length !== list.length - 1) continue;
    const town = towns[0]!;
    const name = town.words.join(" ").toLowerCase();
    if (!CITIES.has(name) || COUNTRIES.has(name)) continue;
    const i = us.findIndex((u) => u.first === list[0]!.first);
    if (PLACE_BEFORE.has(us[i - 1]?.lower ?? "")) continue;
    town.type = "Organization";
  }
}

/** One-word names of parties that news puts before a member's name: "Tory Neil Hamilton". */
const PARTY_WORDS = new Set(["tory", "labour", "conservative"]);

/**
 * "Tory Neil Hamilton": a party's word, a first name and a surname the model read as one name are the
 * party and the person.
 */
function partyMembers(tokens: Token[], us: Unit[], r: SentenceResult): void {
  for (const e of [...r.entities]) {
    if ((e.type !== "Person" && e.type !== "Organization") || e.words.length < 3 || e.words.length > 4) continue;
    if (!PARTY_WORDS.has(e.words[0]!.toLowerCase()) || !FIRST_NAMES.has(e.words[1]!)) continue;
    const i = us.findIndex((u) => u.first === e.first);
    const j = us.findIndex((u) => u.last === e.last);
    if (i < 0 || j <= i + 1) continue;
    const party = spanEntity(tokens, [us[i]!], "Organization", 0.9);
    party.canonical = PLACES.get(us[i]!.lower)?.name;
    const person = us.slice(i + 1, j + 1);
    Object.assign(e, { first: person[0]!.first, start: person[0]!.start, text: joinUnits(tokens, person), words: person.map((u) => u.text), type: "Person", canonical: undefined });
    r.entities.push(party);
    r.entities.sort((a, b) => a.first - b.first);
  }
}

/** Head words of an institution's name "X of/for ...": "Department for Work and Pensions". */
const INSTITUTION_HEADS = new Set(["department", "ministry", "office", "university", "institute", "council", "commission", "committee", "society", "association", "federation", "board", "school", "college", "academy", "agency", "authority", "museum", "foundation", "centre", "center", "bank", "secretary", "union", "court", "chamber", "league", "confederation", "organisation", "organization"]);
const cap = (u: Unit | undefined) => !!u && /^[\p{Lu}\d]/u.test(u.text);
const ordinaryCap = (u: Unit | undefined) => !!u && /^\p{Lu}\p{Ll}+$/u.test(u.text) && isOrdinaryWord(u.lower);

/**
 * "Department of the Environment, Food and Rural Affairs", "University of the Highlands and Islands",
 * "Office of the Deputy Prime Minister": the model cuts such names at "and" or a comma, or keeps
 * only their tail. A capitalised head word, "of" or "for", then capitalised words, where "and" or a
 * comma joins only capitalised common words (not "… and Southampton"), is one organisation.
 */
function institutionNames(tokens: Token[], us: Unit[], r: SentenceResult): void {
  for (let i = 0; i + 2 < us.length; i++) {
    if (!INSTITUTION_HEADS.has(us[i]!.lower) || (us[i + 1]!.lower !== "of" && us[i + 1]!.lower !== "for") || !cap(us[i])) continue;
    let j = i + 2;
    if (us[j]?.lower === "the") j++;
    if (!cap(us[j])) continue;
    while (cap(us[j])) j++;
    let parts = 1;
    for (;;) {
      // ", Food and Rural Affairs": a comma, then common words, then "and"
      if (us[j]?.text === "," && ordinaryCap(us[j + 1])) {
        let k = j + 1;
        while (ordinaryCap(us[k])) k++;
        if (us[k]?.lower !== "and" || !ordinaryCap(us[k + 1])) break;
        j = k;
      }
      if (us[j]?.lower === "and" && ordinaryCap(us[j + 1])) {
        let k = j + 1;
        while (ordinaryCap(us[k])) k++;
        if (cap(us[k])) break;
        j = k;
        parts++;
        continue;
      }
      break;
    }
    // a plain "Bank of England" the model reads well: only names it is likely to cut
    if (parts === 1 && j - i < 5) continue;
    const first = us[i]!.first;
    const last = us[j - 1]!.last;
    const inside = r.entities.filter((e) => e.first < last && e.last > first);
    if (inside.some((e) => e.first < first || e.last > last || (e.type !== "Organization" && e.type !== "Other" && e.type !== "Location"))) continue;
    r.entities = r.entities.filter((e) => !inside.includes(e));
    r.entities.push(spanEntity(tokens, us.slice(i, j), "Organization"));
    r.entities.sort((a, b) => a.first - b.first);
    i = j - 1;
  }
}

const SURNAME_PARTICLES = new Set(["van", "der", "den", "de", "du", "da", "di", "von", "le", "la", "mac", "st"]);

/**
 * Team line-ups: "G Dempsey; G Murphy, B O'Driscoll (capt), S Horgan, F Du Preez, G du Toit". Where a
 * sentence holds three or more names of an initial and a surname between commas and semicolons, each
 * is a person, initial included, whatever the model made of it.
 */
function lineUp(tokens: Token[], us: Unit[], r: SentenceResult): void {
  const found: [number, number][] = [];
  const boundary = (u: Unit | undefined) => !u || /^[,;.(:]$/.test(u.text) || u.lower === "and";
  for (let i = 0; i + 1 < us.length; i++) {
    const c = us[i]!.text.length === 1 ? us[i]!.text.charCodeAt(0) : 0;
    if (!(c >= 65 && c <= 90) || !boundary(us[i - 1])) continue;
    let j = i + 1;
    while (j < us.length && j - i <= 4 && (/^\p{Lu}/u.test(us[j]!.text) || (SURNAME_PARTICLES.has(us[j]!.lower) && /^\p{Lu}/u.test(us[j + 1]?.text ?? "")))) j++;
    if (j === i + 1 || j - i > 4 || !boundary(us[j])) continue;
    found.push([i, j]);
    i = j - 1;
  }
  if (found.length < 3) return;
  for (const [i, j] of found) {
    const first = us[i]!.first;
    const last = us[j - 1]!.last;
    const inside = r.entities.filter((e) => e.first < last && e.last > first);
    if (inside.some((e) => e.first < first || e.last > last)) continue;
    r.entities = r.entities.filter((e) => !inside.includes(e));
    r.entities.push(spanEntity(tokens, us.slice(i, j), "Person"));
  }
  r.entities.sort((a, b) => a.first - b.first);
  // a line-up holds no demonyms or affiliations
  const names = r.entities.filter((e) => e.type === "Person");
  r.demonyms = r.demonyms.filter((d) => !names.some((e) => d.index >= e.first && d.index < e.last));
}

const TEAM_BEFORE = new Set(["against", "v", "vs", "vs.", "beat", "beating", "defeated", "defeating", "thrashed", "face", "facing", "faced", "host", "hosting", "hosted", "play", "playing", "played", "meet", "meets", "met", "joined", "join", "joins", "represent", "represented"]);
const TEAM_AFTER = new Set(["v", "vs", "vs.", "were", "are", "have", "beat", "beats", "lost", "lose", "drew", "won", "win", "wins", "defeated", "thrashed", "trail", "trailed", "led", "scored", "conceded", "coach", "assistant", "captain", "manager", "boss", "skipper", "squad", "side", "team", "fans", "supporters", "players", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "prop", "hooker", "flanker", "lock", "fly-half", "scrum-half", "full-back", "forwards", "backs", "pack", "international", "internationals", "debut", "chairman", "squads", "sides", "teams"]);
/** What joins the names of a list: "England, Wales and France squads". */
const LIST_JOINS = new Set([",", "and", "&"]);
const TAKE = new Set(["take", "takes", "took", "taking"]);
const PLACE_BEFORE = new Set(["in", "from", "across", "throughout", "near", "outside", "inside", "visit", "visited", "visiting", "at", "to"]);
const SCORE = /^\d{1,3}(-\d{1,3})?$/;

/**
 * In a sports report, a place the sentence shows as a team ("Ireland 17-12 South Africa", "against
 * Bulgaria", "Russia were") is the team, an organisation; and so is every mention of it in the report
 * that no place word precedes ("in Russia", "from Milan").
 */
function sportsTeams(_sentences: Token[][], units: Unit[][], results: SentenceResult[]): void {
  const teams = new Set<string>();
  const unitIndex = (us: Unit[], token: number) => us.findIndex((u) => u.first === token);
  const lists: EntitySpan[][] = [];
  results.forEach((r, k) => {
    const us = units[k]!;
    for (const list of nameLists(us, r.entities.filter((e) => e.type === "Location" || e.type === "Organization"))) {
      const i = unitIndex(us, list[0]!.first);
      const j = us.findIndex((u) => u.last === list.at(-1)!.last);
      if (i < 0 || j < 0) continue;
      const before = us[i - 1]?.lower ?? "";
      let after = us[j + 1]?.lower ?? "";
      if (after === "'s" || after === "’s") after = us[j + 2]?.lower ?? "";
      // ("Mauritius take on Madagascar": the phrasal verb's particle before the name)
      const takeOn = before === "on" && TAKE.has(us[i - 2]?.lower ?? "");
      // ("won five caps for the Netherlands": a cap is a game for the national side)
      const capsFor = (before === "for" && /^caps?$/.test(us[i - 2]?.lower ?? "")) || (before === "the" && us[i - 2]?.lower === "for" && /^caps?$/.test(us[i - 3]?.lower ?? ""));
      // what stands before or after a list stands for each of its names: "England, Wales and France squads"
      if (TEAM_BEFORE.has(before) || takeOn || capsFor || SCORE.test(us[i - 1]?.text ?? "") || SCORE.test(us[j + 1]?.text ?? "") || TEAM_AFTER.has(after)) for (const e of list) if (e.type === "Location") teams.add(e.words.join(" "));
      if (list.length > 1 && !PLACE_BEFORE.has(before)) lists.push(list);
    }
  });
  // a place's name the model read as an organisation somewhere in the report is the team there, and so
  // wherever no place word stands before it ("said Biarritz chairman Marcel Martin")
  // (not a surname of the article's persons, which the gazetteer may also know as a town: "Campbell", "Bell")
  const surnames = new Set(results.flatMap((r) => r.entities.filter((e) => e.type === "Person" && e.words.length > 1).map((e) => e.words.at(-1)!)));
  const isPlace = (name: string) => !surnames.has(name) && (PLACES.has(name.toLowerCase()) || CITIES.has(name.toLowerCase()));
  for (const r of results) for (const e of r.entities) if (e.type === "Organization" && isPlace(e.words.join(" "))) teams.add(e.words.join(" "));
  // a place listed with a team is another team: "With England and France visiting Lansdowne Road"
  for (const list of lists) if (list.some((e) => teams.has(e.words.join(" ")))) for (const e of list) if (e.type === "Location") teams.add(e.words.join(" "));
  if (teams.size === 0) return;
  results.forEach((r, k) => {
    const us = units[k]!;
    for (const e of r.entities) {
      const name = e.words.join(" ");
      if ((e.type !== "Location" && e.type !== "Organization") || !teams.has(name)) continue;
      const i = unitIndex(us, e.first);
      // ("in the Netherlands": past the article)
      const before = us[i - 1]?.lower === "the" ? us[i - 2] : us[i - 1];
      if (e.type === "Location" && i > 0 && before && PLACE_BEFORE.has(before.lower)) continue;
      e.type = "Organization";
      // a town's or a country's name: the article's one node for the name (the best-supported type of its
      // mentions) is the team, not the town or country a mention like "in Biarritz" or "for France" names
      if (isPlace(name)) e.typeConfidence = 1;
    }
  });
}

/** Names of a sentence grouped into lists ("England, Wales and France"); a name alone is a list of one. */
function nameLists(us: Unit[], names: EntitySpan[]): EntitySpan[][] {
  const lists: EntitySpan[][] = [];
  for (const e of names) {
    const list = lists.at(-1);
    const previous = list?.at(-1);
    const between = previous ? us.filter((u) => u.first >= previous.last && u.last <= e.first) : [];
    if (list && between.length > 0 && between.length <= 2 && between.every((u) => LIST_JOINS.has(u.lower))) list.push(e);
    else lists.push([e]);
  }
  return lists;
}

const BAND_BEFORE = new Set(["band", "duo", "trio", "quartet", "quintet", "rockers", "outfit"]);
const BAND_AFTER = new Set(["frontman", "frontwoman", "guitarist", "drummer", "bassist", "keyboardist", "bandmates", "singer", "vocalist"]);
const PLURAL_VERBS = new Set(["are", "were", "have"]);
/** A list goes on before the name: "Supergrass and Idlewild have" says nothing of Idlewild alone. */
const LIST_BEFORE = new Set(["and", "&", ",", "or", "nor", "with", "plus"]);

/**
 * Bands and other groups outside sport, which the model reads as persons or places: a plural verb
 * after a name that opens its clause ("Roxy Music were formed", "REM have been confirmed"), a band
 * word before it ("the band Idlewild") or a member after it ("Roxy Music frontman Bryan Ferry"). The
 * name is then an organisation throughout the article. A place is left alone ("the Netherlands are").
 */
function groups(sentences: Token[][], units: Unit[][], results: SentenceResult[]): void {
  const bands = new Set<string>();
  results.forEach((r, k) => {
    const us = units[k]!;
    if (!us.some((u) => PLURAL_VERBS.has(u.lower) || BAND_BEFORE.has(u.lower) || BAND_AFTER.has(u.lower))) return;
    let first = 0;
    while (first < us.length && us[first]!.pos === "PUNCT") first++;
    // "And U2 have it in spades": a conjunction opening the sentence opens no list
    if (first + 1 < us.length && /^(and|but|so|yet)$/.test(us[first]!.lower)) first++;
    const memberCue = (i: number, j: number) => {
      const after = us[j + 1]?.lower ?? "";
      const member = after === "'s" || after === "’s" ? us[j + 2]?.lower ?? "" : after;
      return (BAND_BEFORE.has(us[i - 1]?.lower ?? "") && after !== "and") || BAND_AFTER.has(member);
    };
    const pluralCue = (i: number, j: number) => {
      const after = us[j + 1]?.lower ?? "";
      const before = us[i - 1]?.lower ?? "";
      return PLURAL_VERBS.has(after) && (i === first || before === "the" || before === '"' || before === "“") && !LIST_BEFORE.has(before);
    };
    for (const e of r.entities) {
      // (a name the model read as a work or the like is a band only where a member or a band word says so:
      // "The former Libertines singer")
      if (e.type !== "Person" && e.type !== "Location" && e.type !== "Organization" && e.type !== "Other") continue;
      const key = e.words.join(" ");
      const lower = key.toLowerCase();
      if (PLACES.has(lower)) continue;
      // ("Devon singer Joss Stone", "Pop singer": a town, a region or a genre says where or what a singer is from)
      const placeOrGenre = CITIES.has(lower) || REGIONS.has(lower) || (e.words.length === 1 && isOrdinaryWord(lower));
      const i = us.findIndex((u) => u.first === e.first);
      const j = us.findIndex((u) => u.last === e.last);
      if (i < 0 || j < 0) continue;
      const band = placeOrGenre ? e.type !== "Other" && pluralCue(i, j) : memberCue(i, j) || (e.type !== "Other" && pluralCue(i, j));
      if (band) bands.add(key);
    }
    // "REM have": a name the model left out, of no ordinary word, opening the sentence
    const i = first;
    if (i < us.length && /^\p{Lu}/u.test(us[i]!.text) && !r.entities.some((e) => e.last > us[i]!.first && e.first <= us[i]!.first) && !r.demonyms.some((d) => d.index === us[i]!.first)) {
      let j = i;
      while (j + 1 < us.length && /^\p{Lu}/u.test(us[j + 1]!.text)) j++;
      const span = us.slice(i, j + 1);
      const key = span.map((u) => u.text).join(" ");
      if (j - i < 3 && PLURAL_VERBS.has(us[j + 1]?.lower ?? "") && span.every((u) => ((!isOrdinaryWord(u.lower) && !isOrdinaryWord(u.lower.replace(/s$/, ""))) || /^[A-Z0-9]{2,}$/.test(u.text)) && !DEMONYMS.has(u.lower) && !AFFILIATIONS.has(u.lower.replace(/s$/, "")) && !DEMONYMS.has(u.lower.replace(/s$/, ""))) && !PLACES.has(key.toLowerCase())) {
        r.entities.push(spanEntity(sentences[k]!, span, "Organization"));
        r.entities.sort((a, b) => a.first - b.first);
        bands.add(key);
      }
    }
  });
  if (bands.size === 0) return;
  for (const r of results) {
    for (const e of r.entities) {
      if ((e.type === "Person" || e.type === "Location" || e.type === "Other") && bands.has(e.words.join(" "))) {
        e.type = "Organization";
        e.title = undefined;
      }
    }
  }
}

/**
 * "the Scottish Environment Protection Agency (Sepa)": a short form in brackets after a name, made of
 * its capitalised words' initials, is that name's short form; it takes the name's type wherever the
 * article uses it, and is found where the model left it out.
 */
function acronyms(sentences: Token[][], units: Unit[][], results: SentenceResult[]): void {
  const short = new Map<string, EntityType>();
  results.forEach((r, k) => {
    const us = units[k]!;
    for (const e of r.entities) {
      if ((e.type !== "Organization" && e.type !== "Location") || e.words.length < 2) continue;
      const j = us.findIndex((u) => u.last === e.last);
      if (j < 0 || us[j + 1]?.text !== "(" || us[j + 3]?.text !== ")") continue;
      const a = us[j + 2]!.text;
      if (!/^[A-Z][A-Za-z]{1,7}$/.test(a) || !/^[A-Z]{2,}|^[A-Z][a-z]+$/.test(a)) continue;
      const initials = e.words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
      if (initials.toUpperCase() === a.toUpperCase()) short.set(a, e.type);
    }
  });
  if (short.size === 0) return;
  results.forEach((r, k) => {
    const us = units[k]!;
    for (const e of r.entities) {
      const t = e.words.length === 1 ? short.get(e.words[0]!) : undefined;
      if (t && CONSISTENT.has(e.type)) e.type = t;
    }
    const taken = (u: Unit) => r.entities.some((e) => e.first <= u.first && e.last > u.first) || r.demonyms.some((d) => d.index === u.first);
    let added = false;
    for (const u of us) {
      const t = short.get(u.text);
      if (!t || taken(u)) continue;
      r.entities.push(spanEntity(sentences[k]!, [u], t));
      added = true;
    }
    if (added) r.entities.sort((a, b) => a.first - b.first);
  });
}

/** The types a name may take from the rest of its article: the CoNLL three. */
const CONSISTENT: ReadonlySet<EntityType> = new Set(["Person", "Organization", "Location"]);

/**
 * One article, one reading of a name: the model reads each sentence with only what came before it,
 * so a name opening the article, or a sentence, is often missed or mistyped where later mentions are
 * clear ("Ambev" the brewer; "Blunkett" after "David Blunkett"). After every sentence is read:
 * - a name written the same way elsewhere takes the type its mentions give it, by summed confidence;
 * - a person's full name makes the surname alone a person ("Blunkett", "Tomasson");
 * - a name the article gave a type, or a surname, is found where the model left it out, when it stands
 *   alone (no capitalised word beside it it would cut a longer name from).
 */
function documentConsistency(sentences: Token[][], units: Unit[][], results: SentenceResult[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  const surnames = new Map<string, number>();
  for (const r of results) {
    for (const e of r.entities) {
      if (!CONSISTENT.has(e.type) || e.canonical) continue;
      const key = e.words.join(" ");
      let v = votes.get(key);
      if (!v) votes.set(key, (v = new Map()));
      v.set(e.type, (v.get(e.type) ?? 0) + e.typeConfidence);
      if (e.type === "Person" && e.words.length >= 2) {
        const last = e.words[e.words.length - 1]!;
        if (/^\p{Lu}\p{Ll}/u.test(last)) surnames.set(last, Math.max(surnames.get(last) ?? 0, e.typeConfidence));
      }
    }
  }
  const best = (key: string): [EntityType, number, number] | undefined => {
    const v = votes.get(key);
    if (!v) return undefined;
    let type: EntityType | undefined;
    let score = 0;
    let total = 0;
    for (const [t, x] of v) {
      total += x;
      if (x > score) (type = t), (score = x);
    }
    return type ? [type, score, total] : undefined;
  };
  for (const r of results) {
    for (const e of r.entities) {
      if (!CONSISTENT.has(e.type) || e.canonical) continue;
      const key = e.words.join(" ");
      // "Peter Molyneux" read as an organisation where "Molyneux" alone is a person throughout
      if (e.words.length === 2 && e.type !== "Person" && FIRST_NAMES.has(e.words[0]!)) {
        const alone = votes.get(e.words[1]!);
        if (alone && (alone.get("Person") ?? 0) >= 1.5 && [...alone].every(([t, x]) => t === "Person" || x < 0.5)) {
          e.type = "Person";
          continue;
        }
      }
      if (e.words.length === 1 && surnames.has(key) && e.type !== "Person" && e.typeConfidence < 0.95) {
        e.type = "Person";
        e.typeConfidence = Math.min(e.typeConfidence, surnames.get(key)!);
        continue;
      }
      const b = best(key);
      if (!b || b[0] === e.type) continue;
      const own = votes.get(key)!.get(e.type) ?? 0;
      // the other reading must outweigh this one clearly
      if (b[1] >= 1.5 * own && b[1] - own >= 0.5) {
        e.type = b[0];
        e.typeConfidence = b[1] / b[2];
      }
    }
  }
  // names left out: a surname, or a name the article typed surely
  const known = new Map<string, [EntityType, number]>();
  for (const key of votes.keys()) {
    const b = best(key)!;
    const words = key.split(" ");
    if (b[1] < 0.8 || b[1] < 0.7 * b[2] || words.length > 4) continue;
    // a name of ordinary words alone ("Budget", "Home Office") is found only where the model found it
    if (words.every((w) => isOrdinaryWord(w.toLowerCase()) || !/\p{L}/u.test(w))) continue;
    known.set(key, [b[0], b[1] / b[2]]);
  }
  for (const [name, c] of surnames) if (!known.has(name)) known.set(name, ["Person", c]);
  if (known.size === 0) return;
  const firstWords = new Set<string>();
  for (const key of known.keys()) firstWords.add(key.split(" ", 1)[0]!);
  sentences.forEach((tokens, k) => {
    const r = results[k]!;
    const us = units[k]!;
    if (r.error !== undefined) return;
    // units the sentence's entities, demonyms and affiliations hold (marked only where a known name could start)
    let taken: Uint8Array | undefined;
    for (let i = 0; i < us.length; i++) {
      if (!firstWords.has(us[i]!.text)) continue;
      if (!taken) {
        taken = new Uint8Array(us.length);
        let e = 0;
        const spans = [...r.entities.map((x) => [x.first, x.last]), ...r.demonyms.map((d) => [d.index, d.index + 1]), ...r.affiliations.map((a) => [a.first, a.last])];
        for (let j = 0; j < us.length; j++) for (e = 0; e < spans.length; e++) if (spans[e]![0]! <= us[j]!.first && spans[e]![1]! > us[j]!.first) taken[j] = 1;
      }
      break;
    }
    if (!taken) return;
    const capital = (i: number) => i >= 0 && i < us.length && /^\p{Lu}/u.test(us[i]!.text);
    let added = false;
    for (let i = 0; i < us.length; i++) {
      if (taken[i] || !firstWords.has(us[i]!.text) || !capital(i)) continue;
      for (let n = Math.min(4, us.length - i); n >= 1; n--) {
        const span = us.slice(i, i + n);
        if (span.some((_, j) => taken[i + j])) continue;
        const hit = known.get(span.map((u) => u.text).join(" "));
        // standing alone: no capitalised word either side it would be cut from
        if (!hit || capital(i + n) || (capital(i - 1) && !taken[i - 1] && !isTitle(us[i - 1]!.lower.replace(/\.$/, "")) && !isOrdinaryWord(us[i - 1]!.lower))) continue;
        // a surname that is also a word ("King", "Cage") only where a person stands: "Mr King", "Cage's", "King said"
        if (n === 1 && isOrdinaryWord(us[i]!.lower) && !(i > 0 && isTitle(us[i - 1]!.lower.replace(/\.$/, ""))) && !/^('s|’s|said|says|told|added)$/.test(us[i + 1]?.lower ?? "")) continue;
        const [type, confidence] = hit;
        r.entities.push(spanEntity(tokens, span, type, Math.min(0.9, confidence * 0.9), type === "Person" ? titleBefore(us, i) : undefined));
        for (let j = i; j < i + n; j++) taken[j] = 1;
        added = true;
        i += n - 1;
        break;
      }
    }
    if (added) r.entities.sort((a, b) => a.first - b.first);
  });
}

/** The entities of one sentence read alone. */
export function recogniseEntities(tokens: Token[]): SentenceEntities {
  const { error, ...found } = recogniseDocument([tokens])[0]!;
  if (error !== undefined) throw error;
  return found;
}

/** Whether any of units [from, to) is taken (a loop: a subarray view a span cost an allocation). */
function anyCovered(covered: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (covered[k]) return true;
  return false;
}

/** The unit after a person's name: the rules' end when they name the same person further, else `last`. */
function personEnd(units: Unit[], ruled: EntitySpan[], first: number, last: number, limit: number): number {
  const start = units[first]!.first;
  const e = ruled.find((r) => r.type === "Person" && r.first === start && r.typeConfidence >= 0.85);
  if (!e || e.last <= units[last - 1]!.last) return last;
  let end = last;
  while (end < limit && units[end]!.last <= e.last) end++;
  return units[end - 1]!.last === e.last ? end : last;
}

function entitiesOf(tokens: Token[], units: Unit[], doc: DocumentContext): SentenceEntities {
  const out: SentenceEntities = { entities: [], demonyms: [], affiliations: [] };
  if (units.length === 0) return out;
  const covered = new Uint8Array(units.length);
  const rules = ruleTags(tokens, units);
  // equipment and events the rules name with a cue ("exercises named United Resolve", "Pantsir-S
  // systems") are what they are, whatever the model cut: its classes have no such type
  const cued = rules.entities.filter((e) => (e.type === "Equipment" || e.type === "Event") && e.typeConfidence >= 0.8);
  for (const e of cued) {
    const first = units.findIndex((u) => u.first === e.first);
    const last = units.findIndex((u) => u.last === e.last);
    if (first < 0 || last < 0) continue;
    for (let k = first; k <= last; k++) covered[k] = 1;
    // "Michael Jackson, Billy Joel, Jay-Z and Beyonce": a word-and-capital in a list of persons is one
    if (e.type === "Equipment" && first === last && /^[A-Z][a-z]+-[A-Z]$/.test(e.text) && listedWithPerson(units, rules.entities, first)) {
      out.entities.push({ ...e, type: "Person", typeConfidence: 0.6 });
      continue;
    }
    out.entities.push({ ...e });
  }
  const spans = tagWords(entityModel(), units, rules.tags, doc);
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (anyCovered(covered, s.first, s.last)) continue;
    // "Stewart Downing": a person the rules name in full, whose surname the model left out (it knows
    // "Downing" from "Downing Street"), keeps it, up to the model's next name
    if (s.cls === "PER") s.last = personEnd(units, rules.entities, s.first, s.last, spans[i + 1]?.first ?? units.length);
    const span = units.slice(s.first, s.last);
    // "Sir", "Dr", "Mr" alone name no one
    if (span.every((u) => isTitle(u.lower))) continue;
    for (let k = s.first; k < s.last; k++) covered[k] = 1;
    const lower = span.map((u) => u.lower).join(" ");
    let type: EntityType;
    if (s.cls === "MISC") {
      if (span.length === 1 && DEMONYMS.has(lower)) {
        out.demonyms.push({ index: span[0]!.first, country: DEMONYMS.get(lower)! });
        continue;
      }
      if (span.length === 1 && (AFFILIATIONS.has(lower) || (lower.includes("-") && DEMONYMS.has(lower.slice(lower.lastIndexOf("-") + 1))))) {
        out.affiliations.push({ first: span[0]!.first, last: span[0]!.last });
        continue;
      }
      type = miscType(span, lower);
    } else if (span.length === 1 && s.cls !== "PER" && AFFILIATIONS.has(lower) && !doc.sports) {
      // "Catholic pilgrims": a faith or a language alone is no organisation or place ("Celtic" the club is, in sport)
      out.affiliations.push({ first: span[0]!.first, last: span[0]!.last });
      continue;
    } else type = TYPE_OF[s.cls];
    // the gazetteer spells the name ("Kiev" -> "Kyiv", "Nato" -> "NATO"); the type stays the model's
    // ("Ireland" the rugby side is an organisation), unless the gazetteer knows a place the model took
    // for a person ("Georgia"): then the name is not the place's
    const place = PLACES.get(lower);
    const canonical = place && (place.type === type || type === "Organization") ? place.name : type === "Organization" ? ORG_SPELLINGS.get(lower) : undefined;
    out.entities.push({
      first: span[0]!.first,
      last: span[span.length - 1]!.last,
      text: joinUnits(tokens, span),
      start: span[0]!.start,
      end: span[span.length - 1]!.end,
      type,
      canonical,
      title: type === "Person" ? titleBefore(units, s.first) : undefined,
      typeConfidence: canonical ? Math.max(0.9, s.confidence) : s.confidence,
      words: span.map((u) => u.text),
    });
  }
  // an organisation the model left alone that the rules name by its head word ("Moscow's National
  // Nuclear Risk Reduction Centre", "Defence Ministry"), with nothing of it tagged
  for (const e of rules.entities) {
    if (e.type !== "Organization" || e.typeConfidence < 0.8 || e.words.length < 2) continue;
    const first = units.findIndex((u) => u.first === e.first);
    const last = units.findIndex((u) => u.last === e.last);
    if (first < 0 || last < 0 || anyCovered(covered, first, last + 1)) continue;
    for (let k = first; k <= last; k++) covered[k] = 1;
    out.entities.push({ ...e });
  }
  // "Tu-22M3", "S-400": designations are equipment wherever they stand
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (covered[k] || !isDesignation(u.text)) continue;
    out.entities.push(spanEntity(tokens, [u], "Equipment"));
  }
  out.entities.sort((a, b) => a.first - b.first);
  return out;
}
