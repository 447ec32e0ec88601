import { describe, expect, it } from "vitest";
import { buildFixtureGraph, withStatementModes } from "../../../e2e/fixtures.ts";
import type { EdgeAttributes } from "../types.ts";
import {
  articleOptions,
  computeVisibility,
  countUnrelated,
  createFilters,
  isUnrelated,
  dateExtent,
  dateInRange,
  daySpan,
  isDefaultFilters,
  knownOnly,
  matchOptions,
  maxDegree,
  normaliseRange,
  predicateOptions,
} from "./index.ts";
import { relationOptions } from "../relations/index.ts";

const graph = buildFixtureGraph();

describe("computeVisibility", () => {
  it("shows everything with default filters", () => {
    const v = computeVisibility(graph, createFilters());
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
  });

  it("hides a type and the edges that touch it", () => {
    const v = computeVisibility(graph, createFilters({ hiddenTypes: new Set(["Location"]) }));
    expect(v.nodes.has("location:kyiv")).toBe(false);
    expect(v.nodes.has("person:vladimir-putin")).toBe(true);
    expect(v.edges.has("person:vladimir-putin|visit|location:beijing")).toBe(false);
    expect(v.edges.has("person:vladimir-putin|meet|person:xi-jinping")).toBe(true);
  });

  it("hides edges below the minimum confidence but keeps their nodes", () => {
    const v = computeVisibility(graph, createFilters({ minConfidence: 0.4 }));
    expect(v.edges.has("organization:united-nations|criticise|person:vladimir-putin")).toBe(false);
    expect(v.nodes.has("organization:united-nations")).toBe(true);
  });

  it("hides nodes below the minimum degree", () => {
    const v = computeVisibility(graph, createFilters({ minDegree: 3 }));
    expect(v.nodes.has("person:vladimir-putin")).toBe(true);
    expect(v.nodes.has("location:moscow")).toBe(false);
    for (const e of v.edges) {
      expect(v.nodes.has(graph.source(e)) && v.nodes.has(graph.target(e))).toBe(true);
    }
  });
});

describe("entities with no relation", () => {
  // The fixture plus two entities no sentence relates to anything.
  const withLoners = () => {
    const g = buildFixtureGraph();
    const base = g.getNodeAttributes("person:ana-lopez");
    g.addNode("person:loner", { ...base, label: "Lone Person", degree: 0 });
    g.addNode("location:nowhere", { ...base, label: "Nowhere", type: "Location", degree: 0 });
    return g;
  };

  it("are hidden by default, listed for search, and counted", () => {
    const g = withLoners();
    expect(countUnrelated(g)).toBe(2);
    expect(countUnrelated(graph)).toBe(0);
    const v = computeVisibility(g, createFilters());
    expect(v.nodes.has("person:loner")).toBe(false);
    expect(v.nodes.has("person:vladimir-putin")).toBe(true);
    expect(v.nodes.size).toBe(g.order - 2);
    expect(sorted(v.unrelated)).toEqual(["location:nowhere", "person:loner"]);
  });

  it("are shown when asked, and the revealed one is shown alone", () => {
    const g = withLoners();
    expect(computeVisibility(g, createFilters({ showUnrelated: true })).nodes.size).toBe(g.order);
    const revealed = computeVisibility(g, createFilters(), "person:loner");
    expect(revealed.nodes.has("person:loner")).toBe(true);
    expect(revealed.nodes.has("location:nowhere")).toBe(false);
    // A relation filter hides unconnected entities, but not the one revealed.
    expect(computeVisibility(g, createFilters({ predicates: new Set(["meet"]) }), "person:loner").nodes.has("person:loner")).toBe(true);
  });

  it("still obey the type filter, even when revealed", () => {
    const g = withLoners();
    const f = createFilters({ hiddenTypes: new Set(["Location"]) });
    const v = computeVisibility(g, f, "location:nowhere");
    expect(v.nodes.has("location:nowhere")).toBe(false);
    expect(sorted(v.unrelated)).toEqual(["person:loner"]);
  });
});

const MEET = "person:vladimir-putin|meet|person:xi-jinping";
const sorted = (set: Set<string>) => [...set].sort();

describe("predicate, article and date filters", () => {
  it("keeps only the chosen predicates, and the entities they connect", () => {
    const v = computeVisibility(graph, createFilters({ predicates: new Set(["meet"]) }));
    expect(sorted(v.edges)).toEqual(["person:vladimir-putin|meet|person:xi-jinping", "person:xss|meet|person:vladimir-putin"]);
    expect(sorted(v.nodes)).toEqual(["person:vladimir-putin", "person:xi-jinping", "person:xss"]);
  });

  it("keeps relations with a statement from a chosen article", () => {
    const v = computeVisibility(graph, createFilters({ articles: new Set(["fixture-d.txt"]) }));
    expect(v.edges.size).toBe(4);
    expect(v.edges.has("event:peace-talks|take_place_in|location:geneva")).toBe(true);
    expect(v.nodes.has("person:vladimir-putin")).toBe(false);
    // The Putin–Xi meeting is reported by articles A and B: either one shows it.
    expect(computeVisibility(graph, createFilters({ articles: new Set(["fixture-b.txt"]) })).edges.has(MEET)).toBe(true);
  });

  it("keeps relations with a statement dated in the range, ends included", () => {
    const june = computeVisibility(graph, createFilters({ dateFrom: "2024-06-01", dateTo: "2024-06-05" }));
    expect(june.edges.size).toBe(5);
    expect(june.edges.has("organization:red-cross|operate_in|location:kyiv")).toBe(true);
    expect(june.edges.has(MEET)).toBe(false);
    expect(computeVisibility(graph, createFilters({ dateFrom: "2024-10-22" })).edges.has(MEET)).toBe(true);
    expect(computeVisibility(graph, createFilters({ dateTo: "2024-05-16" })).edges.has(MEET)).toBe(true);
    expect(computeVisibility(graph, createFilters({ dateFrom: "2024-05-17", dateTo: "2024-10-21" })).edges.has(MEET)).toBe(false);
  });

  it("needs one statement that passes both the article and the date filter", () => {
    // Article A reported the meeting in May, article B in October.
    const f = createFilters({ articles: new Set(["fixture-a.txt"]), dateFrom: "2024-10-01", dateTo: "2024-10-31" });
    expect(computeVisibility(graph, f).edges.has(MEET)).toBe(false);
    expect(computeVisibility(graph, { ...f, articles: new Set(["fixture-b.txt"]) }).edges.has(MEET)).toBe(true);
  });

  it("dates a statement by its article when it has no date; hides undated statements unless asked", () => {
    const g = graph.copy();
    const undated = (a: EdgeAttributes): EdgeAttributes => ({ ...a, dates: [], evidence: a.evidence.map(({ date: _d, ...e }) => ({ ...e })) });
    g.updateEdgeAttributes("event:peace-talks|take_place_in|location:geneva", undated);
    g.updateEdgeAttributes("organization:red-cross|operate_in|location:kyiv", (a) => ({ ...undated(a), evidence: undated(a).evidence.map((e) => ({ ...e, article: "unlisted.txt" })) }));
    const july = createFilters({ dateFrom: "2024-07-01", dateTo: "2024-07-31" });
    // fixture-d.txt is dated 2024-07-09 in the graph's article list.
    expect(computeVisibility(g, july).edges.has("event:peace-talks|take_place_in|location:geneva")).toBe(true);
    expect(computeVisibility(g, july).edges.has("organization:red-cross|operate_in|location:kyiv")).toBe(false);
    expect(computeVisibility(g, { ...july, keepUndated: true }).edges.has("organization:red-cross|operate_in|location:kyiv")).toBe(true);
    // Without a range, nothing is hidden for lack of a date.
    expect(computeVisibility(g, createFilters()).edges.size).toBe(g.size);
  });

  it("judges relations whose evidence names no article (read from GEXF) on their article and date lists", () => {
    const g = graph.copy();
    g.updateEdgeAttributes(MEET, (a) => ({ ...a, evidence: a.evidence.map((e) => ({ text: e.text, article: "", start: 0, end: 0, confidence: 1 })) }));
    expect(computeVisibility(g, createFilters({ articles: new Set(["fixture-b.txt"]) })).edges.has(MEET)).toBe(true);
    expect(computeVisibility(g, createFilters({ articles: new Set(["fixture-c.txt"]) })).edges.has(MEET)).toBe(false);
    expect(computeVisibility(g, createFilters({ dateFrom: "2024-10-01" })).edges.has(MEET)).toBe(true);
    expect(computeVisibility(g, createFilters({ dateFrom: "2024-11-01" })).edges.has(MEET)).toBe(false);
  });

  it("combines with the type filter: a hidden type hides its relations whatever their predicate", () => {
    const v = computeVisibility(graph, createFilters({ predicates: new Set(["leader_of"]), hiddenTypes: new Set(["Location"]) }));
    expect(v.edges.size).toBe(0);
    expect(v.nodes.size).toBe(0);
  });
});

describe("filter options", () => {
  it("lists predicates by frequency, with counts", () => {
    const options = predicateOptions(graph);
    expect(options[0]).toEqual({ predicate: "leader_of", label: "leader of", count: 3 });
    expect(options.find((o) => o.predicate === "meet")?.count).toBe(2);
    expect(options.reduce((n, o) => n + o.count, 0)).toBe(graph.size);
  });

  it("lists articles newest first with titles, dates and relation counts", () => {
    const options = articleOptions(graph);
    expect(options.map((o) => o.id)).toEqual(["fixture-b.txt", "fixture-d.txt", "fixture-c.txt", "fixture-a.txt", "fixture-x.txt"]);
    expect(options[0]).toEqual({ id: "fixture-b.txt", title: "Fixture article B", date: "2024-10-22", count: 4 });
  });

  it("finds the span of the graph's dates and matches typed text loosely", () => {
    expect(dateExtent(graph)).toEqual({ min: "2024-01-01", max: "2024-10-23" });
    expect(matchOptions(predicateOptions(graph), "LEADER", (o) => o.label).map((o) => o.predicate)).toEqual(["leader_of"]);
    expect(matchOptions(articleOptions(graph), " ", (o) => o.id)).toHaveLength(5);
  });
});

describe("relation classes and how statements are put", () => {
  const modes = withStatementModes();
  const NOT_FACTS = ["denied", "negated", "planned", "possible"];

  it("shows facts only by default: positive statements, asserted or reported", () => {
    const v = computeVisibility(modes, createFilters());
    for (const e of NOT_FACTS) expect(v.edges.has(e), e).toBe(false);
    expect(v.edges.has("reported")).toBe(true);
    expect(v.edges.has(MEET)).toBe(true);
    expect(v.edges.size).toBe(modes.size - 4);
    const all = computeVisibility(modes, createFilters({ showAllModes: true }));
    expect(all.edges.size).toBe(modes.size);
  });

  it("counts an entity whose only relations are not facts as one with no relation, while those are hidden", () => {
    const g = withStatementModes();
    g.addNode("location:crimea", { ...g.getNodeAttributes("location:kyiv"), label: "Crimea" });
    g.addEdgeWithKey("denied-crimea", "location:moscow", "location:crimea", { ...g.getEdgeAttributes("denied") });
    expect(isUnrelated(g, "location:crimea")).toBe(true);
    expect(isUnrelated(g, "location:crimea", true)).toBe(false);
    expect(countUnrelated(g)).toBe(1);
    expect(countUnrelated(g, true)).toBe(0);
    const v = computeVisibility(g, createFilters());
    expect(v.nodes.has("location:crimea")).toBe(false);
    expect(sorted(v.unrelated)).toEqual(["location:crimea"]);
    // Shown with the statements that are not facts, or with the entities with no relation (then without its line).
    expect(computeVisibility(g, createFilters({ showAllModes: true })).nodes.has("location:crimea")).toBe(true);
    const loners = computeVisibility(g, createFilters({ showUnrelated: true }));
    expect(loners.nodes.has("location:crimea")).toBe(true);
    expect(loners.edges.has("denied-crimea")).toBe(false);
  });

  it("keeps only the chosen classes, and the entities they connect", () => {
    const v = computeVisibility(modes, createFilters({ relations: new Set(["CONSULT"]) }));
    expect(sorted(v.edges)).toEqual([MEET, "person:xss|meet|person:vladimir-putin"]);
    expect(sorted(v.nodes)).toEqual(["person:vladimir-putin", "person:xi-jinping", "person:xss"]);
  });

  it("selecting a whole group hides the other groups' relations", () => {
    const cooperation = relationOptions(modes).find((g) => g.group === "cooperation")!;
    const v = computeVisibility(modes, createFilters({ relations: new Set(cooperation.classes.map((c) => c.id)) }));
    expect(v.edges.has(MEET)).toBe(true);
    expect(v.edges.has("person:volodymyr-zelensky|ask|organization:nato")).toBe(true);
    expect(v.edges.has("person:xi-jinping|leader_of|location:beijing")).toBe(false);
    expect(v.edges.has("organization:united-nations|criticise|person:vladimir-putin")).toBe(false);
    // The planned trip is cooperation too, but not a fact.
    expect(v.edges.has("planned")).toBe(false);
    expect(computeVisibility(modes, createFilters({ relations: new Set(cooperation.classes.map((c) => c.id)), showAllModes: true })).edges.has("planned")).toBe(true);
  });

  it("a denied attack is a class of its own: chosen, it shows with the other statements", () => {
    const f = createFilters({ relations: new Set(["DENY"]) });
    expect(computeVisibility(modes, f).edges.size).toBe(0);
    expect(sorted(computeVisibility(modes, { ...f, showAllModes: true }).edges)).toEqual(["denied"]);
  });

  it("combines with the predicate filter", () => {
    const v = computeVisibility(modes, createFilters({ relations: new Set(["CONSULT", "LEADER_OF"]), predicates: new Set(["leader_of", "visit"]) }));
    expect(v.edges.size).toBe(3);
    expect([...v.edges].every((e) => e.includes("|leader_of|"))).toBe(true);
  });
});

describe("dates", () => {
  it("reads days, months and years as spans of days", () => {
    expect(daySpan("2024-05-16T10:00:00Z")).toEqual({ first: "2024-05-16", last: "2024-05-16" });
    expect(daySpan("2024-05")).toEqual({ first: "2024-05-01", last: "2024-05-31" });
    expect(daySpan("2024")).toEqual({ first: "2024-01-01", last: "2024-12-31" });
    expect(daySpan("last Monday")).toBeNull();
    expect(dateInRange("2024-05", { from: "2024-05-20", to: null })).toBe(true);
    expect(dateInRange("2024-04-30", { from: "2024-05-01", to: null })).toBe(false);
    expect(dateInRange(undefined, { from: "2024-05-01", to: null })).toBeNull();
    expect(normaliseRange("2024-09-01", "2024-02-30")).toEqual({ from: "2024-02-30", to: "2024-09-01" });
    expect(normaliseRange("", "nonsense")).toEqual({ from: null, to: null });
  });
});

describe("helpers", () => {
  it("knows default filters and the largest degree", () => {
    expect(isDefaultFilters(createFilters())).toBe(true);
    expect(isDefaultFilters(createFilters({ minDegree: 1 }))).toBe(false);
    expect(isDefaultFilters(createFilters({ predicates: new Set(["meet"]) }))).toBe(false);
    expect(isDefaultFilters(createFilters({ dateTo: "2024-01-01" }))).toBe(false);
    expect(isDefaultFilters(createFilters({ keepUndated: true }))).toBe(true);
    expect(isDefaultFilters(createFilters({ showUnrelated: true }))).toBe(false);
    expect(isDefaultFilters(createFilters({ relations: new Set(["CONSULT"]) }))).toBe(false);
    expect(isDefaultFilters(createFilters({ showAllModes: true }))).toBe(false);
    const stale = knownOnly(createFilters({ relations: new Set(["CONSULT", "FIGHT"]), predicates: new Set(["meet", "gone"]), articles: new Set(["nowhere.txt"]) }), graph);
    expect([...stale.relations]).toEqual(["CONSULT"]);
    expect([...stale.predicates]).toEqual(["meet"]);
    expect(stale.articles.size).toBe(0);
    expect(maxDegree(graph)).toBe(graph.degree("person:vladimir-putin"));
  });
});
