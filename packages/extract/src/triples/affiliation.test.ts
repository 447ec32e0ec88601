import { describe, expect, test } from "vitest";
import { extractArticle } from "../extract.ts";

const AFFILIATION = new Set(["works_for", "member_of", "play_for", "from"]);

/** The affiliation triples a user sees for a text, as "subject predicate object". */
const affiliations = (text: string) =>
  extractArticle({ id: "a.txt", text })
    .triples.filter((t) => AFFILIATION.has(t.predicate))
    .map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`);

/** A sports report: scores and sports words, so a club's name is a team. */
const REPORT = "Leeds beat Hull 3-1 at Elland Road. The striker scored twice and the goalkeeper saved a penalty in the league match. ";

describe("whom a person speaks for or plays for", () => {
  test("a source named with the body they speak for, after the name or before it", () => {
    expect(affiliations('"Prices will fall," said Anna Berg of Northgate Capital.')).toEqual(["Anna Berg works_for Northgate Capital"]);
    expect(affiliations("Tom Hale, from the Federation of Small Businesses, said the plan would hurt shops.")).toEqual(["Tom Hale works_for Federation of Small Businesses"]);
    expect(affiliations('"We are ready," Microsoft\'s Ruth Palmer told reporters.')).toEqual(["Ruth Palmer works_for Microsoft"]);
  });

  test("a party's person is a member, a country's person is from it", () => {
    expect(affiliations("Labour's Joan Walley said the bill was rushed.")).toEqual(["Joan Walley member_of Labour Party"]);
    expect(affiliations("Kim Lee, of the Greens, said the vote was a shock.")).toEqual(["Kim Lee member_of Greens"]);
    expect(affiliations("She will now face Marta Kovac of Croatia in the final.")).toEqual(["Marta Kovac from Croatia"]);
    // the evidence marks the country where the sentence names it
    const [fact] = extractArticle({ id: "a.txt", text: "She will now face Marta Kovac of Croatia in the final." }).triples.filter((t) => t.predicate === "from");
    expect(fact!.evidence.object?.text).toBe("Croatia");
  });

  test("in a sports report a club's player plays for it, but a governing body's official works for it", () => {
    expect(affiliations(REPORT + "Arsenal's Kevin Doyle was booked in the first half.")).toContain("Kevin Doyle play_for Arsenal");
    // one who speaks of his players is the club's manager
    const manager = extractArticle({ id: "a.txt", text: REPORT + "Arsenal's Kevin Doyle has praised his players' gutsy performance." }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
    expect(manager).toContain("Kevin Doyle manager_of Arsenal COACHES");
    expect(manager.some((t) => t.includes("play_for"))).toBe(false);
    expect(affiliations(REPORT + '"It was a fair decision," said Sam Ford of the Football Association.')).toContain("Sam Ford works_for Football Association");
  });

  test("'from' after another verb is where someone came from, and a town is where a reader writes from", () => {
    expect(affiliations(REPORT + "Leeds signed Paul Grant from Arsenal in January.")).not.toContain("Paul Grant play_for Arsenal");
    expect(affiliations("Peter Marsh, of Burnley, said the council had let the town down.")).toEqual([]);
  });

  test("no affiliation with a name the model cut or a product read as a person", () => {
    // the body's name goes on past the place ("the UK Patent Office")
    expect(affiliations("said Dr Ian Moss of the UK Patent Office.").some((t) => t.startsWith("Ian Moss from"))).toBe(false);
    // a one-word "person" after a company's possessive is as likely its product
    expect(affiliations("I would put Apple's Newton among the great failures.")).toEqual([]);
  });
});
