import { describe, expect, test } from "vitest";
import { extractArticle } from "../extract.ts";

const roles = (text: string) =>
  extractArticle({ id: "s.txt", text })
    .triples.filter((t) => t.predicate.endsWith("_of") || t.predicate.endsWith("_for"))
    .map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`);

describe("offices from titles and appositions", () => {
  test("chief executives, chairs and portfolio ministers hold offices", () => {
    expect(roles("Lars Mikkelsen, the chief executive of Nordhavn Shipping, denied the report.")).toContain("Lars Mikkelsen chief_executive_of Nordhavn Shipping");
    expect(roles("Karin Lund, the chair of Nordhavn Shipping, thanked him.")).toContain("Karin Lund chair_of Nordhavn Shipping");
    expect(roles("Henrik Dahl, the environment minister of Denmark, visited Esbjerg.")).toContain("Henrik Dahl environment_minister_of Denmark");
  });

  test("titles joined by 'and' are each held, before the name or in an apposition", () => {
    expect(roles("Nordhavn Shipping chairman and chief executive Lars Mikkelsen denied the report.")).toEqual(["Lars Mikkelsen chairman_of Nordhavn Shipping", "Lars Mikkelsen chief_executive_of Nordhavn Shipping"]);
    expect(roles("Karin Lund, founder and director of Nordhavn Shipping, thanked him.").sort()).toEqual(["Karin Lund director_of Nordhavn Shipping", "Karin Lund founder_of Nordhavn Shipping"]);
  });

  test("wire copy's capitalised portfolios are part of the office: 'U.S. Agriculture Secretary', 'EC Farm Commissioner', 'Saudi Arabian Oil Minister'", () => {
    expect(roles("U.S. Agriculture Secretary Tom Garvey said the plan would work.")).toEqual(["Tom Garvey agriculture_secretary_of United States"]);
    expect(roles("EC Farm Commissioner Anna Reyes said the Commission was working on proposals.")).toContain("Anna Reyes farm_commissioner_of EC");
    expect(roles("Saudi Arabian Oil Minister Karim Nasser said output would be cut.")).toEqual(["Karim Nasser oil_minister_of Saudi Arabia"]);
  });

  test("the words that change an office stay in it", () => {
    expect(roles("Conservative shadow foreign secretary Michael Ancram said it was wrong.")).toEqual(["Michael Ancram shadow_foreign_secretary_of Conservative Party"]);
    expect(roles("Chelsea assistant boss Steve Clarke said the coin was thrown.")).toEqual(["Steve Clarke assistant_boss_of Chelsea"]);
  });

  test("a nationality is no team and a film director's city no office; a country's name and a president's nationality still are", () => {
    expect(roles("Real took the lead when Brazilian striker Ronaldo scored.")).toEqual([]);
    expect(roles("Hong Kong director Wong Kar-Wai was honoured for promoting Asian cinema.")).toEqual([]);
    expect(roles("Brazil striker Ronaldo scored twice.")).toEqual(["Ronaldo striker_of Brazil"]);
    expect(roles("French president Emmanuel Macron spoke.")).toEqual(["Emmanuel Macron president_of France"]);
    // the nations of the United Kingdom have their own offices
    expect(roles("Scottish finance minister Tom McCabe spoke.")).toEqual(["Tom McCabe finance_minister_of Scotland"]);
  });

  test("an office is the institution's a noun names, not the nationality's or the place's before it", () => {
    expect(roles("New European commission president Jose Manuel Barroso spoke.")).toEqual([]);
    // a portfolio or a sport is still the country's office
    expect(roles("Indian oil minister Mani Shankar Aiyar spoke.")).toEqual(["Mani Shankar Aiyar oil_minister_of India"]);
    expect(roles("The Scottish National Party's Holyrood leader Nicola Sturgeon wrote to him.")).toEqual(["Nicola Sturgeon leader_of Scottish National Party"]);
    expect(roles("Radwan Hadi, deputy managing director of Aberdeen-based consultancy Blackwatch Petroleum Services, spoke.")).toEqual(["Radwan Hadi deputy_managing_director_of Blackwatch Petroleum Services"]);
  });

  test("an office of what a noun after a name stands for is not the name's", () => {
    expect(roles("Graham Lane, leader of the Labour group on Newham Council, spoke.")).toEqual([]);
    expect(roles("Tim Dean, director of the Arkansas State University venue, said sales were brisk.")).toEqual([]);
    // unless the noun says what the name is, or the job is at the firm's unit
    expect(roles("Ann Roe, leader of the Labour party in Wales, spoke.")).toEqual(["Ann Roe leader_of Labour Party"]);
    const unit = extractArticle({ id: "s.txt", text: "But Kevin Hogan, senior manager at Symantec security response, said so." }).triples;
    expect(unit.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`)).toEqual(["Kevin Hogan manager_at Symantec"]);
  });

  test("representatives, commissioners and treasurers hold offices, also named in an apposition after the holder", () => {
    expect(roles("Vernon Walters, the US representative, said Washington opposed it.")).toEqual(["Vernon Walters representative_of United States"]);
    expect(roles("EU trade commissioner Peter Mandelson met Rob Portman.")).toContain("Peter Mandelson trade_commissioner_of European Union");
    expect(roles("Tom Hale, the Acme Corp treasurer, resigned.")).toEqual(["Tom Hale treasurer_of Acme Corp"]);
    // an item of a list is no apposition
    expect(roles("He wrote to leaders including Bill Clinton, the King of Belgium as well as the French foreign ministry.")).toEqual([]);
    // a role followed by more words is no apposition: "the US representative office"
    expect(roles("Tom Hale, the US representative office head, resigned.")).not.toContain("Tom Hale representative_of United States");
  });

  test("in a sports report a club's boss is its manager; elsewhere a boss leads", () => {
    const report = "Arsenal boss Arsene Wenger praised the defender after the 2-1 league win. Both goals came in the first half of the cup tie.";
    expect(roles(report)).toContain("Arsene Wenger manager_of Arsenal");
    expect(roles("IMF boss Rodrigo Rato warned of rising oil prices.")).toEqual(["Rodrigo Rato boss_of IMF"]);
    // an article that only talks of sport in passing still has a club's boss as its manager
    expect(roles("Aston Villa boss David O'Leary signed a new contract. He was happy after the Premiership match.")).toContain("David O'Leary manager_of Aston Villa");
  });

  test("in a sports report a town's team is the article's node for the town's name, though a mention names the town", () => {
    const report = extractArticle({ id: "s.txt", text: "Munster's Heineken Cup quarter-final tie against Biarritz has been switched to Madrid. The ground in Biarritz holds 12,667. \"The decision to move was difficult,\" said Biarritz chairman Marcel Martin after the league match." });
    const role = report.triples.find((t) => t.predicate === "chairman_of");
    expect([role?.object.name, role?.object.type]).toEqual(["Biarritz", "Organization"]);
  });

  test("a US cabinet secretary's department is part of the title, and the country the office's", () => {
    expect(roles("Deng Xiaoping told visiting US Secretary of State George Shultz the troubles were over.")).toContain("George Shultz secretary_of_state_of United States");
  });

  test("a demonym of two words names its country: 'South African president' is South Africa's", () => {
    expect(roles("Former South African president Tom Hale backed the plan.")).toEqual(["Tom Hale president_of South Africa"]);
  });

  test("the words of a job before its title stay in it: 'communications chief', 'home affairs spokesman'", () => {
    expect(roles("Former Acme Corp communications chief Tom Hale said so.")).toEqual(["Tom Hale communications_chief_of Acme Corp"]);
    expect(roles("Labour home affairs spokesman Tom Hale said so.")).toEqual(["Tom Hale home_affairs_spokesman_for Labour Party"]);
  });

  test("offices named '<noun> general': an attorney general holds office, a director general leads", () => {
    const read = (text: string) => extractArticle({ id: "s.txt", text }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
    expect(read("The inquiry by Ohio attorney general Tom Hale goes on.")).toContain("Tom Hale attorney_general_of Ohio HOLDS_OFFICE_IN");
    expect(read("Ann Roe, the director general of the Acme Trade Association, said so.")).toContain("Ann Roe director_general_of Acme Trade Association LEADER_OF");
  });

  test("jobs at or with an organisation: 'chief strategist at Acme Bank', 'an analyst with NPD Group'; a town employs no one", () => {
    const read = (text: string) => extractArticle({ id: "s.txt", text }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
    expect(read("Tom Hale, chief strategist at Acme Bank, said rates would rise.")).toContain("Tom Hale chief_strategist_at Acme Bank WORKS_FOR");
    expect(read("\"Demand is strong,\" said Stephen Baker, a consumer electronics analyst with retail research firm NPD Group.")).toContain("Stephen Baker analyst_with NPD Group WORKS_FOR");
    expect(read("Mark Lee, a researcher at Oxford, said so.").filter((t) => t.includes("researcher"))).toEqual([]);
  });

  test("for whom one speaks or works: 'a spokesman for Acme Corp', 'a lawyer for Zeta Holdings'; a role a copula gives: 'is Ireland captain'", () => {
    expect(roles("Tom Hale, a spokesman for Acme Corp, said so.")).toEqual(["Tom Hale spokesman_for Acme Corp"]);
    expect(roles("Ann Roe, a lawyer for Zeta Holdings, denied it.")).toEqual(["Ann Roe lawyer_for Zeta Holdings"]);
    expect(roles("Brian O'Driscoll is Ireland captain.")).toEqual(["Brian O'Driscoll captain_of Ireland"]);
    // where one lives or comes from, as a title: "Kyiv resident Ilya Goncharov"
    expect(roles("\"I am here to learn,\" Kyiv resident Ilya Goncharov said.")).toEqual(["Ilya Goncharov resident_of Kyiv"]);
    expect(roles("Tom Hale would have been the Chelsea captain.")).toEqual([]);
  });

  test("a job as a title is held at an organisation, not a country: 'First Boston Corp analyst William Randol'", () => {
    expect(roles("First Boston Corp analyst William Randol recommended the shares.")).toEqual([]);
    const read = extractArticle({ id: "s.txt", text: "First Boston Corp analyst William Randol recommended the shares. US economist Tom Hale disagreed." }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`);
    expect(read).toContain("William Randol analyst_at First Boston Corp");
    expect(read.filter((t) => t.startsWith("Tom Hale"))).toEqual([]);
  });
});
