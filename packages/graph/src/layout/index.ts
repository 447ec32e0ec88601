/**
 * Positions, computed once at build time so the viewer opens on a readable
 * picture. Every connected component is laid out on its own, then the
 * components are packed around the largest one:
 * - the component's 2-core (what is left after repeatedly removing nodes
 *   with one neighbour: the part with cycles) gets ForceAtlas2, started from
 *   positions hashed from the node ids;
 * - the trees hanging off the core (and components that are trees) are
 *   placed radially around the node they hang from, pointing away from the
 *   core, in a few microseconds a node;
 * - entities with no relation (in news corpora often most of the nodes) go
 *   on a band around everything.
 *
 * Positions are a pure function of the graph: ForceAtlas2 sees the core's
 * nodes and edges in sorted order, so the same core gets the same positions
 * in whatever graph it sits. That is what makes the optional cache sound: a
 * core's positions can be stored under a hash of the core, and a later
 * build that finds the same core reuses them and gets exactly what a clean
 * run computes. Most edits to a corpus add or change trees, which cost
 * nothing; an edit that changes a core re-runs ForceAtlas2 on that core only.
 */
import { UndirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "../build/index.ts";

/** Part of every cache key: change it whenever the core layout computes something else. */
const LAYOUT_VERSION = 2;

/** Core positions by a hash of the core: [x0, y0, x1, y1, ...] in the core's sorted node order. */
export interface LayoutCache {
  get(key: string): number[] | undefined;
  set(key: string, positions: number[]): void;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations for every core; the default depends on the core's size. */
  iterations?: number;
  /** Core positions computed by earlier runs (see the note at the top). */
  cache?: LayoutCache;
}

/** About 100,000 node-iterations: 400 iterations for small cores, fewer for big ones. */
export function defaultIterations(order: number): number {
  return Math.max(30, Math.min(400, Math.round(100_000 / Math.max(order, 1))));
}

function hash(s: string, seed = 2166136261): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A 106-bit hash (two cyrb53 halves): cache keys must not collide. */
function digest(s: string): string {
  const cyrb53 = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${cyrb53(1)}-${cyrb53(2)}`;
}

const TAU = Math.PI * 2;

/** Sets every node's `x` and `y` (see the top of this file); the same graph gets the same positions. */
export function applyLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): void {
  // The simple undirected graph on node indices, nodes in id order.
  const ids = graph.nodes().sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const seen = new Set<number>();
  const neighbours: number[][] = ids.map(() => []);
  graph.forEachEdge((_e, _a, s, t) => {
    let i = index.get(s)!;
    let j = index.get(t)!;
    if (i === j) return;
    if (i > j) [i, j] = [j, i];
    const pair = i * n + j;
    if (seen.has(pair)) return;
    seen.add(pair);
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  });
  for (const list of neighbours) list.sort((a, b) => a - b);

  // The 2-core: peel nodes with fewer than two neighbours left.
  const degree = neighbours.map((l) => l.length);
  const inCore = new Uint8Array(n).fill(1);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (degree[i]! < 2) queue.push(i);
  while (queue.length) {
    const i = queue.pop()!;
    if (!inCore[i]) continue;
    inCore[i] = 0;
    for (const j of neighbours[i]!) if (inCore[j] && --degree[j]! < 2) queue.push(j);
  }

  // Connected components with at least one edge, each in index order.
  const component = new Int32Array(n).fill(-1);
  const components: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (component[i] !== -1 || neighbours[i]!.length === 0) continue;
    const members = [i];
    component[i] = components.length;
    for (let k = 0; k < members.length; k++) {
      for (const j of neighbours[members[k]!]!) {
        if (component[j] === -1) {
          component[j] = components.length;
          members.push(j);
        }
      }
    }
    components.push(members.sort((a, b) => a - b));
  }

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  // Cores first: the median edge of the largest is the unit the trees and gaps are drawn in.
  const cores = components.map((members) => members.filter((i) => inCore[i]));
  for (const core of cores) if (core.length) layoutCore(ids, neighbours, core, x, y, options);
  const largest = cores.reduce((best, core) => (core.length > best.length ? core : best), [] as number[]);
  let unit = largest.length ? medianEdgeLength(neighbours, largest, inCore, x, y) : 0;
  if (!(unit > 0)) unit = 10;

  components.forEach((members, c) => placeTrees(neighbours, members, cores[c]!, inCore, x, y, unit));
  const extent = pack(components, x, y, unit);

  // Isolated entities: evenly on a golden-angle band outside the rest, in id order.
  const isolated: number[] = [];
  for (let i = 0; i < n; i++) if (neighbours[i]!.length === 0) isolated.push(i);
  isolated.forEach((i, k) => {
    const r = extent * (1.1 + 0.4 * Math.sqrt((k + 0.5) / isolated.length));
    const angle = k * 2.399963229728653;
    x[i] = Math.cos(angle) * r;
    y[i] = Math.sin(angle) * r;
  });
  for (let i = 0; i < n; i++) graph.mergeNodeAttributes(ids[i]!, { x: Math.round(x[i]! * 100) / 100, y: Math.round(y[i]! * 100) / 100 });
}

/** ForceAtlas2 on one core, or its positions from the cache. */
function layoutCore(ids: string[], neighbours: number[][], core: number[], x: Float64Array, y: Float64Array, options: LayoutOptions): void {
  const iterations = options.iterations ?? defaultIterations(core.length);
  const local = new Map(core.map((i, k) => [i, k]));
  const edges: [number, number][] = [];
  for (const i of core) for (const j of neighbours[i]!) if (j > i && local.has(j)) edges.push([local.get(i)!, local.get(j)!]);
  const key = `core${LAYOUT_VERSION}-${iterations}-${core.length}-${digest(`${core.map((i) => ids[i]).join("\n")}\n\n${edges.map(([a, b]) => `${a},${b}`).join(" ")}`)}`;
  let positions = options.cache?.get(key);
  if (!positions || positions.length !== core.length * 2) {
    const g = new UndirectedGraph();
    for (const i of core) {
      const h = hash(ids[i]!);
      const angle = ((h & 0xffff) / 0xffff) * TAU;
      const radius = 10 + ((h >>> 16) / 0xffff) * 90;
      g.addNode(ids[i]!, { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius });
    }
    for (const [a, b] of edges) g.addEdge(ids[core[a]!]!, ids[core[b]!]!);
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 1000 };
    const result = forceAtlas2(g, { iterations, settings, getEdgeWeight: null });
    positions = core.flatMap((i) => [result[ids[i]!]!.x, result[ids[i]!]!.y]);
    options.cache?.set(key, positions);
  }
  core.forEach((i, k) => {
    x[i] = positions![2 * k]!;
    y[i] = positions![2 * k + 1]!;
  });
}

function medianEdgeLength(neighbours: number[][], core: number[], inCore: Uint8Array, x: Float64Array, y: Float64Array): number {
  const lengths: number[] = [];
  for (const i of core) for (const j of neighbours[i]!) if (j > i && inCore[j]) lengths.push(Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!));
  lengths.sort((a, b) => a - b);
  return lengths[lengths.length >> 1] ?? 0;
}

/**
 * The trees of a component, radially: each hangs off a core node (or, in a
 * component without a core, off its best-connected node), spread over a
 * wedge pointing away from the core's other neighbours, every subtree in a
 * share of its parent's wedge as large as its number of leaves.
 */
function placeTrees(neighbours: number[][], members: number[], core: number[], inCore: Uint8Array, x: Float64Array, y: Float64Array, unit: number): void {
  let roots = core;
  if (core.length === 0) {
    let root = members[0]!;
    for (const i of members) if (neighbours[i]!.length > neighbours[root]!.length) root = i;
    x[root] = 0;
    y[root] = 0;
    roots = [root];
  }
  const children = new Map<number, number[]>();
  const visited = new Set(roots);
  const order: number[] = [];
  // Breadth first from every root, over tree nodes only.
  let frontier = roots;
  while (frontier.length) {
    const next: number[] = [];
    for (const p of frontier) {
      for (const c of neighbours[p]!) {
        if (visited.has(c) || inCore[c]) continue;
        visited.add(c);
        if (!children.has(p)) children.set(p, []);
        children.get(p)!.push(c);
        next.push(c);
        order.push(c);
      }
    }
    frontier = next;
  }
  const leaves = new Map<number, number>();
  for (let k = order.length - 1; k >= -roots.length; k--) {
    const v = k >= 0 ? order[k]! : roots[-k - 1]!;
    const kids = children.get(v);
    leaves.set(v, kids ? kids.reduce((s, c) => s + leaves.get(c)!, 0) : 1);
  }
  for (const r of roots) {
    const kids = children.get(r);
    if (!kids) continue;
    const count = leaves.get(r)!;
    let direction = 0;
    let wedge = TAU;
    if (core.length) {
      let mx = 0;
      let my = 0;
      let k = 0;
      for (const j of neighbours[r]!) {
        if (!inCore[j]) continue;
        mx += x[j]!;
        my += y[j]!;
        k++;
      }
      const dx = x[r]! - mx / k;
      const dy = y[r]! - my / k;
      direction = Math.hypot(dx, dy) > 1e-9 ? Math.atan2(dy, dx) : 0;
      wedge = Math.min(TAU, Math.PI / 2 + (count * Math.PI) / 12);
    }
    const step = unit * Math.max(0.8, (0.35 * count) / wedge);
    spread(r, r, direction - wedge / 2, direction + wedge / 2, 1);
    function spread(root: number, v: number, from: number, to: number, depth: number): void {
      const kids = children.get(v);
      if (!kids) return;
      const total = leaves.get(v)!;
      let a = from;
      for (const c of kids) {
        const share = ((to - from) * leaves.get(c)!) / total;
        const mid = a + share / 2;
        x[c] = x[root]! + Math.cos(mid) * step * depth;
        y[c] = y[root]! + Math.sin(mid) * step * depth;
        spread(root, c, a, a + share, depth + 1);
        a += share;
      }
    }
  }
}

/**
 * Components side by side: the largest in the middle, the others on rings
 * around it, largest first. Returns the radius of everything placed.
 */
function pack(components: number[][], x: Float64Array, y: Float64Array, unit: number): number {
  const order = components.map((_m, c) => c).sort((a, b) => components[b]!.length - components[a]!.length || a - b);
  const gap = unit / 2;
  let extent = 1;
  let inner = 0; // inner radius of the current ring
  let thickness = 0;
  let used = Infinity; // angle used on the current ring
  let start = 0;
  let ring = 0;
  for (const c of order) {
    const members = components[c]!;
    // Centred on the mean position: a component's dense middle, not its longest branch.
    let cx = 0;
    let cy = 0;
    for (const i of members) {
      cx += x[i]!;
      cy += y[i]!;
    }
    cx /= members.length;
    cy /= members.length;
    let r = unit / 2;
    for (const i of members) r = Math.max(r, Math.hypot(x[i]! - cx, y[i]! - cy));
    let ox = 0;
    let oy = 0;
    if (c === order[0]) inner = r + gap;
    else {
      const width = (at: number) => 2 * Math.asin(Math.min(1, (r + gap / 2) / at));
      if (used + width(inner + thickness / 2) > TAU) {
        // A new ring, as thick as its first (largest) component, starting at a golden-angle turn.
        if (ring > 0) inner += thickness + gap;
        thickness = 2 * r;
        used = 0;
        ring++;
        start = ring * 2.399963229728653;
      }
      const at = inner + thickness / 2;
      const w = width(at);
      ox = Math.cos(start + used + w / 2) * at;
      oy = Math.sin(start + used + w / 2) * at;
      used += w;
    }
    for (const i of members) {
      x[i] = x[i]! - cx + ox;
      y[i] = y[i]! - cy + oy;
      extent = Math.max(extent, Math.hypot(x[i]!, y[i]!));
    }
  }
  return extent;
}
