import { describe, expect, it } from "vitest";
import { extractArticle } from "../extract.ts";
import { tagSentences } from "../nlp/index.ts";
import type { EntitySpan } from "./recognize.ts";
import { recogniseArticle, recogniseDocument } from "./tagger.ts";

/** The entities of a text read as one article, as "Type:text". */
function found(text: string): EntitySpan[] {
  return recogniseDocument(tagSentences(text).map((s) => s.tokens)).flatMap((s) => s.entities);
}
const typed = (text: string) => found(text).map((e) => `${e.type}:${e.text}`);

describe("the trained entity model", () => {
  it("types clubs and companies as organisations, the way news uses them", () => {
    expect(typed("Chelsea beat Arsenal 2-1 at Stamford Bridge on Sunday.")).toEqual(["Organization:Chelsea", "Organization:Arsenal", "Location:Stamford Bridge"]);
    expect(typed("Sony said its profits rose. Microsoft has released a patch.")).toEqual(["Organization:Sony", "Organization:Microsoft"]);
  });

  it("reads a country's name as its team in a sports report, and as the country elsewhere", () => {
    const report = found("Ireland coach Eddie O'Sullivan named his side. Ireland were without Brian O'Driscoll. The match at Lansdowne Road ended 17-12 after a late try. Ireland held on.");
    expect(report.filter((e) => e.text === "Ireland").map((e) => e.type)).toEqual(["Organization", "Organization", "Organization"]);
    expect(typed("The president flew to Ireland for talks.")).toEqual(["Location:Ireland"]);
  });

  it("in a sports report a country a side takes on, or whose assistant coach speaks, is the team", () => {
    const report = found("The match ended in a draw. Zambia beat Malawi 2-1 in the league. Mauritius take on Madagascar in a double-header on 26 February.");
    expect(report.filter((e) => e.text === "Madagascar").map((e) => e.type)).toEqual(["Organization"]);
    const injury = found("Flanker Tom Hale is unlikely to play. The winger has a neck injury, said the physio. Said Wales assistant coach Ann Roe: \"We're positive.\"");
    expect(injury.filter((e) => e.text === "Wales").map((e) => e.type)).toEqual(["Organization"]);
  });

  it("reads a party's name the model cuts in two at a sentence's start as one: 'Liberal Democrat leader ...'", () => {
    const e = found("Liberal Democrat leader Charles Kennedy spoke in Leeds.").filter((x) => x.type === "Organization");
    expect(e.map((x) => [x.text, x.canonical])).toEqual([["Liberal Democrat", "Liberal Democrats"]]);
  });

  it("reads both sides of a fixture line in a sports report as teams: 'Seychelles v South Africa'", () => {
    const report = found("Zambia beat Malawi 2-1 in the cup on Saturday, a win for the coach.\n\nSeychelles v South Africa");
    expect(report.find((e) => e.text === "Seychelles")?.type).toBe("Organization");
  });

  it("reads a place listed with a team, or in a list before a team word, as a team: 'England, Wales and France squads'", () => {
    const report = found("Wales beat Italy 38-8 in the championship. The coach praised the try-line defence and the match ended in a win. He looked at the England, Wales and Ireland squads. With England and France visiting Lansdowne Road, it will be close.");
    expect(report.filter((e) => e.text === "Ireland" || e.text === "France").map((e) => `${e.text}:${e.type}`)).toEqual(["Ireland:Organization", "France:Organization"]);
    // outside sport the same list is of countries
    expect(typed("Ministers from England, Wales and Ireland met in Dublin.").filter((e) => e.includes("Ireland"))).toEqual(["Location:Ireland"]);
  });

  it("makes a team the article's one reading of its name, though a mention names the country: 'England 17-18 France'", () => {
    const x = extractArticle({ id: "s.txt", text: "England 17-18 France\n\nEngland suffered a defeat in the Six Nations as scrum-half Dimitri Yachvili booted France to victory at Twickenham. Yachvili landed six penalties for France to put the visitors in front. After a probing kick from France centre Damien Traille, Yachvili scored." });
    expect(x.triples.filter((t) => t.predicate === "beat").map((t) => `${t.subject.name} ${t.subject.type}`)).toEqual(["France Organization"]);
  });

  it("counts a fixture line and a line-up's rugby words towards a sports report: 'Leeds v Saracens'", () => {
    const preview = (fixture: string) => recogniseArticle(tagSentences(`${fixture}\n\nThe Tykes have brought in Tom Hale while fly-half Ann Roe has joined. Jo Lee is named at hooker. Replacements: Kalman, Regan.`).map((s) => s.tokens)).sports;
    expect(preview("Leeds v Saracens")).toBe(true);
    expect(preview("Leeds and Saracens")).toBe(false);
  });

  it("reads the name after a player's position as the player: 'South African flanker Schalk Burger'", () => {
    const report = found("Wales beat Italy 38-8 in the championship and the coach praised the defence after the match. South African flanker Schalk Burger has shaken off a leg injury.");
    expect(report.filter((e) => e.text === "Schalk Burger").map((e) => e.type)).toEqual(["Person"]);
  });

  it("reads sports competitions as events: 'the Champions League', 'three Grand Slams', 'the European Indoors'", () => {
    const events = typed("Jose Mourinho won the Champions League with Porto. Davenport has won three Grand Slams. Holmes is undecided about the European Indoors.").filter((e) => e.startsWith("Event:"));
    expect(typed("Lindsay Davenport has criticised Wimbledon over prize money.")).toContain("Event:Wimbledon");
    expect(events).toEqual(["Event:Champions League", "Event:Grand Slams", "Event:European Indoors"]);
  });

  it("reads a name before a band member's job as the band, whatever the model read it as; not a town or a genre", () => {
    const band = found("The former Libertines singer was granted bail. Mr Doherty left The Libertines in June.");
    expect(band.filter((e) => e.text === "Libertines").map((e) => e.type)).toEqual(["Organization", "Organization"]);
    expect(typed("Devon singer Joss Stone won a Brit award.")).not.toContain("Organization:Devon");
  });

  it("reads a country named with 'and' as one place: 'Saint Kitts and Nevis', not 'Kitts' and 'Nevis'", () => {
    expect(typed("The firm Swarm Systems is based on Caribbean island Saint Kitts and Nevis.")).toContain("Location:Saint Kitts and Nevis");
    expect(found("The St Kitts and Nevis star Kim Collins won.").find((e) => e.type === "Location")?.canonical).toBe("Saint Kitts and Nevis");
    // a world region's name is two countries in a sentence
    expect(typed("He ran the business in Australia and New Zealand.")).toEqual(["Location:Australia", "Location:New Zealand"]);
  });

  it("reads a surname after 'Mr' as a person where the model found no name: 'formed by Mr Kilroy-Silk'", () => {
    expect(typed("Veritas was formed by Mr Kilroy-Silk earlier this month after he quit UKIP.")).toContain("Person:Kilroy-Silk");
    // not a possessive, nor an ordinary word
    expect(typed("It was Mr Blunkett's plan and Mr Big said so.")).not.toContain("Person:Blunkett's");
  });

  it("reads a party's word before a member's full name as the party and the person: 'Tory Neil Hamilton'", () => {
    expect(typed("In 1997 Martin Bell beat Tory Neil Hamilton to win the seat.")).toEqual(["Person:Martin Bell", "Organization:Tory", "Person:Neil Hamilton"]);
  });

  it("keeps a surname the model leaves out when the rules read the whole name: 'Stewart Downing', 'Colin High'", () => {
    expect(typed("Middlesbrough winger Stewart Downing scored twice.")).toContain("Person:Stewart Downing");
    expect(typed("England coach Andy Robinson has called on referees Colin High and Steve Lander.")).toContain("Person:Colin High");
  });

  it("reads a name after the noun of a trade's company as the company: 'software developer Connectotel'", () => {
    expect(typed("London-based software developer Connectotel has unveiled a product.")).toContain("Organization:Connectotel");
    // a developer alone may be a person
    expect(typed("Property developer Tom Hale bought the site.")).toContain("Person:Tom Hale");
  });

  it("keeps a portfolio capitalised before a title out of the name before it: 'U.S. Agriculture Secretary', 'EC Farm Commissioner'", () => {
    expect(typed("U.S. Agriculture Secretary Tom Garvey said the plan would work.")).toEqual(["Location:U.S.", "Person:Tom Garvey"]);
    expect(typed("EC Farm Commissioner Anna Reyes said the Commission was working on proposals.")).toContain("Organization:EC");
    // the whole name a portfolio: "Trade and Industry Secretary"
    expect(typed("Trade and Industry Secretary Ruth Keller said prices would fall.")).not.toContain("Organization:Trade and");
  });

  it("reads a country's name or two nationalities the model split from a party or a side as part of its name", () => {
    expect(typed("Mr Hale, who recently quit the UK Independence Party, said he was sorry.")).toContain("Organization:UK Independence Party");
    expect(typed("British and Irish Lions coach Ian Reid named his squad.")).toContain("Organization:British and Irish Lions");
    // the graph names the party as news does
    const names = extractArticle({ id: "u.txt", text: "Tom Hale quit the UK Independence Party on Monday." }).triples.map((t) => t.object.name);
    expect(names).toContain("UKIP");
  });

  it("reads a name whose shares trade, in which a stake is held, or described as a firm, as a company in the whole article: 'Zarnod shares slipped'", () => {
    const firm = found("Zarnod shares in Paris slipped 1.2%. Last year Zarnod tried to buy a rival.");
    expect(firm.filter((e) => e.text === "Zarnod").map((e) => e.type)).toEqual(["Organization", "Organization"]);
    expect(typed("Acme Corp bought a stake in Zarnod.")).toContain("Organization:Zarnod");
    // not a verb ("Hale shares his view", "Henson stakes a claim") nor a place's market
    expect(typed("Mr Hale spoke first. Hale shares his view with the board.")).not.toContain("Organization:Hale");
    expect(typed("UK shares fell in London.")).toContain("Location:UK");
    // a description after the name whose head is a company's noun
    expect(typed("Acme Corp tried to buy Zarnod, one of Scotland's premier whisky firms, last year.")).toContain("Organization:Zarnod");
  });

  it("reads an award as Other, whatever the model read: 'has already won a Bafta and a Golden Globe'; the body that gives it stays an organisation", () => {
    const t = typed("Tom Hale has already won a Bafta and a Golden Globe for the role.");
    expect(t).toContain("Other:Golden Globe");
    expect(t).toContain("Other:Bafta");
    expect(typed("Jim Roe of Bafta said the awards would go ahead.")).not.toContain("Other:Bafta");
  });

  it("ends a name at a bracket it does not close: 'Globio (Federation for ... Children), a charity'", () => {
    const names = typed("The lab works with Zorbio (Federation for Global Nature Education for Children), a charity.").map((t) => t.replace(/^\w+:/, ""));
    expect(names).toContain("Zorbio");
    expect(names.some((n) => n.includes("("))).toBe(false);
  });

  it("reads a company Reuters puts in angle brackets as one organisation, not a ticker", () => {
    expect(typed("<Zeta Holdings Co> of Canada signed a contract with Acme Corp on Monday.")).toContain("Organization:Zeta Holdings Co");
    expect(typed("Acme Corp <ACME.N> said profits rose.")).not.toContain("Organization:ACME.N");
    const [t] = extractArticle({ id: "w.txt", text: "<Zeta Holdings Co> of Canada signed a contract with Acme Corp on Monday." }).triples;
    expect(`${t!.subject.name} ${t!.predicate} ${t!.object.name}`).toBe("Zeta Holdings Co sign_contract_with Acme Corp");
  });

  it("in a sports report a country a player won caps for is the national side; the country he lived in is not", () => {
    const report = "The striker scored twice as the league side beat Hull 3-1. Referred to in the Netherlands as the General, Rinus Michels also won five caps for the Netherlands. The goalkeeper saved a penalty.";
    expect(typed(report).filter((t) => t.endsWith(":Netherlands"))).toEqual(["Location:Netherlands", "Organization:Netherlands"]);
  });

  it("reads a town listed among organisations as one too: 'Real Madrid, Barcelona and Valencia'", () => {
    expect(typed("He has been linked with Spanish trio Real Madrid, Barcelona and Valencia.")).toContain("Organization:Valencia");
    // a country stays a country, and so does a list of places
    expect(typed("Offices of Microsoft, Google and Yahoo opened in London, Paris and Valencia.")).toContain("Location:Valencia");
  });

  it("reads a department's or a portfolio's word in a title as no name, and a broadcaster's branch as one", () => {
    expect(typed("Tom Hale, US Secretary of State, was visiting the West Bank.")).not.toContain("Organization:State");
    expect(typed("He was told by Children's Minister Ann Berg there was no time.")).not.toContain("Organization:Children");
    expect(typed("Acme Corp provided BBC Scotland with the figures.")).toContain("Organization:BBC Scotland");
  });

  it("keeps titles out of names and remembers them", () => {
    const [blair, brown] = found("Prime Minister Tony Blair met Mr Brown on Friday.");
    expect(blair).toMatchObject({ text: "Tony Blair", type: "Person", title: "Prime Minister" });
    expect(brown).toMatchObject({ text: "Brown", type: "Person", title: "Mr" });
    expect(typed("Labour MP George Galloway was expelled in 2003.")).toEqual(["Organization:Labour", "Person:George Galloway"]);
  });

  it("takes whole names over connectors, hyphens and letters wink splits", () => {
    expect(typed("She studied at the University of Leeds and worked at the Bank of England.")).toEqual(["Organization:University of Leeds", "Organization:Bank of England"]);
    expect(typed("He married Stanisław Baranowski in Kraków.")).toEqual(["Person:Stanisław Baranowski", "Location:Kraków"]);
    expect(typed("The district lies in Saxony-Anhalt, Germany.")).toEqual(["Location:Saxony-Anhalt", "Location:Germany"]);
    expect(typed("The Russia-Ukraine talks stalled.")).toEqual(["Location:Russia", "Location:Ukraine"]);
  });

  it("spells names as the gazetteer does and keeps equipment and events", () => {
    expect(found("Troops left Kiev.")[0]).toMatchObject({ type: "Location", canonical: "Kyiv" });
    expect(found("Nato met in Brussels.")[0]).toMatchObject({ type: "Organization", canonical: "NATO" });
    expect(typed("Russian Tu-22M3 bombers patrolled over Belarus.")).toEqual(["Equipment:Tu-22M3", "Location:Belarus"]);
    expect(typed("Nato held exercises named United Resolve.")).toEqual(["Organization:Nato", "Event:United Resolve"]);
    expect(typed("Athletes arrived for the Winter Olympics.")).toEqual(["Event:Winter Olympics"]);
  });

  it("reads a name once per article: surnames, bands, institutions, line-ups, short forms", () => {
    const article = found("Home Secretary David Blunkett spoke on Monday. Critics say Mr Blunkett erred. Blunkett denies it.");
    expect(article.filter((e) => e.text === "Blunkett").map((e) => e.type)).toEqual(["Person", "Person"]);
    const band = found("Roxy Music will play at the festival. Roxy Music were formed in 1971 by Bryan Ferry.");
    expect(band.filter((e) => e.text === "Roxy Music").map((e) => e.type)).toEqual(["Organization", "Organization"]);
    expect(typed("Staff at the Department for Work and Pensions will go.")).toEqual(["Organization:Department for Work and Pensions"]);
    expect(typed("Michael Jackson, Billy Joel, Jay-Z and Beyonce recorded there.")).toContain("Person:Jay-Z");
    expect(typed("Ireland: G Dempsey; G Murphy, B O'Driscoll, S Horgan, F Du Preez.").filter((t) => t.startsWith("Person:"))).toEqual(["Person:G Dempsey", "Person:G Murphy", "Person:B O'Driscoll", "Person:S Horgan", "Person:F Du Preez"]);
    expect(typed("American Taylor Dent caused a shock with a win.")).toEqual(["Person:Taylor Dent"]);
    expect(typed("Swiss Re said losses rose. Munich Re agreed, said Swiss Re.").filter((t) => t.endsWith(" Re"))).toEqual(["Organization:Swiss Re", "Organization:Munich Re", "Organization:Swiss Re"]);
    expect(typed("The Scottish Environment Protection Agency (Sepa) said so. Sepa agreed.").filter((t) => t.endsWith(":Sepa"))).toEqual(["Organization:Sepa", "Organization:Sepa"]);
  });

  it("reports nationalities and religions apart from entities", () => {
    const [s] = recogniseDocument(tagSentences("The Japanese band played for Catholic pilgrims.").map((x) => x.tokens));
    expect(s!.entities).toEqual([]);
    expect(s!.demonyms.map((d) => d.country)).toEqual(["Japan"]);
    expect(s!.affiliations).toHaveLength(1);
  });

  it("says how sure it is of a type", () => {
    for (const e of found("Chelsea beat Arsenal. Sony said so.")) expect(e.typeConfidence).toBeGreaterThan(0.7);
  });

  it("keeps the rest of the document when one sentence cannot be read", () => {
    const sentences = tagSentences("Sony said so. Microsoft agreed.").map((s) => s.tokens);
    // a sentence whose tokens are broken (no text) fails alone
    const broken = [sentences[0]!, [{ start: 0, end: 1, pos: "PROPN", lemma: "x", lower: "x" } as never], sentences[1]!];
    const result = recogniseDocument(broken);
    expect(result[1]!.error).toBeDefined();
    expect(result[2]!.entities.map((e) => e.text)).toEqual(["Microsoft"]);
  });
});
