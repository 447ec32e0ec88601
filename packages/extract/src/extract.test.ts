import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract.ts";
import { seedArticles, seedExtractions } from "./testing/seed.ts";
import type { Triple } from "./types.ts";

const all = () => seedExtractions().flatMap((x) => x.triples);
const find = (s: string, p: string, o: string, triples: Triple[] = all()) => triples.filter((t) => t.subject.name === s && t.predicate === p && t.object.name === o);

describe("seed articles", () => {
  it("finds Vladimir Putin –meet→ Xi Jinping on 2022-02-04 with its sentence", () => {
    const [t] = find("Vladimir Putin", "meet", "Xi Jinping");
    expect(t).toBeDefined();
    expect(t!.date).toBe("2022-02-04");
    expect(t!.articleDate).toBe("2022-02-05");
    expect(t!.evidence.article).toBe("001_082474588e3d8364.txt");
    expect(t!.evidence.text).toMatch(/^Amid the tensions with the West, Mr Putin on Friday attended .* met China’s leader Xi Jinping/);
    expect(t!.subject.type).toBe("Person");
    expect(t!.object.type).toBe("Person");
  });

  it.each([
    ["European Union", "accuse", "Alexander Lukashenko"],
    ["Joe Biden", "order_to", "Poland"],
    ["Joe Biden", "order_to", "Germany"],
    ["Xi Jinping", "leader_of", "China"],
    ["Minsk", "capital_of", "Belarus"],
    ["Emmanuel Macron", "president_of", "France"],
    ["Boris Gryzlov", "ambassador_to", "Belarus"],
    ["Russia", "send_to", "Belarus"],
  ])("finds %s –%s→ %s", (s, p, o) => {
    expect(find(s, p, o).length).toBeGreaterThan(0);
  });

  it("every offset slices the article to exactly the evidence it claims", () => {
    const texts = new Map(seedArticles().map((a) => [a.id, a.text]));
    for (const t of all()) {
      const text = texts.get(t.evidence.article)!;
      expect(text.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
      for (const m of [t.evidence.subject!, t.evidence.object!]) if (m.start !== undefined) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it("never emits pronouns, weekdays, months or dates as entities", () => {
    const bad = /^(he|she|it|they|we|i|you|him|her|them|his|their|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|\d{4}-\d{2}-\d{2}|\d+)$/i;
    for (const x of seedExtractions()) {
      for (const e of x.article.entities) expect(e.name).not.toMatch(bad);
    }
  });

  it("merges spellings of one thing into one entity and keeps the aliases", () => {
    const byId = new Map(seedExtractions().flatMap((x) => x.article.entities).map((e) => [e.id, e]));
    expect(byId.has("person:putin")).toBe(false);
    expect(byId.has("organization:nato")).toBe(true);
    expect(byId.has("location:kiev")).toBe(false);
    const lukashenko = seedExtractions()[0]!.article.entities.find((e) => e.id === "person:alexander-lukashenko")!;
    expect(lukashenko.aliases).toEqual(expect.arrayContaining(["Alexander Lukashenko", "Lukashenko"]));
  });

  it("keeps captions, credits and footers out of the evidence", () => {
    for (const t of all()) expect(t.evidence.text).not.toMatch(/\/AP\)|Read more at|\*\*\*/);
  });

  it("confidences are graded, in [0,1]", () => {
    const cs = all().map((t) => t.confidence);
    for (const c of cs) expect(c).toBeGreaterThanOrEqual(0), expect(c).toBeLessThanOrEqual(1);
    expect(new Set(cs).size).toBeGreaterThan(2);
  });
});

describe("grammar patterns (sentences of our own)", () => {
  const run = (text: string, date?: string) => extractArticle({ id: "t.txt", text, ...(date ? { date } : {}) }).triples;
  const has = (triples: Triple[], s: string, p: string, o: string) => triples.some((t) => t.subject.name === s && t.predicate === p && t.object.name === o);

  it("subject–verb–object with auxiliaries: 'has accused' → accuse", () => {
    const t = run("The European Union has accused Hungary of blocking the deal.");
    expect(has(t, "European Union", "accuse", "Hungary")).toBe(true);
    expect(t.find((x) => x.predicate === "accuse")!.surface).toBe("has accused");
  });

  it("coordinated verbs: 'visited X and met Y' gives two triples", () => {
    const t = run("Angela Merkel visited Paris and met Emmanuel Macron.");
    expect(has(t, "Angela Merkel", "visit", "Paris")).toBe(true);
    expect(has(t, "Angela Merkel", "meet", "Emmanuel Macron")).toBe(true);
  });

  it("a verb with nothing after it shares the next verb's arguments, but not an infinitive's: 'lost and failed to build a coalition with'", () => {
    const shared = run("Ford bought and sold shares in Jaguar.").map((x) => x.predicate);
    expect(shared).toEqual(expect.arrayContaining(["buy_shares_in", "sell_shares_in"]));
    const t = run("In that vote, Ed Hale lost and failed to build a coalition with the Greens.");
    expect(t.map((x) => x.predicate)).toEqual(["build_with"]);
    expect(t[0]!.polarity).toBe("negative");
  });

  it("qualified roles keep the qualifier: 'prime minister' → prime_minister_of", () => {
    const t = run("Japanese prime minister Fumio Kishida met Spanish foreign minister José Albares in Tokyo.");
    expect(has(t, "Fumio Kishida", "prime_minister_of", "Japan")).toBe(true);
    expect(has(t, "José Albares", "foreign_minister_of", "Spain")).toBe(true);
    expect(t.some((x) => x.predicate === "minister_of")).toBe(false);
  });

  it("membership appositions: 'Nato members Poland, Lithuania and Latvia' → each member_of NATO, and no further", () => {
    const t = run("Belarus borders Nato members Poland, Lithuania and Latvia and talks to Russia.");
    for (const country of ["Poland", "Lithuania", "Latvia"]) expect(has(t, country, "member_of", "NATO")).toBe(true);
    expect(t.some((x) => x.predicate === "member_of" && (x.subject.name === "Russia" || x.subject.name === "Belarus"))).toBe(false);
    const eu = run("EU member states France and Spain signed the treaty.");
    expect(has(eu, "France", "member_of", "EU") || has(eu, "France", "member_of", "European Union")).toBe(true);
  });

  it("copular relations: 'is a member of', 'became secretary of', 'is an adviser to'; not a hypothetical, not a bare 'become'", () => {
    const t = run("Poland and Lithuania, which are members of NATO, sent troops. Ann Jones became secretary of the Commission on Social Justice. Tom Hart is a senior adviser to the World Bank. Finland became a city of lakes.");
    expect(has(t, "Poland", "member_of", "NATO")).toBe(true);
    expect(has(t, "Lithuania", "member_of", "NATO")).toBe(true);
    expect(has(t, "Ann Jones", "secretary_of", "Commission on Social Justice")).toBe(true);
    expect(has(t, "Tom Hart", "adviser_to", "World Bank")).toBe(true);
    expect(t.some((x) => x.predicate.startsWith("become") || x.predicate.startsWith("be_"))).toBe(false);
    const hypothetical = run("Maria Lopez would have been a very good president of Mexico.");
    expect(hypothetical.some((x) => x.predicate === "president_of")).toBe(false);
  });

  it("coordinated objects after a preposition: 'sent aid to Chile and Peru'", () => {
    const t = run("Canada sent aid to Chile and Peru.");
    expect(has(t, "Canada", "send_aid_to", "Chile")).toBe(true);
    expect(has(t, "Canada", "send_aid_to", "Peru")).toBe(true);
  });

  it("the state after a town says where the town is, and is no destination of its own", () => {
    const t = run("StateWest Airlines said it started service to Las Vegas, Nev., Tucson, Ariz., and San Diego.");
    expect(t.filter((x) => x.predicate === "start_service_to").map((x) => x.object.name).sort()).toEqual(["Las Vegas", "San Diego", "Tucson"]);
    expect(has(t, "Las Vegas", "located_in", "Nev.")).toBe(true);
  });

  it("an infinitive after bringing, signing or picking someone is what that one does: 'brought Drogba on to partner Gudjohnsen'", () => {
    expect(has(run("Chelsea brought striker Didier Drogba on to partner Eidur Gudjohnsen up front."), "Didier Drogba", "partner", "Eidur Gudjohnsen")).toBe(true);
    expect(run("Chelsea brought striker Didier Drogba on to partner Eidur Gudjohnsen up front.").some((x) => x.subject.name === "Chelsea" && x.object.name === "Eidur Gudjohnsen")).toBe(false);
  });

  it("arguments a reader would not take: a possessor, the rest of a cut name, a 'whose' clause, a team carried into a round", () => {
    expect(run("Ann Roe played Tom Hale's opposite number in the film.")).toEqual([]);
    expect(run("Tessa Jowell has hit out at critics of the Gambling Bill.").filter((t) => t.predicate === "hit_out_at")).toEqual([]);
    expect(run("Mr Tom Hale, whose parents fled the war to come to the UK, says so.").filter((t) => t.object.name === "United Kingdom")).toEqual([]);
    expect(run("Steven Gerrard fired Liverpool into the last 16.")).toEqual([]);
    expect(has(run("Chelsea fired Jose Mourinho on Monday."), "Chelsea", "fire", "Jose Mourinho")).toBe(true);
    expect(has(run("Brian McBride, managing director of Acme Corp in the UK, said so."), "Brian McBride", "managing_director_of", "Acme Corp")).toBe(true);
  });

  it("in a sports report players who meet play a match (COMPETE); elsewhere a meeting is a consultation", () => {
    const report = run("Rafael Nadal beat Carlos Moya 6-4 6-3 in the second round. He then met Mariano Puerta, who won his match 7-5 in the third set.");
    expect(report.find((t) => t.object.name === "Mariano Puerta")).toMatchObject({ predicate: "play", relation: "COMPETE" });
    expect(run("Vladimir Putin met Xi Jinping in Beijing.").find((t) => t.object.name === "Xi Jinping")).toMatchObject({ predicate: "meet", relation: "CONSULT" });
  });

  it("in a sports report a player who captained a side is its captain, a player (PLAYS_FOR), not its leader", () => {
    const report = run("Neath beat Swansea 20-10 in the league. Tom Hale captained Neath for seven seasons and scored a try in the cup win.");
    expect(report.find((t) => t.subject.name === "Tom Hale" && t.object.name === "Neath")).toMatchObject({ predicate: "captain_of", relation: "PLAYS_FOR" });
  });

  it("in a sports report a player who released, fed or crossed to a team-mate passed to him (COOPERATE)", () => {
    const report = run("Leicester beat Bath 20-10 in the league on Saturday, a win in the cup race. Tom Hale released Ann Roe on the wing and Joe Shaw crossed to Ian Reid.");
    expect(report.find((t) => t.object.name === "Ann Roe")).toMatchObject({ predicate: "pass_to", relation: "COOPERATE" });
    expect(report.find((t) => t.object.name === "Ian Reid")).toMatchObject({ predicate: "cross_to", relation: "COOPERATE" });
  });

  it("in a sports report a keeper who denied a player stopped his shot (COMPETE), no denial", () => {
    const report = run("Chelsea beat Arsenal 2-1 in the league on Saturday, a win in the title race. After a quiet opening, Tom Hale denied Damien Duff with a fine save.");
    expect(report.find((t) => t.object.name === "Damien Duff")).toMatchObject({ predicate: "thwart", relation: "COMPETE" });
  });

  it("in a sports report a player who heads a club into the lead scored for it: he does not lead it", () => {
    const report = run("Rangers beat Hibernian 2-1 in the league. Tom Hale headed Rangers into the lead after ten minutes and the striker scored a second goal in the cup win.");
    expect(report.some((t) => t.subject.name === "Tom Hale" && t.relation === "LEADER_OF")).toBe(false);
    expect(has(run("Tom Hale heads the Acme Trust, which funds schools."), "Tom Hale", "head", "Acme Trust")).toBe(true);
  });

  it("newswire patterns: a company 'of' its town, the sale a company announces, a ticket price said", () => {
    const sale = run("Armtek Corp announced the sale of its tire division to Dyneer Corp of Scotsdale.");
    expect(sale.find((t) => t.subject.name === "Armtek Corp" && t.predicate === "announce_sale_to")?.object.name).toMatch(/^Dyneer Corp/);
    expect(has(run("Acme Corp sold the unit to Zeta Holdings Inc of Toronto."), "Acme Corp", "sell_to", "Zeta Holdings Inc")).toBe(true);
    // what was said is no one said to: "from New York to Copenhagen" is inside it
    expect(run("SAS said the price of a ticket from New York to Copenhagen will be 644 dlrs.").filter((t) => t.predicate.startsWith("say"))).toEqual([]);
    expect(has(run("Tom Hale said in a speech to the Business Club that taxes would fall."), "Tom Hale", "say_to", "Business Club")).toBe(true);
    // "a series of joint drills": the drills carry the event
    expect(has(run("Russia has conducted a series of joint drills with Belarus."), "Russia", "conduct_drills_with", "Belarus")).toBe(true);
  });

  it("what follows an event noun belongs to it: 'filed a complaint against Brussels with the WTO over state aid to Airbus'", () => {
    const t = run("The US filed a complaint against Brussels with the WTO over state aid to Airbus.");
    expect(has(t, "United States", "file_complaint_against", "Brussels")).toBe(true);
    expect(t.some((x) => x.object.name === "Airbus")).toBe(false);
  });

  it("a verb the tagger takes for a plural noun between two names: 'Belarus borders Poland, Lithuania and Latvia'", () => {
    const t = run("Belarus borders Poland, Lithuania and Latvia.");
    for (const o of ["Poland", "Lithuania", "Latvia"]) expect(has(t, "Belarus", "border", o)).toBe(true);
  });

  it("a work that stars a person is one the person stars in: 'The Grudge, starring Michelle Gellar'", () => {
    const t = run("Sony horror film The Grudge, starring Michelle Gellar, was the best-selling DVD.");
    expect(has(t, "Michelle Gellar", "star_in", "The Grudge")).toBe(true);
    expect(t.some((x) => x.subject.name === "The Grudge")).toBe(false);
  });

  it("a score after the loser's name is no part of it: 'Chelsea beat Fulham 2-1'", () => {
    expect(has(run("Chelsea beat Fulham 2-1 at Craven Cottage."), "Chelsea", "beat", "Fulham")).toBe(true);
  });

  it("a time phrase between subject and verb is not the subject", () => {
    const t = run("Mr Sunak on Monday visited Kenya.", "2023-11-08");
    expect(has(t, "Sunak", "visit", "Kenya")).toBe(true);
    expect(t[0]!.date).toBe("2023-11-06");
  });

  it("'who' after a list that is an object is the person just named; after a subject list, all of them", () => {
    const pairs = (text: string) => run(text).filter((x) => x.predicate === "dismiss" || x.predicate === "form").map((x) => `${x.subject.name} ${x.predicate} ${x.object.name}`);
    expect(pairs("The row began with a talk between Rovers boss Tom Hale and referee Piet Janssen, who later dismissed Ivo Berg.")).toEqual(["Piet Janssen dismiss Ivo Berg"]);
    expect(pairs("Tom Hale and Piet Janssen, who formed Acme Records in 1990, split.").sort()).toEqual(["Piet Janssen form Acme Records", "Tom Hale form Acme Records"]);
  });

  it("a subject's own conjuncts are no party to what each does: 'X and Y reached the final with Y setting a record'", () => {
    expect(run("Tom Hale and Ann Berg reached the final of the 60m hurdles with Berg setting a season's best.").filter((x) => x.subject.name === "Tom Hale" && x.object.name === "Ann Berg")).toEqual([]);
  });

  it("an absolute phrase's '-ing' verb has its own subject: 'with Australia facing South Africa'", () => {
    const pairs = (text: string) => run(text).map((x) => `${x.subject.name} ${x.predicate} ${x.object.name}`);
    expect(pairs("Kewell misses out this week, with Australia facing South Africa in Durban.")).toContain("Australia face South Africa");
    expect(pairs("Kewell misses out this week, with Australia facing South Africa in Durban.").some((t) => t.startsWith("Kewell"))).toBe(false);
  });

  it("a participle after a comma is no verb of the names before it: 'Southampton visit Northampton, having beaten ...'", () => {
    const pairs = run("Southampton visit Northampton, having already beaten the League Two side in the Carling Cup.").map((x) => `${x.subject.name} ${x.predicate} ${x.object.name}`);
    expect(pairs).toContain("Southampton visit Northampton");
    expect(pairs.some((t) => t.startsWith("Northampton"))).toBe(false);
  });

  it("a named possessor of the noun before an infinitive does what it says: 'compared Xstrata's attempt to take over WMC'", () => {
    const triples = (text: string) => run(text).map((x) => `${x.subject.name} ${x.predicate} ${x.object.name} (${x.modality})`);
    expect(triples("Tom Hale compared Acme Corp's attempt to take over Zeta Holdings to an earlier bid.")).toEqual(["Acme Corp take_over Zeta Holdings (intended)"]);
    // what one can do is not done
    expect(triples("Analysts questioned Acme Corp's ability to absorb Zeta Holdings.")).toEqual(["Acme Corp absorb Zeta Holdings (hypothetical)"]);
    // a possessor that names no one leaves the subject to the clause: "used Thursday's debate to launch"
    expect(triples("Tom Hale used Monday's meeting to criticise Zeta Holdings.")).toEqual(["Tom Hale criticize Zeta Holdings (asserted)"]);
  });

  it("a name after 'as' or 'past' that follows a noun is no object: 'met the same fate as X', 'smashed a volley past X'", () => {
    expect(run("Tom Hale said he could have met the same fate as singer Ann Berg.").filter((x) => x.object.name === "Ann Berg")).toEqual([]);
    expect(run("Tom Hale smashed a left-foot volley past Ivo Berg.").filter((x) => x.object.name === "Ivo Berg")).toEqual([]);
  });

  it("relative clauses: 'Chad, which borders Sudan'", () => {
    const t = run("Aid reached Chad, which borders Sudan.");
    expect(has(t, "Chad", "border", "Sudan")).toBe(true);
  });

  it("passive with an agent: 'Kenya was visited by Rishi Sunak'", () => {
    const t = run("Kenya was visited by Rishi Sunak.");
    expect(has(t, "Rishi Sunak", "visit", "Kenya")).toBe(true);
  });

  it("roles from titles and appositions", () => {
    const t = run("Spanish prime minister Pedro Sanchez met Lisbon officials. Lima, the capital of Peru, hosted the summit.");
    expect(has(t, "Lima", "capital_of", "Peru")).toBe(true);
  });

  it("'he' is resolved to the person the article just named, never emitted", () => {
    const t = run("Olaf Scholz flew to Brazil on Sunday. He later met Lula da Silva.");
    expect(t.some((x) => /^(he|she)$/i.test(x.subject.name))).toBe(false);
    expect(has(t, "Olaf Scholz", "meet", "Lula da Silva")).toBe(true);
  });

  it("a name that only modifies the head is not the object: 'ordered 2,000 US-based troops to Poland'", () => {
    const t = run("Joe Biden ordered 2,000 US-based troops to Poland.");
    expect(has(t, "Joe Biden", "order_to", "Poland")).toBe(true);
    expect(t.some((x) => x.object.name === "United States")).toBe(false);
  });

  it("circumstances are not arguments: 'amid tensions over Peru' gives no relation to Peru", () => {
    const t = run("Chile sent aid to Bolivia amid tensions over Peru.");
    expect(has(t, "Chile", "send_aid_to", "Bolivia")).toBe(true);
    expect(t.some((x) => x.object.name === "Peru")).toBe(false);
  });

  it("dates a future clause forward: 'will travel on Monday' in a Saturday article", () => {
    const t = run("Olaf Scholz will travel to Brazil on Monday.", "2023-11-04");
    expect(t.find((x) => x.predicate === "travel_to")!.date).toBe("2023-11-06");
  });

  it("'the bombers' are the Tu-95 the article names, and 'on patrol over X' says what they did", () => {
    const t = run("Russia sent two bombers on patrol over Syria. The Tu-95 bombers flew for ten hours.");
    const patrol = t.find((x) => x.predicate === "patrol")!;
    expect(patrol).toEqual(expect.objectContaining({ subject: expect.objectContaining({ name: "Tu-95", type: "Equipment" }), object: expect.objectContaining({ name: "Syria" }) }));
    expect(patrol.evidence.subject!.text).toBe("bombers");
  });

  it("'ally' relates any two parties, before or after the name: 'X, a lawyer and close ally of Y', 'Kremlin ally X'", () => {
    expect(has(run("Martin Clarke, a lawyer and close ally of Maria Lopez, spoke to reporters."), "Martin Clarke", "ally_of", "Maria Lopez")).toBe(true);
    expect(has(run("Belarus, a close ally of Russia, held drills."), "Belarus", "ally_of", "Russia")).toBe(true);
    expect(has(run("Kremlin ally Ramzan Kadyrov sent troops to Syria."), "Ramzan Kadyrov", "ally_of", "Kremlin")).toBe(true);
  });

  it("an organisation named with its kind is the organisation: 'members of the Nato alliance', 'joined the Nato alliance'", () => {
    const t = run("Poland and Lithuania, which are members of the NATO alliance, sent troops. Finland joined the Nato alliance in April.");
    for (const country of ["Poland", "Lithuania"]) expect(has(t, country, "member_of", "NATO")).toBe(true);
    expect(has(t, "Finland", "join", "NATO")).toBe(true);
    expect(run("Putin criticised the Nato summit.").some((x) => x.object.name === "NATO")).toBe(false);
  });

  it("a role 'of <name> <noun> <name>' is of the last name: 'chairman of P2P network Red Swoosh'", () => {
    const t = run("Anna Berg, founder and chairman of P2P network Red Swoosh, said so.");
    expect(has(t, "Anna Berg", "chairman_of", "Red Swoosh")).toBe(true);
    expect(t.some((x) => x.object.name === "P2P")).toBe(false);
  });

  it("a name inside what someone said or believes is no party to the saying; whom it was said to is", () => {
    const t = run("Andrew Beh said Siemens and Philips were the likeliest bidders. Maria Lopez believes Chelsea will win in Madrid. Tom Hart added: \"Europe is a big market.\"");
    expect(t.filter((x) => /^(say|believe|add)/.test(x.predicate))).toEqual([]);
    expect(has(run("Hilary Swank said to Clint Eastwood that she was grateful."), "Hilary Swank", "say_to", "Clint Eastwood")).toBe(true);
    expect(has(run("Rachel Lomax said in a speech to the Wales Business Club that rates would rise."), "Rachel Lomax", "say_to", "Wales Business Club")).toBe(true);
  });

  it("arguments stay in their own phrase: a fronted participle's end at the subject it borrows, a dash ends a phrase, a possessor is not the office", () => {
    const fronted = run("Responding to the plans, the chairman of the Police Federation of England and Wales said it was essential.");
    expect(fronted.filter((x) => x.predicate.startsWith("respond"))).toEqual([]);
    const dash = run("Jimmy Connors is not the first great name to offer his services to the LTA - his long-time rival John McEnroe has done the same.");
    expect(dash.some((x) => x.object.name === "John McEnroe")).toBe(false);
    expect(has(run("Conductor Marcello Viotti, director of Venice's famous La Fenice Theatre, has died."), "Marcello Viotti", "director_of", "La Fenice Theatre")).toBe(true);
    expect(run("Elvira Nabiullina, the head of Russia's central bank, spoke.").some((x) => x.object.name === "Russia")).toBe(false);
  });

  it("'Having beaten Arsenal' is beat; 'sent aid to' is aid, not troops; a general manager is no coach", () => {
    expect(run("Having beaten Arsenal, Chelsea travelled to Madrid.").find((x) => x.object.name === "Arsenal")).toMatchObject({ predicate: "beat", relation: "DEFEAT" });
    expect(run("Canada sent aid to Chile.").find((x) => x.object.name === "Chile")).toMatchObject({ predicate: "send_aid_to", relation: "PROVIDE_AID" });
    expect(run("Russia sent troops to Belarus.").find((x) => x.object.name === "Belarus")).toMatchObject({ relation: "EXHIBIT_FORCE_POSTURE" });
    expect(run("Real Madrid general manager Arrigo Sacchi is behind the move.").find((x) => x.subject.name === "Arrigo Sacchi")).toMatchObject({ predicate: "general_manager_of", relation: "HOLDS_OFFICE_IN" });
  });

  it("a noun before a team's title names another job: 'Labour campaign manager' works for Labour, an assistant manager coaches", () => {
    expect(run("Labour campaign manager Alan Milburn spoke.").find((x) => x.subject.name === "Alan Milburn")).toMatchObject({ predicate: "campaign_manager_of", relation: "WORKS_FOR" });
    expect(run("Chelsea assistant manager Steve Clarke spoke.").find((x) => x.subject.name === "Steve Clarke")).toMatchObject({ predicate: "assistant_manager_of", relation: "COACHES" });
  });

  it("a 'by' phrase of an event noun is no passive's agent: 'opposed to any takeover by Malcolm Glazer'", () => {
    expect(run("The fan-based group Shareholders United is strongly opposed to any takeover by Malcolm Glazer.").some((x) => x.subject.name === "Malcolm Glazer")).toBe(false);
    expect(has(run("Christos Tzekos was also banned for two years by the IAAF."), "IAAF", "ban", "Christos Tzekos")).toBe(true);
  });

  it("the British future of arrangements is a plan: 'is to visit', 'are still to meet' (where the verb group breaks at 'still')", () => {
    expect(run("Tony Blair is to visit Paris next week.").find((x) => x.object.name === "Paris")).toMatchObject({ predicate: "visit", modality: "intended" });
    expect(run("Wales are still to meet Italy.").find((x) => x.object.name === "Italy")).toMatchObject({ predicate: "meet", modality: "intended" });
  });

  it("a party named by its adjective is the party: 'former Conservative leader William Hague'", () => {
    expect(has(run("They list former Conservative leader William Hague as a supporter."), "William Hague", "leader_of", "Conservative Party")).toBe(true);
    expect(has(run("Liberal Democrat parliamentary chairman Matthew Taylor said so."), "Matthew Taylor", "chairman_of", "Liberal Democrats")).toBe(true);
  });

  it("'revealed Gallas and Drogba will start': a name followed by its verb is the subject of what was revealed, no party to it; 'confirmed Mourinho as manager' names one", () => {
    const t = run("But Jose Mourinho has revealed defender Willian Gallas and striker Didier Drogba will be in the starting line-up. Tony Blair announced Gordon Brown would lead the campaign.");
    expect(t.filter((x) => /^(reveal|announce)/.test(x.predicate))).toEqual([]);
    expect(has(run("Chelsea confirmed Jose Mourinho as manager."), "Chelsea", "confirm", "Jose Mourinho")).toBe(true);
  });

  it("'will next face', 'will next week visit': the verb after a modal and an adverb wink calls an adjective", () => {
    expect(has(run("Nicole Pratt will next meet Alicia Molik."), "Nicole Pratt", "meet", "Alicia Molik")).toBe(true);
    const t = run("Gordon Brown will next week visit Africa.");
    expect(has(t, "Gordon Brown", "visit", "Africa")).toBe(true);
    expect(t.some((x) => x.predicate.startsWith("next") || x.predicate.startsWith("week"))).toBe(false);
  });

  it("'he' in the next sentence is the person the last sentence was about, not one named in its subordinate clause", () => {
    const t = run("Neil Kinnock joined the shadow cabinet in 1980. He was not expected to win the election, when Margaret Thatcher was still riding high. He later became chairman of the British Council.");
    expect(has(t, "Neil Kinnock", "chairman_of", "British Council")).toBe(true);
    expect(t.some((x) => x.subject.name === "Margaret Thatcher")).toBe(false);
  });

  it("'she' goes back to the last woman named, past a man named since, when the first names tell", () => {
    const t = run("Margaret Hodge was born in Cairo. Neil Kinnock praised her work. She visited Paris in May.");
    expect(has(t, "Margaret Hodge", "visit", "Paris")).toBe(true);
    expect(has(t, "Neil Kinnock", "visit", "Paris")).toBe(false);
  });

  it("sports titles are roles: 'the Liverpool manager Rafael Benitez', 'Leicester prop Julian White', not a verb 'prop'", () => {
    const t = run("Fans cheered the Liverpool manager Rafael Benitez. Leicester prop Julian White is injured. Jose Mourinho is the manager of Chelsea.");
    expect(has(t, "Rafael Benitez", "manager_of", "Liverpool")).toBe(true);
    expect(has(t, "Julian White", "prop_of", "Leicester")).toBe(true);
    expect(has(t, "Jose Mourinho", "manager_of", "Chelsea")).toBe(true);
    expect(t.some((x) => x.predicate === "prop")).toBe(false);
  });

  it("a name before a playing position is a team, and 'Former' opening the sentence is not part of it", () => {
    const x = extractArticle({ id: "t.txt", text: "Former Everton midfielder Thomas Gravesen scored twice. And Arsenal keeper Jens Lehmann saved well." });
    expect(x.article.entities.map((e) => e.id)).toEqual(expect.arrayContaining(["organization:everton", "organization:arsenal"]));
    expect(x.article.entities.some((e) => e.name.startsWith("Former"))).toBe(false);
    expect(has(x.triples, "Thomas Gravesen", "midfielder_of", "Everton")).toBe(true);
    expect(has(x.triples, "Jens Lehmann", "keeper_of", "Arsenal")).toBe(true);
  });

  it("a cue word or title opening the sentence is not part of the name: 'Actor Christian Slater', 'Home Secretary David Blunkett'", () => {
    const names = (text: string) => extractArticle({ id: "t.txt", text }).article.entities.map((e) => `${e.name}/${e.type}`);
    expect(names("Actor Christian Slater was arrested in Paris.")).toContain("Christian Slater/Person");
    expect(names("Home Secretary David Blunkett resigned on Monday.")).toContain("David Blunkett/Person");
    expect(names("Labour MP George Galloway was expelled in 2003.")).toEqual(["Labour Party/Organization", "George Galloway/Person"]);
  });

  it("parties and houses named by their short forms are one organisation: 'the Tories', 'the Conservatives', 'Labour', 'the Commons'", () => {
    const x = extractArticle({ id: "t.txt", text: "The Tories accused Labour of raising taxes. The Conservatives told the Commons so." });
    expect(has(x.triples, "Conservative Party", "accuse", "Labour Party")).toBe(true);
    expect(x.article.entities.filter((e) => e.name === "Conservative Party").map((e) => e.type)).toEqual(["Organization"]);
    expect(x.article.entities.map((e) => e.name)).not.toContain("Tories");
  });

  it("words that are names of Object.prototype members ('constructor') never become relation names", () => {
    const t = [...run("Siemens is a constructor of Germany."), ...run("Russia sent bombers on constructor over Syria.")];
    expect(t.map((x) => x.predicate).filter((p) => !/^[a-z_]+$/.test(p))).toEqual([]);
  });

  it("'it' and 'they' in what an organisation says are the organisation; elsewhere 'it' names nobody", () => {
    const t = run("Acme Corp said it had sued Zeta Holdings. Brentford said they would meet Fulham. It was sued by Omega Group.");
    const sued = t.find((x) => x.predicate === "sue" && x.object.name === "Zeta Holdings");
    expect(sued?.subject.name).toBe("Acme Corp");
    expect(sued?.modality).toBe("reported");
    expect(sued?.evidence.subject?.text).toBe("it");
    expect(has(t, "Brentford", "meet", "Fulham")).toBe(true);
    // a sentence-initial "It" has no speaker to stand for
    expect(t.some((x) => x.subject.name === "Omega Group")).toBe(false);
  });

  it("'the company' is the organisation last named as a subject, not one inside a quotation", () => {
    const t = run("Acme Corp cut 500 jobs on Monday. The company also sued Zeta Holdings.");
    expect(has(t, "Acme Corp", "sue", "Zeta Holdings")).toBe(true);
    // a description apposed to a name is that name: "Rosneft, the company that acquired ..."
    const apposed = run("Gazprom will merge with Rosneft, the company that acquired Yuganskneftegas.");
    expect(apposed.find((x) => x.predicate === "acquire")?.subject.name).toBe("Rosneft");
    const quoted = run("Acme Corp cut 500 jobs. \"The company sued Zeta Holdings,\" Smith said.");
    expect(quoted.some((x) => x.predicate === "sue")).toBe(false);
  });

  it("each name of a coordinated agent acts: 'was founded by Tom Hale, Ann Roe and Joe Wu'", () => {
    const t = run("Omega Group was founded in 1971 by Tom Hale, Ann Roe and Joe Wu.");
    for (const who of ["Tom Hale", "Ann Roe", "Joe Wu"]) expect(has(t, who, "found", "Omega Group")).toBe(true);
  });

  it("a name after a verb is not part of the verb group: 'told Associated Press'; a name before its prepositional phrase heads it", () => {
    expect(has(run("\"Prices will rise,\" Tom Hale told Associated Press."), "Tom Hale", "tell", "Associated Press")).toBe(true);
    expect(has(run("Tom Hale from Reuters met Gordon Brown."), "Tom Hale", "meet", "Gordon Brown")).toBe(true);
    // what someone describes is no party to the describing: "described his years at Stradey"
    expect(run("Tom Hale described his years at Stradey as the best time.")).toEqual([]);
  });

  it("'he' after a subject that is a person's office is that person, not the one whose office it is", () => {
    const t = run("Acme Bank spokesman Tom Hale said the deal was done. \"We are pleased,\" he told Reuters. Kenteris's lawyer, Ann Roe, reacted angrily. \"It is a disgrace,\" she told Reuters.");
    expect(has(t, "Tom Hale", "tell", "Reuters")).toBe(true);
    expect(has(t, "Ann Roe", "tell", "Reuters")).toBe(true);
    // the person whose portrayal it is, not the one portrayed
    const portrayal = run("Jamie Foxx's portrayal of Ray Charles has seen him win prizes at the Golden Globes.");
    expect(portrayal.some((x) => x.subject.name === "Ray Charles")).toBe(false);
  });

  it("what a person tells a news organisation's website, paper or agency is told to the organisation", () => {
    expect(has(run("\"Prices will rise,\" Tom Hale told the BBC News website."), "Tom Hale", "tell", "BBC News")).toBe(true);
    expect(has(run("\"Prices will rise,\" Tom Hale told Reuters news agency."), "Tom Hale", "tell", "Reuters")).toBe(true);
    expect(has(run("\"Prices will rise,\" Tom Hale from Acme Corp, told Reuters."), "Tom Hale", "tell", "Reuters")).toBe(true);
  });

  it("a person spoken of inside a quotation is not the 'he' who says it", () => {
    const t = run("Tom Hale is the film's producer. \"People wonder why Ian Curtis left the band,\" he told Reuters.");
    expect(has(t, "Tom Hale", "tell", "Reuters")).toBe(true);
    expect(t.some((x) => x.subject.name === "Ian Curtis" && x.predicate === "tell")).toBe(false);
  });

  it("a person named after the 'he' a sentence is about is not the next 'he', but a 'she' can still find her", () => {
    const actor = run("Tom Harlow grew up in Leeds. He played undercover cop Jim Fenwick in the series Night Beat. In 1990 he began a partnership with Tim Burton.");
    expect(has(actor, "Tom Harlow", "begin_partnership_with", "Tim Burton")).toBe(true);
    expect(actor.some((x) => x.subject.name === "Jim Fenwick")).toBe(false);
    const woman = run("Gordon Brown spoke in Leeds. He must remember his row with Sarah Storer, who harangued him. \"You don't help anybody,\" she told Mr Brown.");
    expect(has(woman, "Sarah Storer", "tell", "Gordon Brown")).toBe(true);
    // named before the pronoun the clauses took for the subject, the person is the one it means
    const before = run("Gerhard Schroeder has called for the ban to end. Britain has been more cautious, but on Wednesday Jack Straw said he also wanted it to end. \"It is not appropriate,\" he told the Foreign Affairs Committee.");
    expect(has(before, "Jack Straw", "tell", "Foreign Affairs Committee")).toBe(true);
  });

  it("the person who acts on a thing the sentence is about is the 'he' after: 'Veritas was formed by Mr Hale after he quit UKIP'", () => {
    const party = run("Tom Hale founded a party. Jim Roe criticised it. Veritas was formed by Mr Hale last month after he quit UKIP.");
    expect(has(party, "Tom Hale", "quit", "UKIP")).toBe(true);
    expect(party.some((x) => x.subject.name === "Jim Roe" && x.predicate === "quit")).toBe(false);
    // a person acted on is still who the sentence is about
    const signed = run("Tom Hale joined Chelsea. He was signed by Jim Roe and went on to play under Ann Fenwick.");
    expect(has(signed, "Tom Hale", "play_under", "Ann Fenwick")).toBe(true);
    // a person named only as the owner of the thing acted on is not who acts
    const film = run("Frank Harlow's 1946 movie, starring James Stewart, is being turned into a musical by producer Jon Thorne. He is working with Steve Brand.");
    expect(has(film, "Jon Thorne", "work_with", "Steve Brand")).toBe(true);
    expect(film.some((x) => x.subject.name === "Frank Harlow")).toBe(false);
  });

  it("the 'he' of a relative clause is the person the sentence named before it, not one a verb acted on", () => {
    const party = run("Tom Hale has died. His death paved the way for Jim Roe to take over. Hale's constituency party, Clwyd North West, which he had represented for 20 years, deselected him.");
    expect(has(party, "Tom Hale", "represent", "Clwyd North West")).toBe(true);
    expect(has(run("Tom Roe won the race. As for Jim Hale, he was well beaten by Ann Fenwick."), "Ann Fenwick", "beat", "Jim Hale")).toBe(true);
    const novel = run("Ann Fenwick wrote the novel. One is a Jamaican who joined the army to fight Hitler but finds life hard when he settles in London.");
    expect(novel.some((x) => x.subject.name === "Hitler")).toBe(false);
  });

  it("a passive's agent is the noun a name modifies, and what an object is made is no making of it", () => {
    expect(run("The game Manhunt was blamed by the parents of 14-year-old Stefan Pakeerah.")).toEqual([]);
    expect(has(run("The game Manhunt was blamed by Stefan Pakeerah."), "Stefan Pakeerah", "blame", "Manhunt")).toBe(true);
    expect(run("Acme Corp is planning to make Zeta Browser and Zeta Mail more secure.").some((x) => x.predicate === "make")).toBe(false);
    // a rival left trailing was not left; a party left, saying why, was
    expect(run("Ann Fenwick left her rival Jane Roe trailing in sixth spot.").some((x) => x.object.name === "Jane Roe")).toBe(false);
    expect(has(run("Tom Hale also left Acme Corp saying Jim Roe would do better."), "Tom Hale", "leave", "Acme Corp")).toBe(true);
  });

  it("a person named before 'of' heads the phrase, however long the place after: 'beat Levan Rostov of the Republic of Georgia'", () => {
    const t = run("Tom Hale beat Levan Rostov of the Republic of Georgia 6-2 6-2.");
    expect(has(t, "Tom Hale", "beat", "Levan Rostov")).toBe(true);
    expect(t.some((x) => x.object.name === "Georgia" && x.predicate === "beat")).toBe(false);
  });

  it("an object's noun that carries the event stays in the predicate, plural or in an idiom: 'lost sponsorship deals with', 'called time on'", () => {
    const rel = (text: string) => extractArticle({ id: "t.txt", text }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
    expect(rel("Acme Corp, which recently lost sponsorship deals with Zeta Holdings, said so.")).toContain("Acme Corp lose_deals_with Zeta Holdings ACTS_WITH");
    expect(rel("Tom Hale, who called time on Acme Corp earlier this year, said so.")).toContain("Tom Hale call_time_on Acme Corp LEAVE");
    expect(rel("Tom Hale offered his services to Acme Corp last year.")).toContain("Tom Hale offer_services_to Acme Corp PROVIDE_AID");
    // a result, not a departure: "..., leaving coach X with a real problem"
    expect(run("Jim Roe and Ann Berg are out, leaving coach Tom Hale with a real problem.").some((x) => x.predicate === "leave")).toBe(false);
    expect(has(run("Tom Hale left Acme Corp with a colleague in 2003."), "Tom Hale", "leave", "Acme Corp")).toBe(true);
  });

  it("'which' is never a person, and a full stop after 'in' ends the sentence: no triple across either", () => {
    expect(run("Acme FC almost won it with a late shot from Tom Hale which was well held by Jim Roe.").some((x) => x.predicate === "hold")).toBe(false);
    const split = extractArticle({ id: "t.txt", text: "Uncapped Acme FC defender Tom Hale is drafted in. Defenders Jim Roe and Ann Berg have hamstring injuries." });
    expect(split.triples.some((t) => t.subject.name === "Tom Hale" && t.object.name === "Jim Roe")).toBe(false);
  });

  it("a verb's own noun or preposition stays in the predicate: 'begun proceedings against', 'settled for bronze in Athens'", () => {
    const rel = (text: string) => extractArticle({ id: "t.txt", text }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
    expect(rel("Acme Corp has begun proceedings against Zeta Holdings.")).toContain("Acme Corp begin_proceedings_against Zeta Holdings BRING_LAWSUIT_AGAINST");
    const bronze = rel("Tom Hale had to settle for bronze in Athens behind Jim Roe.");
    expect(bronze.some((t) => t.endsWith("LOCATED_IN"))).toBe(false);
    expect(bronze).toContain("Tom Hale settle_for_behind Jim Roe LOSE_TO");
    expect(rel("Tom Hale settled in London in 1990.")).toContain("Tom Hale settle_in London LOCATED_IN");
  });

  it("a share of a company bought is a stake in it, and one arrested along with another did not arrest him", () => {
    const rel = (text: string) => extractArticle({ id: "t.txt", text }).triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.relation}`);
    expect(rel("Acme Corp has bought 49% of Zeta Holdings this year.")).toContain("Acme Corp buy_stake_in Zeta Holdings ACQUIRE");
    expect(rel("Acme Corp has bought 100% of Zeta Holdings this year.")).toContain("Acme Corp buy Zeta Holdings ACQUIRE");
    expect(run("Tom Hale was arrested along with drummer Jim Roe after the brawl.").some((x) => x.object.name === "Jim Roe" || x.subject.name === "Jim Roe")).toBe(false);
  });

  it("a name after 'for' before an infinitive is its subject, and what it is to do is wished: 'its call for Britain to leave the EU'", () => {
    const t = extractArticle({ id: "t.txt", text: "Acme Party won seats on the back of its call for Britain to leave the European Union." }).triples.map((x) => `${x.subject.name} ${x.predicate} ${x.object.name} ${x.modality}`);
    expect(t).toContain("United Kingdom leave European Union intended");
    expect(t.some((x) => x.startsWith("Acme Party leave"))).toBe(false);
    // not a time after "for": "waiting for a decade to join"
    expect(has(run("Russia has been waiting for a decade to join the WTO as a member."), "Russia", "join", "WTO")).toBe(true);
    expect(has(run("Acme Corp joined forces with Zeta Holdings in May."), "Acme Corp", "join_forces_with", "Zeta Holdings")).toBe(true);
    expect(has(run("Acme Corp has won backing from Zeta Holdings this week."), "Acme Corp", "win_backing_from", "Zeta Holdings")).toBe(true);
    // one named the winner of an award won it
    expect(has(run("Tom Hale has been named the winner of the 2004 Jesse Owens Awards, the top honour."), "Tom Hale", "win", "Jesse Owens Awards")).toBe(true);
    // no departure: "keeping faith with", "leaving the way open for"
    expect(has(run("Tom Hale kept faith with Jim Roe all season."), "Tom Hale", "keep_faith_with", "Jim Roe")).toBe(true);
    const way = extractArticle({ id: "t.txt", text: "Acme Corp pulled out, leaving the way open for Zeta Holdings." }).triples;
    expect(way.some((t) => t.relation === "LEAVE")).toBe(false);
  });

  it("names listed before a title and its holder are the title's: 'Acme FC and England defender Tom Hale met ...'", () => {
    const t = run("Acme FC and England defender Tom Hale reportedly met Zeta FC boss Jim Roe in a London hotel.");
    expect(t.some((x) => x.subject.name === "Acme FC" && x.object.name === "Jim Roe")).toBe(false);
    expect(has(t, "Tom Hale", "meet", "Jim Roe")).toBe(true);
  });

  it("a name before a second object of selling is the buyer: 'had sold Zeta Holdings a stake'", () => {
    expect(has(run("Acme Corp had sold Zeta Holdings a stake in 2000."), "Acme Corp", "sell_to", "Zeta Holdings")).toBe(true);
    expect(has(run("Acme Corp sold Zeta Holdings in 2000."), "Acme Corp", "sell", "Zeta Holdings")).toBe(true);
  });

  it("a name right after another is still one phrase, and a seat won from a person is a defeat: 'Lib Dem Dominic Grieve told the BBC'", () => {
    expect(has(run("Lib Dem Dominic Grieve told the BBC."), "Dominic Grieve", "tell", "BBC")).toBe(true);
    const seat = extractArticle({ id: "t.txt", text: "Martin Bell won the seat from Tory Neil Hamilton." }).triples;
    expect(seat.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} ${t.object.type} ${t.relation}`)).toEqual(["Martin Bell win_seat_from Neil Hamilton Person DEFEAT"]);
  });

  it("'the home secretary' is the person the article gives that title, and the 'he' after it", () => {
    const t = run("Home Secretary Tom Hale unveiled plans. Jim Roe said his party offered a choice. The home secretary told the BBC he wanted changes. Speaking on Radio Leeds, he said migrants were of value.");
    expect(has(t, "Tom Hale", "tell", "BBC")).toBe(true);
    expect(t.some((x) => x.subject.name === "Jim Roe")).toBe(false);
    // a title two persons hold names neither
    expect(run("Foreign Minister Tom Hale met Foreign Minister Jim Roe. The foreign minister told the BBC it went well.").some((x) => x.predicate === "tell")).toBe(false);
    // what a verb of saying says is no one's addressee: "saying Tory attitudes to Europe had helped"
    expect(run("Jack Straw hit back by saying Tory attitudes to Europe had hurt the party.").some((x) => x.object.name === "Europe")).toBe(false);
  });

  it("a player 'of the USA' is the one beaten, not his country, and is from it", () => {
    expect(run("Rafael Nadal beat Andy Roddick of the USA in the final.").map((x) => `${x.subject.name} ${x.predicate} ${x.object.name}`)).toEqual(["Andy Roddick from United States", "Rafael Nadal beat Andy Roddick"]);
  });

  it("a name described after 'of' is what the noun before 'of' is about: 'ordered the deportation of Iranian-born model X'", () => {
    const triples = (text: string) => run(text).map((x) => `${x.subject.name} ${x.predicate} ${x.object.name} ${x.relation}`);
    expect(triples("Spain has ordered the deportation of Cuban-born singer Rosa Ibarra.")).toEqual(["Spain order_deportation_of Rosa Ibarra ARREST_DETAIN"]);
    expect(triples("Britain has sought the extradition of jailed activist Ali Rahimi.")).toEqual(["United Kingdom seek_extradition_of Ali Rahimi DEMAND"]);
    // the noun's phrase, not the name, is what was produced or followed
    expect(triples("The album was praised by the producer of the hit show Big Night Live.").some((t) => t.startsWith("Big Night Live"))).toBe(false);
    // one bare noun is what "of" is about, a title's: the agent still acts
    expect(triples("Moore was touted by Wasps director of rugby Warren Gatland as a future captain.")).toContain("Warren Gatland tout Moore MAKE_PUBLIC_STATEMENT");
    // a count stands for what it counts
    expect(triples("Ray Charles, who has won a string of posthumous Grammy Awards, was a pioneer.")[0]).toMatch(/^Ray Charles win Grammy Awards/);
  });

  it("a passive that keeps what was given: the subject won a prize it was awarded, and gave nothing", () => {
    const pairs = (text: string) => run(text).map((x) => `${x.subject.name} ${x.predicate} ${x.object.name}`);
    expect(pairs("Chemist Joan Fairley was awarded the Nobel Prize for her work.")).toEqual(["Joan Fairley win Nobel Prize"]);
    expect(pairs("The mayor was speaking after being granted the freedom of the city of Leeds.").filter((t) => t.includes("Leeds"))).toEqual([]);
    expect(pairs("Reports said Sinopec had been offered a stake in Gazprom.")).toEqual([]);
  });

  it("what a verb raises a copula to say is no relation between the two: 'was later revealed to be Maria Cruz'", () => {
    expect(run("Sacheen Littlefeather refused the award. She was later revealed to be actress Maria Cruz.")).toEqual([]);
  });

  it("a verb of saying keeps its 'that' clause past an adjunct: 'confirmed in midweek that he would join'", () => {
    const t = run("Mark Carroll confirmed in midweek that he would join Alistair Cragg in the European Championships.");
    expect(t.map((x) => `${x.subject.name} ${x.predicate} ${x.object.name} ${x.modality}`)).toEqual(["Mark Carroll join Alistair Cragg intended"]);
    // and the adjunct stays the verb's: who told him
    expect(has(run("Charles Schumer said he was told by the Senate Rules Committee that the tapes were stolen."), "Senate Rules Committee", "tell", "Charles Schumer")).toBe(true);
  });

  it("reads names through HTML's character references, with offsets into the text as given", () => {
    const text = "Commission president Jos&#233; Manuel Barroso met Jorge Sampaio in S&#227;o Paulo.";
    const t = extractArticle({ id: "t.txt", text }).triples.find((x) => x.predicate === "meet_in")!;
    expect([t.subject.name, t.object.name]).toEqual(["José Manuel Barroso", "São Paulo"]);
    expect(text.slice(t.evidence.subject!.start, t.evidence.subject!.end)).toBe("Jos&#233; Manuel Barroso");
  });

  it("a name that ends the object and is followed by its own verb is the subject of a clause without 'that', not the object", () => {
    expect(run("Tom Hale concedes Dundee are in good form at the moment.")).toEqual([]);
    expect(run("Mr Hale outlined his view of the direction Acme Corp should be taking.")).toEqual([]);
    expect(run("Ms Roe highlighted the fact Acme Corp won an award in 2004.")).toEqual([]);
    // a plural the tagger reads as a verb is still the object's head, and a helped side was helped
    expect(has(run("Labour criticised extravagant Tory promises on policing."), "Labour Party", "criticize", "Conservative Party")).toBe(true);
    expect(has(run("Arsene Wenger offers Adrian Mutu hope"), "Arsene Wenger", "offer", "Adrian Mutu")).toBe(true);
    expect(has(run("Ann Roe helped Dundee win the title."), "Ann Roe", "help", "Dundee")).toBe(true);
  });

  it("names listed before the noun that ends the list modify it: 'the Paris, Amsterdam and Lisbon bourses'", () => {
    expect(run("Acme Corp operates the Paris, Amsterdam, Brussels and Lisbon bourses.")).toEqual([]);
    expect(has(run("Acme Corp bought Zenith Bank, Delta Airlines and Orion Energy."), "Acme Corp", "buy", "Delta Airlines")).toBe(true);
  });

  it("a place's office with a party before it: 'London's Labour mayor Ken Livingstone' is mayor of London, in Labour", () => {
    const t = run("London's Labour mayor Ken Livingstone said the plan would work.");
    expect(has(t, "Ken Livingstone", "mayor_of", "London")).toBe(true);
    expect(has(t, "Ken Livingstone", "member_of", "Labour Party")).toBe(true);
    expect(has(t, "Ken Livingstone", "mayor_of", "Labour Party")).toBe(false);
    // a speech verb's object with an apposition before the reported verb is that clause's subject
    expect(run("But Mr Hale denied Mr Roe, his transport spokesman, said the plans stink.").some((x) => x.predicate === "deny")).toBe(false);
  });

  it("the object of a noun's preposition is no clause's subject: 'said shops in central London were expecting'", () => {
    expect(run("The association said shops in central London were expecting the best Christmas ever.")).toEqual([]);
    // a fronted phrase before the subject is no such preposition
    expect(has(run("On Tuesday Jack Straw told the Commons that the deal was done."), "Jack Straw", "tell", "House of Commons")).toBe(true);
  });

  it("after a passive agent that is no name, a name behind ', and' is the next item of an outer list, no agent", () => {
    expect(run("The largest claims came from Peru, which was struck by four hurricanes, and Chile, which suffered an earthquake.").some((x) => x.predicate === "strike")).toBe(false);
    // a person described twice is still the agent
    expect(has(run("Maria will be played by actress and singer Sandra Pires."), "Sandra Pires", "play_role_of", "Maria")).toBe(true);
  });

  it("a list inside a relative clause is not the subject: 'Euronext, which combines the Paris, Amsterdam and Lisbon exchanges, began talks'", () => {
    const t = run("In the meantime, Euronext, which combines the Paris, Amsterdam and Lisbon stock exchanges, also began talks with the LSE.");
    expect(t.some((x) => x.predicate === "begin_talks_with" && x.subject.name === "Euronext")).toBe(true);
    expect(t.some((x) => x.subject.name === "Paris")).toBe(false);
    // "the 2-0 Uefa Cup win against Lazio": a win, the noun, of no competition over anyone
    expect(run("Steve McClaren praised his side after the 2-0 Uefa Cup win against Lazio.").some((x) => x.subject.name === "Uefa Cup")).toBe(false);
  });

  it("a party's minister is a member of the party; a portfolio's minister is nobody's; 'who lives in London' lives there", () => {
    expect(has(run("Labour minister Tessa Jowell said the plan would work."), "Tessa Jowell", "member_of", "Labour Party")).toBe(true);
    expect(run("Economy and Labour Minister Wolfgang Clement said the plan would work.").some((x) => x.object.name === "Labour Party")).toBe(false);
    expect(has(run("Michelle Paver, who lives in London, began writing the book."), "Michelle Paver", "live_in", "London")).toBe(true);
  });

  it("a fronted participle's subject is the main clause's, not a subordinate clause's between; 'prior to' is no argument", () => {
    const t = run("Speaking at the Australian Open on Monday, before Tom Hale identified her, Svetlana Kuznetsova said she was not worried.");
    expect(has(t, "Svetlana Kuznetsova", "speak_at", "Australian Open")).toBe(true);
    expect(t.some((x) => x.subject.name === "Tom Hale" && x.predicate === "speak_at")).toBe(false);
    expect(run("Austin Healey won 51 caps prior to the 2003 World Cup.").some((x) => x.object.name === "World Cup")).toBe(false);
  });

  it("whom a verb of telling addresses is its object, whatever clause follows: 'told Reuters the deal was done'", () => {
    expect(has(run("Tom Hale told Reuters the deal was done."), "Tom Hale", "tell", "Reuters")).toBe(true);
    expect(has(run("Gordon Brown told the House of Commons that fuel duty would rise."), "Gordon Brown", "tell", "House of Commons")).toBe(true);
    expect(has(run("Peter Mandelson warned the BBC to steer away from the row."), "Peter Mandelson", "warn", "BBC")).toBe(true);
    // a verb of revealing still takes the clause's subject for no object: "revealed Gallas will start"
    expect(run("Jose Mourinho revealed William Gallas will start.").some((x) => x.predicate === "reveal")).toBe(false);
  });

  it("a competition's name before 'win over' is no party to the win: 'a Celtic League win over Borders'", () => {
    const t = run("Ulster clung on for a morale-boosting Celtic League win over bottom club Borders at Netherdale.");
    expect(t.some((x) => x.subject.name === "Celtic League")).toBe(false);
    // a name before a verb with its object is its subject: "Argentina's Agustin Calleri beat Jiri Novak"
    expect(has(run("Argentina's Agustin Calleri beat fourth seed Jiri Novak 7-5 6-1."), "Agustin Calleri", "beat", "Jiri Novak")).toBe(true);
  });

  it("a player who battled or eased past another beat him; walking past someone is no relation", () => {
    expect(run("Andre Agassi battled past Mario Ancic 6-4 3-6 6-3 6-4.").map((t) => `${t.predicate} ${t.relation}`)).toEqual(["battle_past DEFEAT"]);
    expect(run("Tom Hale walked past Ann Roe.")).toEqual([]);
  });

  it("a position glued by a hyphen is one noun: 'the England left-back' is no England", () => {
    expect(run("Robert Pires has urged the England left-back to stay at Highbury.")).toEqual([]);
  });

  it("a proposal or overtures rejected keep their noun: 'rejected a takeover proposal from Zeta Holdings'", () => {
    expect(has(run("Acme Corp rejected a takeover proposal from Zeta Holdings."), "Acme Corp", "reject_proposal_from", "Zeta Holdings")).toBe(true);
  });

  it("a nationality standing for a person is no node: 'the Scot replaced Harry Redknapp'", () => {
    const t = run("Tom Hale joined Southampton in 2004. The Scot replaced Harry Redknapp at the club.");
    expect(t.some((x) => x.subject.name === "Scot")).toBe(false);
  });

  it("'asked why', 'deciding whether to': the clause after is no object and no deed", () => {
    expect(run("Mr Johnson was asked why Mr Smith had been allowed to resign.").filter((t) => t.predicate === "ask")).toEqual([]);
    expect(run("Ann Roe will decide whether to compete in the Tour de France.").map((t) => t.modality)).toEqual(["hypothetical"]);
  });

  it("a list inside a phrase of the subject is not the subject; a list the subject counts or exemplifies is", () => {
    expect(run("Waste from countries such as Japan, Germany and Sweden will be stored in Britain.")).toEqual([]);
    const stars = run("Hollywood stars including Spike Lee and Burt Reynolds have paid tribute to Ossie Davis.");
    expect(has(stars, "Spike Lee", "pay_tribute_to", "Ossie Davis") && has(stars, "Burt Reynolds", "pay_tribute_to", "Ossie Davis")).toBe(true);
  });

  it("who left a club to join another joined it; 'the band', 'the club' stand for the one last named", () => {
    expect(has(run("Craig Bellamy left Newcastle United to join Glasgow Rangers on loan."), "Craig Bellamy", "join", "Glasgow Rangers")).toBe(true);
    expect(has(run("Acme Records signed Tom Hale in 2001. The label later dropped Ann Roe."), "Acme Records", "drop", "Ann Roe")).toBe(true);
  });
});
