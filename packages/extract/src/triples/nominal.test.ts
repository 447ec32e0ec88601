import { describe, expect, test } from "vitest";
import { extractArticle } from "../extract.ts";

const NOMINAL = new Set(["based_in", "located_in", "from", "product_of", "beat", "draw_with"]);

/** The noun-phrase triples a user sees for a text, as "subject predicate object". */
const nominal = (text: string) =>
  extractArticle({ id: "n.txt", text })
    .triples.filter((t) => NOMINAL.has(t.predicate))
    .map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`);

describe("relations inside noun phrases", () => {
  test("a country's possessive places a company, a person and a site", () => {
    expect(nominal("Shares in Norway's Statoil fell sharply on Monday.")).toEqual(["Statoil based_in Norway"]);
    expect(nominal("Kenya's Paul Tergat won the race in Berlin.")).toEqual(["Paul Tergat from Kenya"]);
    expect(nominal("Protesters gathered in London's Trafalgar Square on Sunday.")).toEqual(["Trafalgar Square located_in London"]);
  });

  test("in a sports report a country read as its team still names where its athlete is from", () => {
    const report = nominal("The race was a thriller. Sweden beat Norway 2-1 in the relay and won the medal. Sweden's Robert Kronberg was second in the hurdles final.");
    expect(report).toContain("Robert Kronberg from Sweden");
    // not the tail of a longer name the model cut: "Tennis Australia's Geoff Pollard"
    const cut = nominal("Lleyton Hewitt beat Andy Roddick 6-3 6-4 in the semi-final. Australia face Spain in the Davis Cup final. Hewitt said he had tried to make the surface faster but Tennis Australia's Geoff Pollard rejected his comments.");
    expect(cut.some((t) => t.startsWith("Geoff Pollard from"))).toBe(false);
  });

  test("a kind of company between the possessive or demonym and the name", () => {
    expect(nominal("Ireland's budget airline, Ryanair, raised its fares.")).toEqual(["Ryanair based_in Ireland"]);
    expect(nominal("The deal was backed by German carmaker Volkswagen.")).toEqual(["Volkswagen based_in Germany"]);
  });

  test("a role after the possessive is a role, not a place of origin", () => {
    const triples = extractArticle({ id: "n.txt", text: "Russia's president Vladimir Putin visited Minsk." }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`);
    expect(triples).toContain("Vladimir Putin president_of Russia");
    expect(triples).not.toContain("Vladimir Putin from Russia");
  });

  test("a place-based compound places the company or the person it describes", () => {
    expect(nominal("Shares in London-based bank Barclays rose.")).toEqual(["Barclays based_in London"]);
    expect(nominal("\"It was a bad week,\" said Tom Hale, a Singapore-based fund manager.")).toEqual(["Tom Hale based_in Singapore"]);
    // a compound with no place in it places nothing
    expect(nominal("The home-based worker Tom Hale said so.")).toEqual([]);
  });

  test("a comparison with a world region gives nothing", () => {
    expect(nominal("Critics called Parmalat Europe's Enron.")).toEqual([]);
  });

  test("a town and the country or state it lies in", () => {
    expect(nominal("The summit will be held in Lucerne, Switzerland, next month.")).toEqual(["Lucerne located_in Switzerland"]);
    expect(nominal("The airline flies to Reno, Nev., and Tucson, Ariz., from April.")).toEqual(["Reno located_in Nev.", "Tucson located_in Ariz."]);
  });

  test("a list of countries or of towns is no location", () => {
    expect(nominal("Ministers from France, Germany and Italy met in Brussels.")).toEqual([]);
    expect(nominal("The carrier flies to London, Singapore and Kuala Lumpur.")).toEqual([]);
  });

  test("a score line: the winner beats the loser, a draw is one symmetric triple", () => {
    expect(nominal("Arsenal 3-1 Chelsea")).toEqual(["Arsenal beat Chelsea"]);
    expect(nominal("Chelsea 0-2 Arsenal")).toEqual(["Arsenal beat Chelsea"]);
    expect(nominal("Everton 1-1 Liverpool")).toEqual(["Everton draw_with Liverpool"]);
  });

  test("a company's product, named or after a product noun", () => {
    expect(nominal("Many people still use Microsoft's Windows at work.")).toContain("Windows product_of Microsoft");
    expect(nominal("Nokia's latest gaming phone, the N-Gage, sold poorly.")).toEqual(["N-Gage product_of Nokia"]);
  });

  test("a club's match or competition is no product", () => {
    expect(nominal("Celtic's Boxing Day meeting with Hearts was postponed.")).toEqual([]);
  });

  test("a fixture line: a match yet to be played, only possible when a side is one of alternatives", () => {
    const read = (text: string) => extractArticle({ id: "n.txt", text }).triples.filter((t) => t.predicate === "play").map((t) => `${t.subject.name} play ${t.object.name} (${t.modality})`);
    const draw = read("FA Cup draw\n\nNewcastle v Tottenham or Nottingham Forest\n\nSouthampton v Manchester United\n");
    expect(draw).toEqual(["Newcastle play Tottenham (hypothetical)", "Newcastle play Nottingham Forest (hypothetical)", "Southampton play Manchester United (intended)"]);
    // "v" inside a sentence is no fixture line
    expect(read("The case of Smith v Jones was heard in London.")).toEqual([]);
  });
});
