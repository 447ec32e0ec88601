import { describe, expect, test } from "vitest";
import { extractArticle } from "../extract.ts";
import type { Triple } from "../types.ts";
import { classify } from "./classify.ts";
import { defaultSchema, effectiveSchema, readSchema, SchemaError } from "./schema.ts";

/** The triples kg extract gives on one sentence of our own, as "subject predicate object CLASS". */
function classed(text: string): string[] {
  return extractArticle({ id: "s.txt", text }).triples.map((t: Triple) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
}

describe("the built-in schema classes what the sentence says", () => {
  test("globs: a name, an ending ('*_analyst_at'), a middle ('hold_talks_*') and the generic '*' each take what they say", () => {
    const of = (predicate: string, subjectType = "Person", objectType = "Organization") => classify({ predicate, subjectType, objectType } as Parameters<typeof classify>[0])?.relation;
    expect(of("work_for")).toBe("WORKS_FOR");
    expect(of("senior_analyst_at")).toBe("WORKS_FOR");
    expect(of("analyst_at")).toBe("WORKS_FOR");
    expect(of("hold_talks_in", "Person", "Location")).toBe("MEET_AT_THIRD_LOCATION");
    expect(of("outbid", "Organization", "Organization")).toBe("ACTS_ON");
    expect(of("outbid", "Other", "Other")).toBe("RELATED");
  });

  test("an organisation started is one created; a race or talks started are not", () => {
    expect(classed("The Mozilla Foundation was started by Netscape in 1998.")).toEqual(["Netscape start Mozilla Foundation CREATE"]);
    expect(classify({ predicate: "start", subjectType: "Person", objectType: "Event" })?.relation).not.toBe("CREATE");
  });

  test("a meeting of leaders is a consultation, CAMEO 040, Goldstein +1", () => {
    const [t] = extractArticle({ id: "s.txt", text: "Vladimir Putin met Xi Jinping on Friday." }).triples;
    expect(t).toMatchObject({ predicate: "meet", relation: "CONSULT", relationGroup: "cooperation", cameo: "040", goldstein: 1 });
  });

  test("bombers patrolling over a country are a show of force; a footballer moving to a club's city is not", () => {
    expect(classed("Two Tu-22M3 bombers patrolled Belarus on Saturday.")).toContain("Tu-22M3 patrol Belarus EXHIBIT_FORCE_POSTURE");
    expect(classed("Russia sent troops to Belarus.")).toContain("Russia send_to Belarus EXHIBIT_FORCE_POSTURE");
    expect(classed("Fernando Morientes moved to Madrid in 1997.").join()).not.toContain("EXHIBIT_FORCE_POSTURE");
  });

  test("a denied attack is a denial, a planned meeting an intent to meet, a meeting that did not happen unrealised", () => {
    expect(classed("Russia has denied plans to attack Ukraine.")).toEqual(["Russia attack Ukraine DENY"]);
    expect(classed("Vladimir Putin will meet Xi Jinping in Beijing next week.")).toContain("Vladimir Putin meet Xi Jinping EXPRESS_INTENT_TO_MEET");
    expect(classed("Vladimir Putin did not meet Xi Jinping.")).toContain("Vladimir Putin meet Xi Jinping UNREALISED");
  });

  test("accusations, visits, defeats and offices", () => {
    expect(classed("Michael Howard accused Tony Blair of misleading voters.")).toContain("Michael Howard accuse Tony Blair ACCUSE");
    expect(classed("Charles Kennedy visited Liverpool on Monday.")).toContain("Charles Kennedy visit Liverpool MAKE_VISIT");
    expect(classed("Roger Federer beat Andy Roddick in the final.")).toContain("Roger Federer beat Andy Roddick DEFEAT");
    expect(classed("Mervyn King, governor of the Bank of England, spoke on Tuesday.")).toContain("Mervyn King governor_of Bank of England LEADER_OF");
  });

  test("a win at a tournament is a win, not employment; losing a player is not losing to him", () => {
    expect(classify({ predicate: "win_at", subjectType: "Person", objectType: "Event" })?.relation).not.toBe("WORKS_FOR");
    expect(classify({ predicate: "chief_strategist_at", subjectType: "Person", objectType: "Organization" })?.relation).toBe("WORKS_FOR");
    expect(classify({ predicate: "lose", subjectType: "Organization", objectType: "Person" })?.relation).not.toBe("LOSE_TO");
    expect(classify({ predicate: "lose_to", subjectType: "Person", objectType: "Person" })?.relation).toBe("LOSE_TO");
  });

  test("an event missed did not take place for the player; starting talks is a consultation; a side hosting another in sport plays it", () => {
    const of = (predicate: string, subjectType: string, objectType: string, modality = "asserted") => classify({ predicate, subjectType, objectType, polarity: "positive", modality } as Parameters<typeof classify>[0])?.relation;
    expect(of("miss", "Person", "Event")).toBe("UNREALISED");
    // a planned miss is still no event; a plan is a plan whatever its verb
    expect(of("miss", "Person", "Event", "intended")).toBe("UNREALISED");
    expect(of("gear_up_to_promote", "Person", "Other", "intended")).toBe("INTENDS");
    expect(of("skip_in", "Person", "Location")).toBe("UNREALISED");
    // what a coach is missing players for is no event he misses: "will be missing an entire midfield for the Six Nations"
    expect(of("miss_for", "Person", "Event")).not.toBe("UNREALISED");
    expect(of("start_talks_with", "Organization", "Location")).toBe("CONSULT");
    expect(of("start_talks_with", "Organization", "Location", "intended")).toBe("EXPRESS_INTENT_TO_MEET");
    expect(of("negotiate_settlement_with", "Person", "Person")).toBe("ENGAGE_IN_NEGOTIATION");
    // a standing relation to come is a plan: "will captain Wales"
    expect(of("captain_of", "Person", "Organization", "intended")).toBe("INTENDS");
    expect(of("captain_of", "Person", "Organization")).toBe("PLAYS_FOR");
    const report = classed("Zambia beat Malawi 2-1 in the league on Saturday. Zambia hosted Lesotho in the cup final, a match the champions won.");
    expect(report).toContain("Zambia host_match_against Lesotho COMPETE");
    expect(classed("The prime minister of Zambia hosted Tom Hale in Lusaka.").some((t) => t.endsWith("HOST_VISIT"))).toBe(true);
  });

  test("an event the sentence only places is ACTS_IN, kept: the place is where it happened, not a party to it", () => {
    const text = "Jack Straw told activists in Blackburn on Thursday that voters would decide. Nokia sold two million phones in Brazil last year. Mark Lomas ran in Birmingham at the World Indoor Championships.";
    const found = classed(text);
    expect(found).toContain("Jack Straw tell_in Blackburn ACTS_IN");
    expect(found).toContain("Nokia sell_in Brazil ACTS_IN");
    expect(found).toContain("Mark Lomas run_in Birmingham ACTS_IN");
    // the event itself still takes its class
    expect(found).toContain("Mark Lomas run_at World Indoor Championships TAKE_PART_IN");
    const of = (predicate: string, objectType: string, modality = "asserted") => classify({ predicate, subjectType: "Person", objectType, polarity: "positive", modality } as Parameters<typeof classify>[0])?.relation;
    // classes about places keep theirs, and a win stays a win ("won the title in Budapest")
    expect(of("live_in", "Location")).toBe("LOCATED_IN");
    expect(of("arrive_in", "Location")).toBe("MAKE_VISIT");
    expect(of("meet_in", "Location")).toBe("MEET_AT_THIRD_LOCATION");
    expect(of("win_title_in", "Location")).toBe("WIN");
    // a planned one is still a plan
    expect(of("sell_in", "Location", "intended")).toBe("INTENDS");
    expect(of("sell_to", "Organization")).toBe("SELL");
    // a match placed at a tournament is taking part in it: the tournament was not beaten, nor lost to
    expect(classed("Ann Fenwick came from a set down to beat Italian Rosa Vinci at the Qatar Open in Doha.")).toContain("Ann Fenwick beat_at Qatar Open TAKE_PART_IN");
    expect(of("suffer_defeat_in", "Event")).toBe("TAKE_PART_IN");
    expect(of("beat", "Person")).toBe("DEFEAT");
    expect(of("win_at", "Event")).toBe("WIN");
  });

  test("a claim made in a paper is a statement; a title claimed somewhere is a win", () => {
    const of = (predicate: string, objectType: string) => classify({ predicate, subjectType: "Person", objectType, polarity: "positive", modality: "asserted" } as Parameters<typeof classify>[0])?.relation;
    expect(of("claim_in", "Organization")).toBe("MAKE_PUBLIC_STATEMENT");
    expect(of("claim_in", "Location")).toBe("WIN");
  });

  test("a competition targeted is an aim; a party or place targeted is attacked", () => {
    const of = (subjectType: string, objectType: string) => classify({ predicate: "target", subjectType, objectType, polarity: "positive", modality: "asserted" } as Parameters<typeof classify>[0])?.relation;
    expect(of("Person", "Event")).toBe("INTENDS");
    expect(of("Organization", "Location")).toBe("ASSAULT");
    expect(classed("Steve McClaren targets the World Cup.")).toContain("Steve McClaren target World Cup INTENDS");
  });

  test("a player linked with a club is a rumour, not a transfer; entering Parliament is joining it; complaints filed are a case brought", () => {
    const of = (predicate: string, subjectType: string, objectType: string) => classify({ predicate, subjectType, objectType, polarity: "positive", modality: "asserted" } as Parameters<typeof classify>[0])?.relation;
    expect(of("linked_with", "Person", "Organization")).toBe("UNREALISED");
    expect(of("linked_with", "Organization", "Person")).toBe("UNREALISED");
    expect(of("linked_with", "Organization", "Organization")).toBe("ALLY_OF");
    expect(of("join", "Person", "Organization")).toBe("JOIN");
    expect(of("enter", "Person", "Organization")).toBe("JOIN");
    expect(of("enter", "Person", "Event")).toBe("TAKE_PART_IN");
    expect(of("file_complaints_against", "Organization", "Organization")).toBe("BRING_LAWSUIT_AGAINST");
    expect(of("file_complaint_against", "Location", "Location")).toBe("BRING_LAWSUIT_AGAINST");
    expect(of("argue_against", "Person", "Organization")).toBe("REJECT");
    // a captain who leads his side against another competes with it; leading at a tournament is taking part
    expect(of("lead_against", "Person", "Organization")).toBe("COMPETE");
    expect(of("lead_at", "Person", "Event")).toBe("TAKE_PART_IN");
    expect(of("lead", "Person", "Organization")).toBe("LEADER_OF");
    // working together, however begun
    expect(of("begin_collaborate_with", "Person", "Person")).toBe("COOPERATE");
    expect(of("form_with", "Person", "Person")).toBe("COOPERATE");
    // a product released is made, a prisoner released is yielded; a column in a paper is a statement
    expect(of("release", "Organization", "Other")).toBe("CREATE");
    expect(of("release", "Location", "Person")).toBe("YIELD");
    expect(of("write_in", "Person", "Organization")).toBe("MAKE_PUBLIC_STATEMENT");
    // a prize lost out on was not won; a first minister leads
    expect(of("lose_out_on", "Person", "Other")).toBe("UNREALISED");
    expect(of("lose_out_to", "Person", "Person")).toBe("LOSE_TO");
    expect(of("first_minister_of", "Person", "Location")).toBe("LEADER_OF");
    // a debut for a side is playing for it
    expect(of("make_debut_for", "Person", "Organization")).toBe("PLAYS_FOR");
    // working on a project is no employment
    expect(of("work_on", "Person", "Other")).toBe("TAKE_PART_IN");
    expect(of("work_for", "Person", "Organization")).toBe("WORKS_FOR");
    // a place is part of a place, a body of a body: a town is no part of a university
    expect(of("part_of", "Location", "Location")).toBe("PART_OF");
    expect(of("part_of", "Organization", "Organization")).toBe("PART_OF");
    expect(of("part_of", "Location", "Organization")).not.toBe("PART_OF");
  });

  test("outside sport an actor who plays a person plays a role; in a sports report two players who meet play a match", () => {
    expect(classed("Leonardo DiCaprio plays millionaire Howard Hughes in the film.")).toContain("Leonardo DiCaprio play_role_of Howard Hughes TAKE_PART_IN");
    const report = classed("Andy Roddick beat Tim Henman 6-3 6-4 in the semi-final. Andy Roddick will play Cyril Saulnier in the final of the tournament on Sunday.");
    expect(report.some((t) => t.startsWith("Andy Roddick play Cyril Saulnier"))).toBe(true);
    // a player who ousts another beats him: no dismissal
    expect(classed("Andy Roddick beat Tim Henman 6-3 6-4 in the semi-final of the tournament. Conchita Martinez ousted Nathalie Dechy in the quarter-final.")).toContain("Conchita Martinez beat Nathalie Dechy DEFEAT");
  });

  test("a predicate no pattern takes falls to the catch-all, or to nothing under a strict schema", () => {
    const odd = { predicate: "culminate_in", subjectType: "Person", objectType: "Other" } as const;
    expect(classify(odd)?.relation).toBe("RELATED");
    expect(classify(odd, defaultSchema(), true)).toBeUndefined();
  });
});

describe("a user's schema", () => {
  const own = {
    classes: [
      { id: "TRANSFER", group: "other", patterns: [{ match: ["sign", "sign_for", "join"], subject: ["Person"], object: ["Organization"] }] },
      { id: "OTHER", group: "catch-all", patterns: [] },
    ],
    catchAll: "OTHER",
  };

  test("replaces ours: its classes and its catch-all only", () => {
    const schema = effectiveSchema(readSchema(own, "mine.json"));
    expect(classify({ predicate: "sign_for", subjectType: "Person", objectType: "Organization" }, schema)?.relation).toBe("TRANSFER");
    expect(classify({ predicate: "meet", subjectType: "Person", objectType: "Person" }, schema)?.relation).toBe("OTHER");
  });

  test('with "extends": "default" its classes are tried before ours, and ours take the rest', () => {
    const schema = effectiveSchema(readSchema({ extends: "default", classes: own.classes.slice(0, 1) }, "mine.json"));
    expect(classify({ predicate: "join", subjectType: "Person", objectType: "Organization" }, schema)?.relation).toBe("TRANSFER");
    expect(classify({ predicate: "meet", subjectType: "Person", objectType: "Person" }, schema)?.relation).toBe("CONSULT");
  });

  test.each([
    [{ classes: [{ id: "meet", patterns: [] }] }, /mine\.json: classes\[0\] \(meet\): "id" must be UPPER_SNAKE_CASE/],
    [{ classes: [{ id: "A", patterns: [] }, { id: "A", patterns: [] }] }, /mine\.json: classes\[1\] \(A\): "id" A is used twice/],
    [{ classes: [{ id: "A", patterns: [{ match: ["Meet"] }] }], catchAll: "A" }, /mine\.json: classes\[0\] \(A\) patterns\[0\]: "match" must be/],
    [{ classes: [{ id: "A", patterns: [{ match: ["meet"], subject: ["Human"] }] }], catchAll: "A" }, /classes\[0\] \(A\) patterns\[0\]: "subject" must be a list of entity types/],
    [{ classes: [{ id: "A", goldstein: 12, patterns: [] }], catchAll: "A" }, /classes\[0\] \(A\): "goldstein" must be a number from -10 to 10/],
    [{ classes: [{ id: "A", patterns: [] }], catchAll: "B" }, /mine\.json: catchAll: names class B/],
    [{ classes: [{ id: "A", patterns: [] }], catchAll: "A", modes: [{ when: { modality: "denied" }, class: "DENY" }] }, /mine\.json: modes\[0\]: names class DENY/],
    [{ classes: [] }, /mine\.json: classes: must be a non-empty list/],
    [{ classes: [{ id: "A", patterns: [] }], catchAll: "A", modes: [{ when: { class: "B" }, class: "A" }] }, /mine\.json: modes\[0\]: "when.class" names class B/],
    [{ classes: [{ id: "A", patterns: [] }], catchAll: "A", placed: { class: "B", objectTypes: ["Location"], prepositions: ["in"] } }, /mine\.json: placed: names class B/],
    [{ classes: [{ id: "A", patterns: [] }], catchAll: "A", placed: { class: "A", objectTypes: ["Place"], prepositions: ["in"] } }, /mine\.json: placed: "objectTypes" must be a list of entity types/],
    [{ classes: [{ id: "A", patterns: [] }], catchAll: "A", placed: [{ class: "A", objectTypes: ["Location"], prepositions: ["in"] }, { class: "A", objectTypes: ["Event"], prepositions: ["at"], only: ["B"] }] }, /mine\.json: placed\[1\]: names class B/],
  ])("an invalid schema is refused naming the file and the entry (%#)", (json, message) => {
    expect(() => readSchema(json, "mine.json")).toThrow(SchemaError);
    expect(() => readSchema(json, "mine.json")).toThrow(message);
  });
});
