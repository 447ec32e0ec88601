import gexf from "graphology-gexf";
import { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import { exportableGraph } from "../export/index.ts";
import { computeVisibility, createFilters } from "../filters/index.ts";
import { fromGexfGraph, looksLikeHtmlPage, looksLikeMarkup } from "./gexf.ts";

const graph = buildFixtureGraph();
const colorOf = () => "#123456";

// graphology-gexf's Node endpoint parses here; the browser uses its DOMParser endpoint (src/io/gexf.ts).
describe("GEXF import", () => {
  it("reads the viewer's export back as a graph the filters work on", () => {
    const text = gexf.write(exportableGraph(graph, { visibility: null, colorOf }));
    const result = fromGexfGraph(gexf.parse(MultiGraph, text));
    if (!result.ok) throw new Error(result.error);
    const g = result.graph;
    expect([g.order, g.size]).toEqual([graph.order, graph.size]);
    expect(g.getNodeAttribute("location:kyiv", "aliases")).toEqual(["Kyiv", "Kiev"]);
    const meet = g.getEdgeAttributes("person:vladimir-putin|meet|person:xi-jinping");
    expect(meet.evidence.map((e) => e.text)).toEqual(graph.getEdgeAttribute("person:vladimir-putin|meet|person:xi-jinping", "evidence").map((e) => e.text));
    expect(meet.dates).toEqual(["2024-05-16", "2024-10-22"]);
    // One article: the sentence is known to come from it.
    expect(g.getEdgeAttribute("event:peace-talks|take_place_in|location:geneva", "evidence")[0]).toMatchObject({ article: "fixture-d.txt", date: "2024-07-09" });
    expect(computeVisibility(g, createFilters({ dateFrom: "2024-10-01" })).edges.has("person:vladimir-putin|meet|person:xi-jinping")).toBe(true);
  });

  it("gives a sparse GEXF from elsewhere the defaults of a sparse graph.json", () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<nodes><node id="1" label="Alice"/><node id="2" label="Bob"/></nodes>
<edges><edge source="1" target="2"/></edges></graph></gexf>`;
    const result = fromGexfGraph(gexf.parse(MultiGraph, text));
    if (!result.ok) throw new Error(result.error);
    expect(result.graph.getNodeAttributes("1")).toMatchObject({ label: "Alice", type: "Other", aliases: [], articles: [] });
    const [edge] = result.graph.edges();
    expect(result.graph.getEdgeAttributes(edge!)).toMatchObject({ predicate: "related_to", evidence: [] });
  });

  it("tells markup from JSON", () => {
    expect(looksLikeMarkup('  <?xml version="1.0"?><gexf/>')).toBe(true);
    expect(looksLikeMarkup('{"nodes": []}')).toBe(false);
    expect(looksLikeHtmlPage("<!DOCTYPE html><html>")).toBe(true);
    expect(looksLikeHtmlPage("<gexf>")).toBe(false);
  });
});
