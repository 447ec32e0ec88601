import { describe, expect, it } from "vitest";
import type { ArticleExtraction, Triple } from "newskg-extract";
import { buildGraph, edgeKey, noisyOr } from "./index.ts";
import { colorForType } from "./colors.ts";

const ref = (id: string, name: string, type: "Person" | "Location" = "Person") => ({ id, name, type });
const putin = ref("person:vladimir-putin", "Vladimir Putin");
const xi = ref("person:xi-jinping", "Xi Jinping");

function triple(article: string, start: number, confidence: number, date?: string): Triple {
  return {
    subject: putin,
    predicate: "meet",
    surface: "met",
    object: xi,
    evidence: { article, text: `sentence at ${start}`, start, end: start + 10 },
    confidence,
    ...(date ? { date } : {}),
  };
}

function article(id: string, triples: Triple[], date?: string): ArticleExtraction {
  return {
    article: { id, ...(date ? { date } : {}), mentions: { [putin.id]: 2, [xi.id]: 1 }, entities: [{ ...putin, aliases: ["Putin"] }, { ...xi, aliases: ["Mr Xi"] }] },
    triples,
  };
}

describe("buildGraph", () => {
  it("merges the same fact from several articles into one edge that keeps every piece of evidence", () => {
    const g = buildGraph([article("a.txt", [triple("a.txt", 0, 0.6, "2022-02-04")], "2022-02-05"), article("b.txt", [triple("b.txt", 40, 0.5, "2022-02-04")], "2022-02-06")]);
    expect(g.order).toBe(2);
    expect(g.size).toBe(1);
    const e = g.getEdgeAttributes(edgeKey(putin.id, "meet", xi.id));
    expect(e.count).toBe(2);
    expect(e.articles).toEqual(["a.txt", "b.txt"]);
    expect(e.dates).toEqual(["2022-02-04"]);
    expect(e.confidence).toBeCloseTo(0.8, 5);
    const n = g.getNodeAttributes(putin.id);
    expect(n.mentions).toBe(4);
    expect(n.articles).toEqual(["a.txt", "b.txt"]);
    expect(n.firstSeen).toBe("2022-02-05");
    expect(n.lastSeen).toBe("2022-02-06");
    expect(n.aliases).toEqual(["Putin"]);
  });

  it("counts a sentence once however often the same article is given", () => {
    const a = article("a.txt", [triple("a.txt", 0, 0.6)]);
    const g = buildGraph([a, a]);
    expect(g.getEdgeAttributes(edgeKey(putin.id, "meet", xi.id)).count).toBe(1);
  });

  it("gives the same graph whatever the order of the articles", () => {
    const a = article("a.txt", [triple("a.txt", 0, 0.6)]);
    const b = article("b.txt", [triple("b.txt", 5, 0.7)]);
    expect(JSON.stringify(buildGraph([a, b]).export())).toBe(JSON.stringify(buildGraph([b, a]).export()));
  });

  it("colours an entity of a type it does not know, even one named like an Object.prototype member, as Other", () => {
    const odd = { ...putin, type: "constructor" } as unknown as Triple["subject"];
    const a = article("a.txt", [{ ...triple("a.txt", 0, 0.6), subject: odd }]);
    a.article.entities = [{ ...odd, aliases: [] }, { ...xi, aliases: [] }];
    expect(buildGraph([a]).getNodeAttribute(putin.id, "color")).toBe(colorForType("Other"));
  });
});

describe("noisyOr", () => {
  it("grows with independent evidence and stays in [0,1]", () => {
    expect(noisyOr([])).toBe(0);
    expect(noisyOr([0.5])).toBe(0.5);
    expect(noisyOr([0.5, 0.5])).toBe(0.75);
    expect(noisyOr([1, 0.2])).toBe(1);
  });
});
