import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../build/index.ts";
import { applyLayout, type LayoutCache } from "./index.ts";

/** A graph from "a-b" edge strings; nodes named in `isolated` have no edge. */
function graphOf(edges: string[], isolated: string[] = []): KnowledgeGraph {
  const g = new MultiDirectedGraph() as unknown as KnowledgeGraph;
  const node = (id: string) => void g.mergeNode(id, { label: id, x: 0, y: 0 } as never);
  for (const e of edges) {
    const [s, t] = e.split("-") as [string, string];
    node(s);
    node(t);
    g.addEdge(s, t, {} as never);
  }
  for (const id of isolated) node(id);
  return g;
}

const positions = (g: KnowledgeGraph) => Object.fromEntries(g.mapNodes((n, a) => [n, [a.x, a.y]]));

function memoryCache() {
  const store = new Map<string, number[]>();
  const log = { hits: 0, sets: 0 };
  const cache: LayoutCache = {
    get: (k) => {
      const v = store.get(k);
      if (v) log.hits++;
      return v;
    },
    set: (k, v) => {
      log.sets++;
      store.set(k, v);
    },
  };
  return { cache, log, store };
}

// Two cycles joined by a bridge, with trees hanging off them; a separate triangle; a path; isolated nodes.
const corpus = ["a-b", "b-c", "c-a", "c-d", "d-e", "e-f", "f-d", "a-t1", "t1-t2", "t1-t3", "p-q", "q-r", "r-p", "x-y", "y-z"];

describe("applyLayout", () => {
  it("is a function of the graph: the same on every run, whatever the insertion order", () => {
    const one = graphOf(corpus, ["lonely", "alone"]);
    const two = graphOf([...corpus].reverse(), ["alone", "lonely"]);
    applyLayout(one);
    applyLayout(two);
    expect(positions(two)).toEqual(positions(one));
    const xs = new Set(Object.values(positions(one)).map(([x, y]) => `${x},${y}`));
    expect(xs.size).toBe(one.order); // no two nodes on the same spot
  });

  it("gives with a cache exactly what it gives without", () => {
    const { cache, log } = memoryCache();
    const clean = graphOf(corpus, ["lonely"]);
    applyLayout(clean);
    const first = graphOf(corpus, ["lonely"]);
    applyLayout(first, { cache });
    expect(log.sets).toBe(2); // two cores: the two cycles with their bridge, and the triangle
    const again = graphOf(corpus, ["lonely"]);
    applyLayout(again, { cache });
    expect(log.hits).toBe(2);
    expect(positions(first)).toEqual(positions(clean));
    expect(positions(again)).toEqual(positions(clean));
  });

  it("re-runs ForceAtlas2 only on a core that changed; new trees and components cost nothing", () => {
    const { cache, log } = memoryCache();
    applyLayout(graphOf(corpus), { cache });
    log.sets = 0;
    log.hits = 0;
    // New leaves on a core node, a new component and a new isolated node: both cores are reused.
    const grown = [...corpus, "a-new1", "new1-new2", "m-n"];
    const incremental = graphOf(grown, ["lonely"]);
    applyLayout(incremental, { cache });
    expect(log).toEqual({ hits: 2, sets: 0 });
    const clean = graphOf(grown, ["lonely"]);
    applyLayout(clean);
    expect(positions(incremental)).toEqual(positions(clean));
    // An edge closing a new cycle changes that core only.
    const cycled = [...grown, "t2-b"];
    const changed = graphOf(cycled);
    applyLayout(changed, { cache });
    expect(log).toEqual({ hits: 3, sets: 1 });
    const cleanChanged = graphOf(cycled);
    applyLayout(cleanChanged);
    expect(positions(changed)).toEqual(positions(cleanChanged));
  });

  it("puts isolated nodes outside everything else", () => {
    const g = graphOf(corpus, ["lonely", "alone"]);
    applyLayout(g);
    const r = (n: string) => Math.hypot(g.getNodeAttribute(n, "x"), g.getNodeAttribute(n, "y"));
    const connected = Math.max(...g.filterNodes((n) => g.degree(n) > 0).map(r));
    expect(r("lonely")).toBeGreaterThan(connected);
    expect(r("alone")).toBeGreaterThan(connected);
  });
});
