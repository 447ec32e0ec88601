import gexf from "graphology-gexf";
import { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph, withStatementModes } from "../../../e2e/fixtures.ts";
import { fromGexfGraph } from "../data/gexf.ts";
import { computeVisibility, createFilters } from "../filters/index.ts";
import { exportableGraph } from "./index.ts";

const graph = buildFixtureGraph();
const colorOf = () => "#123456";

// The browser writes and reads with graphology-gexf's browser endpoint; its
// Node endpoint (the same writer, xmldom for parsing) checks the round trip here.
describe("GEXF export", () => {
  it("writes only the visible nodes and edges, with flat attributes and viz data", () => {
    const visibility = computeVisibility(graph, createFilters({ predicates: new Set(["meet"]) }));
    const flat = exportableGraph(graph, { visibility, colorOf, description: "only meet" });
    expect(flat.order).toBe(3);
    expect(flat.size).toBe(2);
    const back = gexf.parse(MultiGraph, gexf.write(flat));
    expect(back.nodes().sort()).toEqual(["person:vladimir-putin", "person:xi-jinping", "person:xss"]);
    expect(back.getAttribute("description")).toBe("only meet");
    const putin = back.getNodeAttributes("person:vladimir-putin");
    expect(putin).toMatchObject({ label: "Vladimir Putin", type: "Person", aliases: "Vladimir Putin|Putin|President Putin", color: "rgb(18,52,86)" });
    expect(putin.x).toBeCloseTo(graph.getNodeAttribute("person:vladimir-putin", "x"), 3);
    const meet = back.getEdgeAttributes("person:vladimir-putin|meet|person:xi-jinping");
    expect(meet).toMatchObject({ predicate: "meet", weight: 2, articles: "fixture-a.txt|fixture-b.txt" });
    expect(String(meet.evidence).split("\n")).toHaveLength(2);
  });

  it("writes everything when no filter is on, names as text", () => {
    const text = gexf.write(exportableGraph(graph, { visibility: null, colorOf }));
    expect(text).toContain("&lt;img src=x onerror=alert(1)>");
    const back = gexf.parse(MultiGraph, text);
    expect([back.order, back.size]).toEqual([graph.order, graph.size]);
  });

  it("keeps relation classes and how statements were put, through a GEXF file and back", () => {
    const modes = withStatementModes();
    const back = fromGexfGraph(gexf.parse(MultiGraph, gexf.write(exportableGraph(modes, { visibility: null, colorOf }))));
    if (!back.ok) throw new Error(back.error);
    expect(back.graph.getEdgeAttributes("denied")).toMatchObject({ relation: "DENY", relationGroup: "other", cameo: "016", goldstein: -2, polarity: "negative", modality: "denied" });
    expect(back.graph.getEdgeAttributes("person:vladimir-putin|meet|person:xi-jinping")).toMatchObject({ relation: "CONSULT", cameo: "040", goldstein: 1, modality: "asserted" });
  });
});
