/**
 * Readings of the tagger the model gets wrong as a class, from words next to a name:
 * - a noun for a company right before a name makes it an organisation, in the whole article ("beer
 *   firm Ambev", "US beermaker Anheuser-Busch", "Yukos unit Yuganskneftegas": the model reads
 *   unknown one-word firms as persons or places), and so do its shares after it or a stake in it ("Pernod
 *   shares slipped", "a stake in Yugansk"), and a description after it whose head is a company's noun
 *   ("Glenmorangie, one of Scotland's premier whisky firms,");
 * - a demonym before capitalised words ending in an institution's word, or before a short form, is
 *   one organisation ("the Spanish FA", "the Indian Merchants Chamber");
 * - a party's name the model reads in two pieces at a sentence's start is one ("Liberal" + "Democrat");
 * - words the annotation guidelines never tag as names: "Budget" (the annual statement), "Cabinet",
 *   and generic acronyms ("ISBN", "GMT").
 */
import type { Token } from "../nlp/index.ts";
import { CITIES, COMMON_ACRONYMS, DEMONYMS, FIRST_NAMES, NOT_NAMES, ORG_SPELLINGS, PLACES } from "./gazetteer.ts";
import { isTitle, joinUnits, type EntitySpan, type SentenceEntities, type Unit } from "./recognize.ts";

/** Nouns for a company right before its name. Not "developer", "producer", "publisher", "film-maker": persons too. */
const COMPANY_NOUNS = new Set(["firm", "firms", "company", "brewer", "beermaker", "carmaker", "drugmaker", "chipmaker", "automaker", "steelmaker", "retailer", "supermarket", "conglomerate", "subsidiary", "unit", "insurer", "lender", "airline", "carrier", "telecoms", "distributor", "distributors", "label", "bank", "broadcaster", "manufacturer", "supplier", "chain", "giant"]);
/** Heads of a description that make the name before it a company: "Ambev, the Brazilian brewer,". Not "developer", "producer", "maker": persons too. */
const COMPANY_HEADS = new Set(["firm", "firms", "company", "companies", "brewer", "brewers", "carmaker", "drugmaker", "chipmaker", "retailer", "retailers", "conglomerate", "subsidiary", "insurer", "lender", "airline", "carrier", "manufacturer", "distributor", "supplier", "chain", "giant", "bank", "broadcaster"]);
/** Nouns for what is held in a company, right after its name ("Pernod shares"; not "stakes a claim", "Frankfurt stock exchange"). */
const SHARE_NOUNS_AFTER = new Set(["shares", "shareholders"]);
/** The same before "in" and its name: "a stake in Yugansk". */
const SHARE_NOUNS_BEFORE = new Set(["shares", "stake", "stakes", "shareholding"]);
/** Nouns for a company only after the word of its trade ("software developer Connectotel", "net provider Wanadoo"): alone they are persons too. */
const TRADE_COMPANY_NOUNS = new Set(["developer", "developers", "publisher", "maker", "provider", "operator", "group", "specialist"]);
const TRADES = new Set(["software", "games", "game", "oil", "car", "chip", "net", "internet", "web", "phone", "mobile", "telecoms", "media", "music", "record", "drug", "drugs", "energy", "food", "drinks", "steel", "tobacco", "insurance", "investment", "technology", "tech", "computer", "search", "security", "travel", "toy", "property", "engineering", "defence", "construction", "aircraft"]);
/** Last words of an institution's name after a demonym: "the Spanish FA", "the Indian Merchants Chamber". */
const INSTITUTION_TAILS = new Set(["fa", "rfu", "executive", "parliament", "assembly", "party", "federation", "union", "council", "chamber", "association", "society", "institute", "institution", "museum", "academy", "foundation", "commission", "committee", "ministry", "department", "agency", "authority", "trust", "university", "college", "army", "navy", "church", "bank", "airways", "airlines", "embassy", "fund"]);
/** Single words the guidelines never tag as names, whatever the model reads. */
const NEVER_NAMES = new Set(["budget", "cabinet"]);
const GENERIC_ACRONYMS = new Set(["GMT", "BST", "UTC", "CET", "EST", "HIV", "AIDS", "Aids", "ISBN", "PIN", "SIM", "URL", "OBE", "MBE", "CBE", "RPG", "LP", "EP", "DVD", "CD", "PC", "TV", "PR", "SMS", "GPS", "USB", "PDF", "ID"]);

const upper = (u: Unit | undefined) => !!u && /^\p{Lu}/u.test(u.text);

function spanEntity(tokens: Token[], span: Unit[], type: EntitySpan["type"], typeConfidence: number): EntitySpan {
  const first = span[0]!;
  const last = span[span.length - 1]!;
  return { first: first.first, last: last.last, text: joinUnits(tokens, span), start: first.start, end: last.end, type, canonical: undefined, title: undefined, typeConfidence, words: span.map((u) => u.text) };
}

/** Sentence-level: demonym + institution's name, and names never tagged. */
export function sentenceCues(tokens: Token[], us: Unit[], r: SentenceEntities): void {
  // "Budget", "Cabinet", "ISBN": no names
  r.entities = r.entities.filter((e) => !(e.words.length === 1 && (e.type === "Organization" || e.type === "Location" || e.type === "Person" || e.type === "Other") && (NEVER_NAMES.has(e.words[0]!.toLowerCase()) || GENERIC_ACRONYMS.has(e.words[0]!))));
  // "Liberal Democrat leader ..." opening a sentence: the model reads two organisations, "Liberal" and
  // "Democrat"; a party's name read in two pieces is one
  for (let k = 0; k + 1 < r.entities.length; k++) {
    const [a, b] = [r.entities[k]!, r.entities[k + 1]!];
    if (a.type !== "Organization" || b.type !== "Organization" || b.first !== a.last || b.start !== a.end + 1) continue;
    const canonical = ORG_SPELLINGS.get(`${a.text} ${b.text}`.toLowerCase());
    if (!canonical) continue;
    const span = us.filter((u) => u.first >= a.first && u.last <= b.last);
    r.entities.splice(k, 2, { ...spanEntity(tokens, span, "Organization", 0.9), canonical });
  }
  for (const d of [...r.demonyms]) {
    const i = us.findIndex((u) => u.first === d.index);
    if (i < 0 || !upper(us[i + 1]) || us[i + 1]!.start === us[i]!.end) continue;
    let j = i + 1;
    while (j < us.length && j - i <= 4 && upper(us[j])) j++;
    const tail = us[j - 1]!;
    // "Spanish FA", "Indian Merchants Chamber", "Scottish Parliament"
    if (!INSTITUTION_TAILS.has(tail.lower) && !(j === i + 2 && /^[A-Z]{2,4}$/.test(tail.text) && !COMMON_ACRONYMS.has(tail.text))) continue;
    // "Russian Federation" is the country
    if (PLACES.has(us.slice(i, j).map((u) => u.lower).join(" "))) continue;
    const first = us[i]!.first;
    const last = tail.last;
    // only over what the model left out, or read as pieces of the name
    const inside = r.entities.filter((e) => e.first < last && e.last > first);
    if (inside.some((e) => e.first < first || e.last > last || e.type === "Person")) continue;
    r.entities = r.entities.filter((e) => !inside.includes(e));
    r.entities.push(spanEntity(tokens, us.slice(i, j), "Organization", 0.8));
    r.entities.sort((a, b) => a.first - b.first);
    r.demonyms = r.demonyms.filter((x) => x !== d);
  }
}

/** Words that open a description after a name and a comma. */
const DESCRIPTION_OPENERS = new Set(["a", "an", "the", "one"]);

/** Shares of the name right after it ("Pernod shares"; not the verb, "Hale shares his view") or a stake in it before. */
function sharesHeld(us: Unit[], first: number, last: number): boolean {
  const after = us[last + 1];
  return (!!after && SHARE_NOUNS_AFTER.has(after.lower) && after.pos !== "VERB") || (us[first - 1]?.lower === "in" && SHARE_NOUNS_BEFORE.has(us[first - 2]?.lower ?? ""));
}

/**
 * "Glenmorangie, one of Scotland's premier whisky firms,", "Ambev, the Brazilian brewer.": a description after
 * the name whose head, the last word before the next comma or full stop, is a company's noun (not one inside a
 * preposition's phrase: "Tom Hale, an analyst at the firm").
 */
function describedAsCompany(us: Unit[], comma: number): boolean {
  if (us[comma]?.text !== "," || !DESCRIPTION_OPENERS.has(us[comma + 1]?.lower ?? "")) return false;
  const first = us[comma + 1]!.lower === "one" && us[comma + 2]?.lower === "of" ? comma + 3 : comma + 2;
  for (let k = first; k < us.length && k <= comma + 10; k++) {
    const u = us[k]!;
    if (u.text === "," || u.text === "." || u.text === ";") return k > first && COMPANY_HEADS.has(us[k - 1]!.lower);
    if (u.pos === "ADP" || u.pos === "VERB" || u.lower === "who" || u.lower === "which") return false;
  }
  return false;
}

/** Article-level: a company noun before a name makes it an organisation wherever the article writes it. */
export function companyCues(sentences: Token[][], units: Unit[][], results: (SentenceEntities & { error?: unknown })[]): void {
  const cued = new Set<string>();
  results.forEach((r, k) => {
    if (r.error !== undefined) return;
    const us = units[k]!;
    // "Pernod shares slipped", "a stake in Yugansk", "Glenmorangie, one of Scotland's premier whisky firms,"
    for (const e of r.entities) {
      if (e.type !== "Person" && e.type !== "Location") continue;
      const i = us.findIndex((u) => u.first === e.first);
      const j = us.findIndex((u) => u.last === e.last);
      if (i < 0 || j < 0 || !(sharesHeld(us, i, j) || describedAsCompany(us, j + 1))) continue;
      const words = e.words.join(" ");
      // (not a known place nor a person with a first name: "UK shares", "Tom Hale, a software firm's founder")
      if (e.canonical || PLACES.has(words.toLowerCase()) || CITIES.has(words.toLowerCase()) || (e.type === "Person" && FIRST_NAMES.has(e.words[0]!))) continue;
      cued.add(words);
    }
    for (let i = 1; i < us.length; i++) {
      const cue = us[i - 1]!;
      const companyNoun = COMPANY_NOUNS.has(cue.lower) || (TRADE_COMPANY_NOUNS.has(cue.lower) && TRADES.has(us[i - 2]?.lower ?? ""));
      if (!companyNoun || cue.text !== cue.lower || !upper(us[i])) continue;
      const e = r.entities.find((x) => x.first === us[i]!.first);
      if (e) {
        // (an organisation here too: the article's other mentions may read as a person)
        if (e.type !== "Person" && e.type !== "Location" && e.type !== "Organization") continue;
        if (e.type === "Person" && e.words.length >= 2 && FIRST_NAMES.has(e.words[0]!)) continue;
        if (e.type === "Location" && (e.canonical || PLACES.has(e.words.join(" ").toLowerCase()) || CITIES.has(e.words.join(" ").toLowerCase()))) continue;
        cued.add(e.words.join(" "));
        continue;
      }
      if (r.entities.some((x) => x.first <= us[i]!.first && x.last > us[i]!.first) || r.demonyms.some((d) => d.index === us[i]!.first)) continue;
      // a name the model left out: a run of capitalised words, not a known place or a nationality
      let j = i;
      while (j < us.length && j - i < 4 && upper(us[j]) && !r.entities.some((x) => x.first <= us[j]!.first && x.last > us[j]!.first)) j++;
      const span = us.slice(i, j);
      const lower = span.map((u) => u.lower).join(" ");
      if (PLACES.has(lower) || DEMONYMS.has(span[0]!.lower) || NOT_NAMES.has(span[0]!.lower) || isTitle(span[0]!.lower.replace(/\.$/, "")) || (span.length >= 2 && FIRST_NAMES.has(span[0]!.text))) continue;
      r.entities.push(spanEntity(sentences[k]!, span, "Organization", 0.8));
      r.entities.sort((a, b) => a.first - b.first);
      cued.add(span.map((u) => u.text).join(" "));
      i = j - 1;
    }
  });
  if (cued.size === 0) return;
  for (const r of results) {
    for (const e of r.entities) {
      if ((e.type === "Person" || e.type === "Location") && !e.canonical && cued.has(e.words.join(" "))) {
        e.type = "Organization";
        e.title = undefined;
        e.typeConfidence = Math.max(e.typeConfidence, 0.8);
      }
    }
  }
}
