import { describe, expect, it } from "vitest";
import { resolveInArticle, type MentionInput } from "./inArticle.ts";
import type { EntityType } from "../types.ts";

const m = (text: string, type: EntityType, extra: Partial<MentionInput> = {}): MentionInput => ({
  text,
  name: text,
  type,
  typeConfidence: 0.85,
  titled: false,
  atSentenceStart: false,
  ...extra,
});
const names = (ms: MentionInput[], acronyms = new Map<string, { name: string; type: EntityType }>()) => resolveInArticle(ms, acronyms).map((r) => r?.name);

describe("aliases inside one article", () => {
  it("maps a bare or titled surname to the one full name", () => {
    expect(names([m("Vladimir Putin", "Person"), m("Putin", "Other", { typeConfidence: 0.35 }), m("Putin", "Person", { titled: true })])).toEqual(["Vladimir Putin", "Vladimir Putin", "Vladimir Putin"]);
    expect(names([m("Lukashenko", "Other", { typeConfidence: 0.35 }), m("Alexander Lukashenko", "Person")])).toEqual(["Alexander Lukashenko", "Alexander Lukashenko"]);
  });

  it("reads a line-up's initial and surname as the one full name with them, and a bare surname then as that person: 'M Stevens' -> 'Matt Stevens'", () => {
    expect(names([m("Matt Stevens", "Person"), m("Stevens", "Person"), m("M Stevens", "Person")])).toEqual(["Matt Stevens", "Matt Stevens", "Matt Stevens"]);
    // two with the initial stay apart
    expect(names([m("Matt Stevens", "Person"), m("Mark Stevens", "Person"), m("M Stevens", "Person")])[2]).toBe("M Stevens");
  });

  it("maps a first name to the one person of the article who has it: 'Matt' -> 'Matt Stevens', not when two share it", () => {
    expect(names([m("Matt Stevens", "Person"), m("Matt", "Person")])).toEqual(["Matt Stevens", "Matt Stevens"]);
    expect(names([m("Mike Bryan", "Person"), m("Mike Tindall", "Person"), m("Mike", "Person")])).toEqual(["Mike Bryan", "Mike Tindall", "Mike"]);
    // a word that is a place more often than a first name stays itself
    expect(names([m("Chelsea Clinton", "Person"), m("Chelsea", "Organization")])).toEqual(["Chelsea Clinton", "Chelsea"]);
  });

  it("maps a firm's first word the model took for a person to the one organisation that begins with it: 'Baikal' -> 'Baikal Finance Group'", () => {
    expect(names([m("Baikal Finance Group", "Organization"), m("Baikal", "Person")])).toEqual(["Baikal Finance Group", "Baikal Finance Group"]);
    expect(resolveInArticle([m("Baikal Finance Group", "Organization"), m("Baikal", "Person")], new Map())[1]?.type).toBe("Organization");
    // the shortest of its names is a start of the longest
    expect(names([m("Fox Entertainment", "Organization"), m("Fox Entertainment Group", "Organization"), m("Fox", "Person")])[2]).toBe("Fox Entertainment Group");
    // a word typed an organisation is the parent, not its branch; two organisations leave the word as it is
    expect(names([m("Sony Pictures Entertainment", "Organization"), m("Sony", "Organization")])[1]).toBe("Sony");
    expect(names([m("Baikal Finance Group", "Organization"), m("Baikal Oil", "Organization"), m("Baikal", "Person")])[2]).toBe("Baikal");
  });

  it("drops a body's kind without its name ('Committee chairman Michael Jack'), keeps it when the article names the body", () => {
    expect(names([m("Committee", "Organization", { atSentenceStart: true }), m("Michael Jack", "Person")])).toEqual([undefined, "Michael Jack"]);
    expect(names([m("Home Affairs Committee", "Organization"), m("Committee", "Organization")])).toEqual(["Home Affairs Committee", "Home Affairs Committee"]);
  });

  it("makes no node of a nationality, a demonym, an adjective of a name or a currency", () => {
    expect(names([m("Britons", "Other"), m("Spaniard", "Other"), m("South African", "Other"), m("Olympic", "Other"), m("A$", "Other"), m("Kelly Holmes", "Person")])).toEqual([undefined, undefined, undefined, undefined, undefined, "Kelly Holmes"]);
    // a country is still a place
    expect(names([m("South Africa", "Location")])).toEqual(["South Africa"]);
  });

  it("maps a surname of several words, its particle capitalised, to the one full name: 'De Vries' -> 'Pieter de Vries'", () => {
    expect(names([m("Pieter de Vries", "Person"), m("De Vries", "Person", { atSentenceStart: true })])).toEqual(["Pieter de Vries", "Pieter de Vries"]);
    // two people who share it stay apart
    expect(names([m("Pieter de Vries", "Person"), m("Anna de Vries", "Person"), m("De Vries", "Person")])).toEqual(["Pieter de Vries", "Anna de Vries", "De Vries"]);
  });

  it("maps an organisation's last word to the one organisation of the article ending in it: 'United' -> 'Manchester United'", () => {
    expect(names([m("Manchester United", "Organization"), m("United", "Organization")])).toEqual(["Manchester United", "Manchester United"]);
    // a broadcaster's branch named by a place is no long name of the club: "BBC Newcastle"; "AC Milan" and "UK Athletics" are
    expect(names([m("BBC Newcastle", "Organization"), m("Newcastle", "Organization")])).toEqual(["BBC Newcastle", "Newcastle"]);
    expect(names([m("AC Milan", "Organization"), m("Milan", "Organization")])).toEqual(["AC Milan", "AC Milan"]);
    expect(names([m("UK Athletics", "Organization"), m("Athletics", "Organization")])).toEqual(["UK Athletics", "UK Athletics"]);
    // two clubs that end in it: left as is
    expect(names([m("Manchester United", "Organization"), m("Newcastle United", "Organization"), m("United", "Organization")])).toEqual(["Manchester United", "Newcastle United", "United"]);
  });

  it("maps 'Mr Xi' to Xi Jinping by the family name first", () => {
    expect(names([m("Xi Jinping", "Person"), m("Xi", "Person", { titled: true, typeConfidence: 0.9 })])).toEqual(["Xi Jinping", "Xi Jinping"]);
  });

  it("lets a surname that is also a town resolve to the person", () => {
    const r = resolveInArticle([m("Michael Jackson", "Person"), m("Jackson", "Location", { typeConfidence: 0.75 })], new Map());
    expect(r[1]).toMatchObject({ name: "Michael Jackson", type: "Person" });
  });

  it("never merges two people who share a surname", () => {
    expect(names([m("Joe Biden", "Person"), m("Hunter Biden", "Person"), m("Biden", "Person", { titled: true })])).toEqual(["Joe Biden", "Hunter Biden", "Biden"]);
  });

  it("upper-cases an acronym written in title case when the article has it in capitals", () => {
    const ms = [m("Nato", "Organization", { typeConfidence: 0.95 }), m("NATO", "Organization", { typeConfidence: 0.95 })];
    expect(names(ms)).toEqual(["NATO", "NATO"]);
  });

  it("maps an acronym defined in the text to its name", () => {
    const acronyms = new Map([["CIT", { name: "Conflict Intelligence Team", type: "Organization" as EntityType }]]);
    const r = resolveInArticle([m("Conflict Intelligence Team", "Organization"), m("CIT", "Organization", { typeConfidence: 0.6 })], acronyms);
    expect(r[1]).toMatchObject({ name: "Conflict Intelligence Team", type: "Organization" });
  });
});
