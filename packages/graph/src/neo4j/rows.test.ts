import { describe, expect, test } from "vitest";
import { toRows } from "./rows.ts";
import { addArticle, addEntity, addRelation, createTestGraph, serialize } from "./testing.ts";

describe("toRows", () => {
  const graph = createTestGraph();
  addArticle(graph, { id: "b.txt", sha256: "hb", mentions: { "person:a": 2, "person:b": 0, "person:gone": 4 } });
  addArticle(graph, { id: "a.txt", title: "A", mentions: { "person:a": 1 } });
  addEntity(graph, "person:a", { label: "A", type: "Person", mentions: 3 });
  addEntity(graph, "person:b", { label: "B", type: "Person" });
  addRelation(graph, "person:a", "meet", "person:b", [
    { article: "b.txt", text: "A met B.", start: 10, end: 18, confidence: 0.5, surface: "met" },
    { article: "a.txt", text: "A met B too.", start: 5, end: 17, confidence: 0.7, date: "2024-01-01" },
  ]);
  addRelation(graph, "person:b", "weird `predicate`", "person:a", [{ article: "a.txt", text: "x", start: 0, end: 1, confidence: 1 }]);
  const rows = toRows(serialize(graph));

  test("articles sorted, with nulls for what is missing", () => {
    expect(rows.articles).toEqual([
      { id: "a.txt", title: "A", date: null, source: null, sha256: null },
      { id: "b.txt", title: null, date: null, source: null, sha256: "hb" },
    ]);
  });

  test("mentions only of entities in the graph, and only counts above 0", () => {
    expect(rows.mentions).toEqual([
      { article: "a.txt", entity: "person:a", count: 1 },
      { article: "b.txt", entity: "person:a", count: 2 },
    ]);
  });

  test("relations: safe type, literal predicate, entries sorted, the articles they speak for", () => {
    expect(rows.relations.map((r) => [r.type, r.predicate, r.articles])).toEqual([
      ["MEET", "meet", ["a.txt", "b.txt"]],
      ["RELATED", "weird `predicate`", ["a.txt"]],
    ]);
    expect(rows.relations[0]!.entries).toEqual([
      // The only surface of the edge stands in for an item without one.
      { article: "a.txt", text: "A met B too.", start: 5, end: 17, date: "2024-01-01", confidence: 0.7, surface: "met" },
      { article: "b.txt", text: "A met B.", start: 10, end: 18, date: "", confidence: 0.5, surface: "met" },
    ]);
  });

  test("entities with their label", () => {
    expect(rows.entities.map((e) => [e.id, e.label, e.mentions])).toEqual([
      ["person:a", "Person", 3],
      ["person:b", "Person", 0],
    ]);
  });

  test("an entity's name comes with the first of its articles, the one buildGraph takes the name from", () => {
    const g = createTestGraph();
    addEntity(g, "person:c", { label: "C", type: "Person", articles: ["z.txt", "c.txt", "m.txt"] });
    addEntity(g, "person:d", { label: "D", type: "Person" });
    expect(toRows(serialize(g)).entities.map((e) => [e.id, e.nameArticle])).toEqual([
      ["person:c", "c.txt"],
      ["person:d", null],
    ]);
  });
});
