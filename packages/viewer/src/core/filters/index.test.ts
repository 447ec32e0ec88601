import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import { computeVisibility, createFilters, isDefaultFilters, maxDegree } from "./index.ts";

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

describe("helpers", () => {
  it("knows default filters and the largest degree", () => {
    expect(isDefaultFilters(createFilters())).toBe(true);
    expect(isDefaultFilters(createFilters({ minDegree: 1 }))).toBe(false);
    expect(maxDegree(graph)).toBe(graph.degree("person:vladimir-putin"));
  });
});
