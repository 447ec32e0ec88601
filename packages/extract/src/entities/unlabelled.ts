/**
 * Names the model left out: a run of two or more capitalised words inside a sentence that no reading
 * took ("include The Specials' Rat Race", "went to Clint Eastwood for Million Dollar Baby", "replace US
 * act Scissor Sisters"). The teachers the model learnt from miss most titles and bands, so it reads
 * them as plain words, and a graph without them loses the facts about them. They are MISC (our Other),
 * unless their end or the words before them tell (see typeOf), with a low type confidence the
 * corpus-wide vote and the triple confidence read.
 * Left alone: a run that opens a sentence, a quotation or a clause (capitals there say nothing); one
 * with a title or the rest of one ("Prime Minister", "Home Secretary", "Director of Public
 * Prosecutions"), a date or "I" in it; one touching a name already read (a name cut short is the
 * model's to mend, not a second name); a line that is mostly capitals (a headline or a line-up: "Subs
 * Not Used: ...").
 */
import type { Token } from "../nlp/index.ts";
import type { EntityType } from "../types.ts";
import { COMPETITION_WORDS, EVENT_WORDS, isRoleNoun, ORG_CUES, ORG_WORDS, PERSON_CUES } from "./gazetteer.ts";
import { isTitle, joinUnits, TITLE_MODIFIERS, type EntitySpan, type SentenceEntities, type Unit } from "./recognize.ts";
import { CALENDAR } from "./works.ts";

/** Small words a name may hold between its capitalised ones: "Freedom of Information Act", "Eternal Sunshine of the Spotless Mind". */
const INNER = new Set(["of", "the", "de", "du", "von", "van", "in"]);
const NUMBER = /^\d{1,4}$/;
/** What ends a run's left side as a sentence start does. */
const OPENERS = new Set(['"', "'", "“", "‘", "(", "[", ":", ";", "-", "–", "—", "..."]);
/** Dates a run stops at ("Wall Street in January", "the New Year"): the calendar, and these. */
const DATE_WORDS = new Set(["year", "christmas", "easter"]);
const isDate = (lower: string) => CALENDAR.test(lower) || DATE_WORDS.has(lower);
const FIRST_PERSON = /^i(?:'[a-z]+|’[a-z]+)?$/;
/** A letter alone or an abbreviation: part of a name cut or run on ("Granada R", "No. Five", "Japan K.K."), seldom one alone. */
const CUT_WORD = /^\p{Lu}$|\.$/u;
/** Words between a role and its organisation: "president of Exhibitor Relations", "analyst at X". */
const ROLE_LINKS = new Set(["of", "at", "with"]);
/** Roles whose "for" names an organisation ("spokesman for Ask Jeeves"); after most, "for" names a work ("best director for Million Dollar Baby"). */
const SPOKESMEN = new Set(["spokesman", "spokeswoman", "spokesperson", "analyst", "consultant", "adviser", "advisor", "correspondent"]);
/** Last words of places: "Wall Street", "the Millennium Stadium". */
const PLACE_ENDS = new Set(["street", "road", "avenue", "square", "stadium", "park", "bridge", "castle", "palace", "arena", "airport"]);

const capitalised = (u: Unit | undefined) => !!u && /^\p{Lu}/u.test(u.text);
/** An apostrophe closing a plural's possessive, not opening a quotation: "The Specials' Rat Race". */
const closesPossessive = (us: Unit[], k: number) => us[k]!.text === "'" && k > 0 && us[k]!.start === us[k - 1]!.end && /s$/.test(us[k - 1]!.text);

/** The units of a sentence inside a name already read. */
function coveredUnits(us: Unit[], r: SentenceEntities): Uint8Array {
  const covered = new Uint8Array(us.length);
  us.forEach((u, k) => {
    if (r.entities.some((e) => e.first < u.last && e.last > u.first) || r.demonyms.some((d) => d.index >= u.first && d.index < u.last) || r.affiliations.some((a) => a.first < u.last && a.last > u.first)) covered[k] = 1;
  });
  return covered;
}

/** Whether three words in four of the sentence are capitalised: a headline in title case, a line-up. (A sentence of titles, "include The Specials' Rat Race …", has fewer.) */
function mostlyCapitalised(us: Unit[]): boolean {
  const words = us.filter((u) => /^\p{L}/u.test(u.text));
  return words.length > 0 && words.filter(capitalised).length * 4 > words.length * 3;
}

/** The runs [first, last) of a sentence's units that are names nothing read. */
export function unlabelledRuns(us: Unit[], r: SentenceEntities): [number, number][] {
  if (mostlyCapitalised(us)) return [];
  const covered = coveredUnits(us, r);
  const runs: [number, number][] = [];
  let i = 1;
  while (i < us.length) {
    if (!capitalised(us[i]) || covered[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < us.length && capitalised(us[j]) && !covered[j]) j++;
      // (not into a date: "Wall Street in January")
      else if (j + 1 < us.length && INNER.has(us[j]!.lower) && capitalised(us[j + 1]) && !covered[j + 1] && !isDate(us[j + 1]!.lower)) j += 2;
      // "of the": two small words
      else if (j + 2 < us.length && INNER.has(us[j]!.lower) && INNER.has(us[j + 1]!.lower) && capitalised(us[j + 2]) && !covered[j + 2]) j += 3;
      // a number inside or at the end: "Il Sole 24 Ore", "Service Pack 2", "Security Act 2001"
      else if (j < us.length && NUMBER.test(us[j]!.text) && !covered[j] && j - i >= 2) j++;
      else break;
    }
    const span = us.slice(i, j);
    const ok =
      span.filter(capitalised).length >= 2 &&
      (!OPENERS.has(us[i - 1]!.text) || closesPossessive(us, i - 1)) &&
      // the rest of a title: "Director of Public Prosecutions"
      !(us[i - 1]!.lower === "of" && i >= 2 && capitalised(us[i - 2]) && isTitle(us[i - 2]!.lower)) &&
      !covered[i - 1] &&
      !(j < us.length && (covered[j] || us[j]!.text === ":")) &&
      !span.some((u) => isTitle(u.lower) || TITLE_MODIFIERS.has(u.lower) || isDate(u.lower) || FIRST_PERSON.test(u.lower) || CUT_WORD.test(u.text));
    if (ok) runs.push([i, j]);
    i = j;
  }
  return runs;
}

/**
 * A name's type, by how it ends (an Event, "the Six Nations"; a Location, "Wall Street"; an Organization,
 * "Demico Futures Inc"), else by the words before it ("spokesman for Ask Jeeves", "US act Scissor
 * Sisters", "rapper The Game", a work's maker "by The Who") or the persons it is listed with ("Buju
 * Banton, Bounty Killer, TOK"); Other (MISC) when nothing tells.
 */
function typeOf(us: Unit[], i: number, j: number, r: SentenceEntities): EntityType {
  // a number ends it: the word before tells
  let end = j - 1;
  while (end > i && NUMBER.test(us[end]!.text)) end--;
  const last = us[end]!.lower;
  if (EVENT_WORDS.has(last) || COMPETITION_WORDS.has(last)) return "Event";
  if (PLACE_ENDS.has(last)) return "Location";
  if (ORG_WORDS.has(last)) return "Organization";
  const before = us[i - 1]!.lower;
  if (ORG_CUES.has(before) || before === "act" || (i >= 2 && ((ROLE_LINKS.has(before) && isRoleNoun(us[i - 2]!.lower)) || (before === "for" && SPOKESMEN.has(us[i - 2]!.lower))))) return "Organization";
  if (PERSON_CUES.has(before)) return "Person";
  // a work's maker: "Who's Next by The Who"
  if (before === "by" && i >= 2 && r.entities.some((e) => e.type === "Other" && e.last === us[i - 2]!.last)) return "Organization";
  // in a list of persons: after one ("Buju Banton, Bounty Killer,"), or beside one by "and" ("Robert De Niro and
  // Barbra Streisand"); not an apposition ("school St Fintian's, Richard Fogarty, said") nor a band ("Morrissey and The Libertines")
  const person = (k: number) => r.entities.some((e) => e.type === "Person" && us[k] && e.first <= us[k]!.first && e.last >= us[k]!.last);
  const separator = (k: number) => !!us[k] && (us[k]!.text === "," || us[k]!.lower === "and");
  const and = (k: number) => us[k]?.lower === "and";
  if (us[i]!.lower !== "the" && ((separator(i - 1) && person(i - 2) && (separator(j) || j === us.length - 1)) || (and(i - 1) && person(i - 2)) || (and(j) && person(j + 1)))) return "Person";
  return "Other";
}

/**
 * Adds the names nothing read to every sentence of an article. A name the article types somewhere (by a
 * cue, or where the model read the same words) has that type at every mention: "spokesman for Ask Jeeves"
 * makes "Google, Ask Jeeves, MSN" an organisation too.
 */
export function unlabelledNames(sentences: Token[][], units: Unit[][], results: (SentenceEntities & { error?: unknown })[]): void {
  const known = new Map<string, EntityType>();
  for (const r of results) for (const e of r.entities) if (e.type !== "Other") known.set(e.text, e.type);
  const added: EntitySpan[] = [];
  results.forEach((r, s) => {
    if (r.error !== undefined) return;
    const us = units[s]!;
    for (const [i, j] of unlabelledRuns(us, r)) {
      const span = us.slice(i, j);
      const type = typeOf(us, i, j, r);
      const e: EntitySpan = { first: span[0]!.first, last: span[span.length - 1]!.last, text: joinUnits(sentences[s]!, span), start: span[0]!.start, end: span[span.length - 1]!.end, type, canonical: undefined, title: undefined, typeConfidence: 0.5, words: span.map((u) => u.text) };
      if (type !== "Other" && !known.has(e.text)) known.set(e.text, type);
      r.entities.push(e);
      added.push(e);
    }
    r.entities.sort((a, b) => a.first - b.first);
  });
  for (const e of added) if (e.type === "Other") e.type = known.get(e.text) ?? "Other";
}
