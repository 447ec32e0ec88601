/**
 * Alias resolution inside one article: "Mr Putin" and "Putin" become
 * "Vladimir Putin" when the article names exactly one person so; acronyms
 * defined in the text ("Conflict Intelligence Team (CIT)") and spellings the
 * gazetteer knows ("Kiev", "Nato") map to one canonical name. Two people who
 * share a surname stay apart: a bare surname with two candidates is left as is.
 */
import type { EntityType } from "../types.ts";
import { DEMONYMS, FIRST_NAMES, GENERIC_BODIES, isNationalityNoun, NAME_ADJECTIVES, ORG_PREFIXES, PLACES } from "../entities/gazetteer.ts";

export interface MentionInput {
  text: string;
  /** Name after gazetteer canonicalisation. */
  name: string;
  type: EntityType;
  typeConfidence: number;
  titled: boolean;
  atSentenceStart: boolean;
}

export interface Resolved {
  name: string;
  type: EntityType;
  typeConfidence: number;
}

/**
 * "BBC Newcastle", "ITV Wales": an acronym's branch named by a place, not a club's or firm's long name ("AC
 * Milan" is one, and so is "UK Athletics": a country's short form).
 */
function branchOfAcronym(name: string): boolean {
  const first = name.slice(0, name.indexOf(" "));
  return /^[A-Z]{2,5}$/.test(first) && !ORG_PREFIXES.has(first.toLowerCase()) && PLACES.get(first.toLowerCase())?.type !== "Location";
}

/**
 * The one organisation whose name begins with the word: "Fox" -> "Fox Entertainment Group" also when the
 * article shortens it to "Fox Entertainment" (the longest, when every other is a start of it).
 */
function firstWordOf(organisations: string[], word: string): string | undefined {
  let longest: string | undefined;
  for (const o of organisations) if (o.startsWith(word + " ") && (!longest || o.length > longest.length)) longest = o;
  if (!longest) return undefined;
  for (const o of organisations) if (o.startsWith(word + " ") && !longest.startsWith(o)) return undefined;
  return longest;
}

/** "M Stevens", "M. Stevens": the one full name of the article with that surname and first initial. */
function initialFor(name: string, people: string[]): string | undefined {
  const m = /^([A-Z])\.? (\S.*)$/.exec(name);
  if (!m) return undefined;
  const fuller = people.filter((p) => p !== name && p.endsWith(" " + m[2]) && p.startsWith(m[1]!) && /^\S{2,}/.test(p) && !/^[A-Z]\.? /.test(p));
  return fuller.length === 1 ? fuller[0] : undefined;
}

/** A name, resolved, that stands for no node of the graph. */
function isNoNode(name: string, type: EntityType, atSentenceStart: boolean): boolean {
  const oneWord = !name.includes(" ");
  if (atSentenceStart && type === "Other" && oneWord) return true;
  // "Committee chairman Michael Jack": a body's kind without the name it stands for
  if (oneWord && GENERIC_BODIES.has(name.toLowerCase())) return true;
  if (/^(Western|Eastern|Northern|Southern|Baltic)$/.test(name)) return true;
  // "Britons", "the Spaniard", "South African", "Olympic champion", "A$": a nationality, an adjective or a
  // currency (the person or country it stands for is named elsewhere)
  return isNationalityNoun(name) || (type === "Other" && DEMONYMS.has(name.toLowerCase())) || NAME_ADJECTIVES.has(name) || /^[A-Z]{1,3}\$$/.test(name);
}

export function resolveInArticle(mentions: MentionInput[], acronyms: Map<string, { name: string; type: EntityType }>): (Resolved | undefined)[] {
  const allCaps = new Set(mentions.filter((m) => /^[A-Z0-9&.\- ]+$/.test(m.name) && /[A-Z]{2}/.test(m.name)).map((m) => m.name));
  const named = [...new Set(mentions.filter((m) => m.type === "Person" && m.name.includes(" ")).map((m) => m.name))];
  // "M Stevens" in a line-up is the "Matt Stevens" the article names: one person, not a second candidate
  const fullPeople = named.filter((p) => !initialFor(p, named));
  const fullOrganizations = [...new Set(mentions.filter((m) => m.type === "Organization" && m.name.includes(" ")).map((m) => m.name))];

  // The best-supported type for each canonical name.
  const typeOf = new Map<string, { type: EntityType; conf: number }>();
  const remember = (name: string, type: EntityType, conf: number) => {
    const seen = typeOf.get(name);
    if (!seen || conf > seen.conf) typeOf.set(name, { type, conf });
  };

  const first: (Resolved | undefined)[] = mentions.map((m) => {
    let name = m.name;
    let type = m.type;
    let conf = m.typeConfidence;
    const acronym = acronyms.get(name);
    if (acronym) {
      name = acronym.name;
      type = acronym.type;
      conf = 0.9;
    }
    if (/[a-z]/.test(name) && allCaps.has(name.toUpperCase())) name = name.toUpperCase(); // "Nato" -> "NATO"
    const expanded = type === "Person" ? initialFor(name, named) : undefined;
    if (expanded) name = expanded;
    // A weakly typed single word may be a surname ("Jackson" is also a town): only when a person of that name is in the article
    if (!name.includes(" ") && (type === "Person" || type === "Other" || conf < 0.8 || m.titled)) {
      const byLast = fullPeople.filter((p) => p.split(" ").at(-1) === name);
      // "Mr Xi" -> "Xi Jinping": family name first, only with a title as evidence; "I'm confident Matt will
      // grasp this opportunity" -> "Matt Stevens": a first name, for the one person of the article who has it
      const byFirst = m.titled || (type === "Person" && FIRST_NAMES.has(name));
      const candidates = byLast.length ? byLast : byFirst ? fullPeople.filter((p) => p.split(" ")[0] === name) : [];
      if (candidates.length === 1) {
        name = candidates[0]!;
        type = "Person";
        conf = 0.85;
      }
    }
    // "De Vries" -> "Pieter de Vries", "Al Jaber" -> "Sultan Al Jaber": a surname of several words, its
    // particle capitalised at a sentence's start
    if (name.includes(" ") && (type === "Person" || conf < 0.8)) {
      const tail = " " + name.toLowerCase();
      const candidates = fullPeople.filter((p) => p.length > tail.length && p.toLowerCase().endsWith(tail));
      if (candidates.length === 1) {
        name = candidates[0]!;
        type = "Person";
        conf = Math.max(conf, 0.85);
      }
    }
    // "United" -> "Manchester United", "the Commission" -> "European Commission": an organisation's last
    // word for the one organisation of the article that ends in it
    if (!name.includes(" ") && type === "Organization" && /^[A-Z][a-z]/.test(name)) {
      // (not a branch named after its parent: "BBC Newcastle", the radio station, for the club)
      const candidates = fullOrganizations.filter((o) => o.endsWith(" " + name) && !branchOfAcronym(o));
      if (candidates.length === 1) name = candidates[0]!;
    }
    // "Baikal" -> "Baikal Finance Group", "Shanda" -> "Shanda Interactive Entertainment": a firm's first word,
    // which the model took alone for a person, for the one organisation of the article that begins with it;
    // not a place or a first name ("Manchester", "Tony"), and not a word typed an organisation itself, which
    // is the parent ("Sony", not "Sony Pictures Entertainment")
    if (name === m.name && !name.includes(" ") && type === "Person" && /^[A-Z][a-z]/.test(name) && !PLACES.has(name.toLowerCase()) && !FIRST_NAMES.has(name)) {
      const organisation = firstWordOf(fullOrganizations, name);
      if (organisation) {
        name = organisation;
        type = "Organization";
        conf = Math.max(conf, 0.85);
      }
    }
    if (isNoNode(name, type, m.atSentenceStart)) return undefined;
    remember(name, type, conf);
    return { name, type, typeConfidence: conf };
  });
  // Every mention of a name gets the best-supported type and how sure that type is.
  return first.map((r) => {
    if (!r) return undefined;
    const best = typeOf.get(r.name)!;
    return { ...r, type: best.type, typeConfidence: best.conf };
  });
}
