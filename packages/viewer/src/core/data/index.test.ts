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
