import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";
import { buildGraph } from "../build/index.ts";
import { computeMetrics } from "../metrics/index.ts";
import { applyLayout } from "../layout/index.ts";
import { fromJSON, toGEXF, toGraphML, toJSON, toNeo4jCSV } from "./index.ts";
import { seedExtractions } from "newskg-extract/testing";
import { resolveAcrossArticles } from "newskg-extract";

const graph = () => {
  const g = buildGraph(resolveAcrossArticles(seedExtractions()));
  computeMetrics(g);
  applyLayout(g);
  return g;
};

describe("graph of the seed articles", () => {
  it("is the same, layout included, on every run", () => {
    expect(toJSON(graph())).toBe(toJSON(graph()));
  });

  it("has PageRank, communities, degree and positions on its nodes", () => {
    const g = graph();
    const ranks = g.mapNodes((_n, a) => a.pagerank);
    expect(Math.max(...ranks)).toBeGreaterThan(0);
    expect(new Set(g.mapNodes((_n, a) => a.community)).size).toBeGreaterThan(1);
    const xs = new Set(g.mapNodes((_n, a) => a.x));
    expect(xs.size).toBeGreaterThan(g.order / 2);
    const putin = g.getNodeAttributes("person:vladimir-putin");
    expect(putin.degree).toBe(g.degree("person:vladimir-putin"));
    // one node for Putin across articles, however the articles spelled him
    expect(g.hasNode("person:putin")).toBe(false);
    expect(putin.articles.length).toBeGreaterThanOrEqual(2);
  });

  it("round-trips through JSON", () => {
    const g = graph();
    const back = fromJSON(JSON.parse(toJSON(g)));
    expect(back.order).toBe(g.order);
    expect(back.size).toBe(g.size);
    expect(back.getEdgeAttributes(back.edges()[0]!)).toEqual(g.getEdgeAttributes(g.edges()[0]!));
  });

  it("writes GEXF and GraphML that graphology reads back with the same nodes and edges", () => {
    const g = graph();
    const fromGexf = gexf.parse(MultiDirectedGraph, toGEXF(g));
    expect(fromGexf.order).toBe(g.order);
    expect(fromGexf.size).toBe(g.size);
    const fromGraphml = graphml.parse(MultiDirectedGraph, toGraphML(g));
    expect(fromGraphml.order).toBe(g.order);
    expect(fromGraphml.size).toBe(g.size);
    expect(fromGraphml.getNodeAttribute("person:vladimir-putin", "label")).toBe("Vladimir Putin");
  });

  it("writes neo4j-admin import CSVs with one line per node and relationship", () => {
    const g = graph();
    const csv = toNeo4jCSV(g);
    expect(csv["nodes.csv"]!.trim().split("\n")).toHaveLength(g.order + 1);
    expect(csv["relationships.csv"]!).toContain(",MEET,");
    expect(csv["nodes.csv"]!.split("\n")[0]).toBe("id:ID,name,type,aliases:string[],mentions:int,degree:int,pagerank:float,community:int,:LABEL");
  });
});
