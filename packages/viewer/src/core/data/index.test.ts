import { describe, expect, it } from "vitest";
import { fixtureGraphJson } from "../../../e2e/fixtures.ts";
import { graphUrlFrom, parseGraph, parseGraphText } from "./index.ts";

describe("parseGraph", () => {
  it("reads graphology's export", () => {
    const json = fixtureGraphJson();
    const r = parseGraph(json);
    if (!r.ok) throw new Error(r.error);
    expect(r.graph.order).toBe(json.nodes.length);
    expect(r.graph.size).toBe(json.edges.length);
    expect(r.graph.getNodeAttribute("location:kyiv", "aliases")).toContain("Kiev");
    expect(r.warnings).toEqual([]);
  });

  it("fills in missing attributes", () => {
    const r = parseGraph({ nodes: [{ key: "a" }, { key: "b", attributes: { label: "B", type: "Person" } }], edges: [{ source: "a", target: "b" }] });
    if (!r.ok) throw new Error(r.error);
    expect(r.graph.getNodeAttributes("a")).toMatchObject({ label: "a", type: "Other", aliases: [], degree: 1 });
    expect(Number.isFinite(r.graph.getNodeAttribute("a", "x"))).toBe(true);
    const [edge] = r.graph.edges();
    expect(r.graph.getEdgeAttributes(edge!)).toMatchObject({ predicate: "related_to", evidence: [], label: "related to" });
  });

  it("gives edges without a relation class the catch-all, and keeps the class, code, score and mode of those with one", () => {
    const r = parseGraph({
      nodes: [{ key: "a" }, { key: "b" }],
      edges: [
        { key: "old", source: "a", target: "b", attributes: { predicate: "meet" } },
        { key: "new", source: "a", target: "b", attributes: { predicate: "attack", relation: "DENY", relationGroup: "other", cameo: "016", goldstein: -2, polarity: "negative", modality: "denied" } },
        { key: "bare", source: "a", target: "b", attributes: { predicate: "accuse", relation: "ACCUSE", relationGroup: "nonsense", goldstein: "x" } },
        { key: "gexf", source: "a", target: "b", attributes: { predicate: "meet", relation: "CONSULT", relationGroup: "cooperation", cameo: "040", goldstein: "1", modality: "made up" } },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.graph.getEdgeAttributes("old")).toMatchObject({ relation: "RELATED", relationGroup: "catch-all", polarity: "positive", modality: "asserted" });
    expect(r.graph.getEdgeAttributes("old")).not.toHaveProperty("cameo");
    expect(r.graph.getEdgeAttributes("new")).toMatchObject({ relation: "DENY", relationGroup: "other", cameo: "016", goldstein: -2, polarity: "negative", modality: "denied" });
    // A group that is not one takes the schema's; a score that is not a number is left out.
    expect(r.graph.getEdgeAttributes("bare")).toMatchObject({ relation: "ACCUSE", relationGroup: "conflict" });
    expect(r.graph.getEdgeAttributes("bare")).not.toHaveProperty("goldstein");
    // GEXF attributes may arrive as strings.
    expect(r.graph.getEdgeAttributes("gexf")).toMatchObject({ cameo: "040", goldstein: 1, modality: "asserted" });
  });

  it("sizes nodes that come without a size by their links, so a hub is big enough to be labelled", () => {
    const spokes = ["b", "c", "d", "e", "f", "g", "h", "i", "j"];
    const r = parseGraph({
      nodes: [{ key: "hub" }, ...spokes.map((key) => ({ key })), { key: "sized", attributes: { size: 12, degree: 0 } }],
      edges: spokes.map((s) => ({ source: "hub", target: s })),
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.graph.getNodeAttributes("hub")).toMatchObject({ degree: 9, size: 3 + 3 * 2.5 });
    expect(r.graph.getNodeAttribute("hub", "size")).toBeGreaterThan(r.graph.getNodeAttribute("b", "size"));
    expect(r.graph.getNodeAttributes("sized")).toMatchObject({ degree: 0, size: 12 });
  });

  it("skips edges to missing nodes and duplicate keys with a warning", () => {
    const r = parseGraph({ nodes: [{ key: "a" }, { key: "a" }, {}], edges: [{ source: "a", target: "zzz" }, 5] });
    if (!r.ok) throw new Error(r.error);
    expect(r.graph.order).toBe(1);
    expect(r.warnings).toHaveLength(2);
  });

  it("rejects what is not a graph", () => {
    for (const bad of [null, 3, "x", [], {}, { nodes: [] }, { nodes: {}, edges: [] }]) {
      const r = parseGraph(bad);
      expect(r.ok).toBe(false);
    }
  });

  it("explains text that is not JSON", () => {
    const r = parseGraphText("<!doctype html><p>hi</p>");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not valid JSON \(it looks like HTML/);
  });
});

describe("graphUrlFrom", () => {
  it("defaults to graph.json beside the page", () => {
    expect(graphUrlFrom("")).toBe("./graph.json");
    expect(graphUrlFrom("?graph=")).toBe("./graph.json");
    expect(graphUrlFrom("?graph=https%3A%2F%2Fexample.org%2Fg.json")).toBe("https://example.org/g.json");
  });
});
