import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import { boxesIntersect, discIntersectsBox, labelPriority, LabelSpace, placeEdgeLabel, placeLabels, type LabelRequest } from "./index.ts";

const VIEW = { bounds: { x1: 0, y1: 0, x2: 800, y2: 600 }, fontSize: 12 };

function spaceWith(requests: LabelRequest[]): LabelSpace {
  const space = new LabelSpace();
  for (const r of requests) space.addDisc({ key: r.key, x: r.x, y: r.y, radius: r.radius });
  return space;
}

const node = (key: string, x: number, y: number, width = 60, forced = false): LabelRequest => ({ key, x, y, radius: 5, width, forced });

describe("labelPriority", () => {
  it("puts the best-connected entities first, PageRank breaking ties", () => {
    const g = buildFixtureGraph();
    const order = labelPriority(g);
    expect(order[0]).toBe("person:vladimir-putin");
    expect(order).toHaveLength(g.order);
    const degrees = order.map((k) => g.getNodeAttribute(k, "degree"));
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
  });
});

describe("placeLabels", () => {
  it("puts a label on the right, and a neighbour's on another side rather than over it", () => {
    const requests = [node("a", 100, 100), node("b", 150, 100)];
    const placed = placeLabels(requests, spaceWith(requests), VIEW);
    expect(placed.map((p) => p.key)).toEqual(["a", "b"]);
    // a's right side would cover b's disc; b has its right side free.
    expect(placed[0]!.side).not.toBe("right");
    expect(placed[1]!.side).toBe("right");
    expect(boxesIntersect(placed[0]!.box, placed[1]!.box)).toBe(false);
  });

  it("drops a label with no free side, unless it is forced", () => {
    // A ring of discs around "c" leaves it no room.
    const ring = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => node(`r${dx}${dy}`, 300 + dx * 40, 300 + dy * 22, 10)));
    const c = node("c", 300, 300, 80);
    const others = ring.filter((r) => r.key !== "r00");
    const space = spaceWith([c, ...others]);
    expect(placeLabels([c], space, VIEW)).toEqual([]);
    const forced = placeLabels([{ ...c, forced: true }], spaceWith([c, ...others]), VIEW);
    expect(forced.map((p) => p.key)).toEqual(["c"]);
  });

  it("keeps labels that are not forced inside the open part of the view, and stops at the maximum", () => {
    const edge = [node("edge", 790, 300)];
    expect(placeLabels(edge, spaceWith(edge), VIEW)[0]!.side).toBe("left");
    // A panel covers the right half: a label there would be under it.
    const half = [node("half", 390, 300)];
    expect(placeLabels(half, spaceWith(half), { ...VIEW, bounds: { ...VIEW.bounds, x2: 400 } })[0]!.side).toBe("left");
    const many = Array.from({ length: 50 }, (_, i) => node(`n${i}`, 40 + (i % 5) * 150, 30 + Math.floor(i / 5) * 55));
    expect(placeLabels(many, spaceWith(many), { ...VIEW, maxLabels: 7 })).toHaveLength(7);
    // Only the first candidates are tried: here the first three, of which the third has no room.
    const crowded = [node("a", 100, 100), node("b", 300, 100), node("c", 790, 100), node("d", 100, 400)];
    const space = spaceWith(crowded);
    space.addBox({ x1: 600, y1: 50, x2: 784, y2: 150 }); // c: the view's edge on one side, a label on the others
    expect(placeLabels(crowded, space, { ...VIEW, maxTries: 3 }).map((p) => p.key)).toEqual(["a", "b"]);
  });

  it("lets the first candidates cover lesser unlabelled discs when nothing else is free, and nothing more", () => {
    // A dense clump: "hub" (rank 0) among small nodes ranked after it, and "big" (rank 1) beside it.
    const clump = Array.from({ length: 60 }, (_, i) => ({ ...node(`s${i}`, 200 + (i % 12) * 9, 200 + Math.floor(i / 12) * 9, 30), radius: 3, rank: 10 + i }));
    const hub = { ...node("hub", 250, 218, 60), rank: 0 };
    const big = { ...node("big", 205, 240, 60), rank: 1 };
    const all = [hub, big, ...clump];
    const discs = (requests: LabelRequest[]) => {
      const space = new LabelSpace();
      for (const r of requests) space.addDisc({ key: r.key, x: r.x, y: r.y, radius: r.radius, rank: r.rank! });
      return space;
    };
    // Strictly, the hub in the middle of the clump has no free side.
    expect(placeLabels([hub, big], discs(all), VIEW).map((p) => p.key)).not.toContain("hub");
    const placed = placeLabels([hub, big], discs(all), { ...VIEW, coverLesser: 2 });
    expect(placed.map((p) => p.key)).toContain("hub");
    const hubBox = placed.find((p) => p.key === "hub")!.box;
    // Neither covers the other's disc nor label.
    expect(discIntersectsBox({ key: "big", x: big.x, y: big.y, radius: big.radius }, hubBox)).toBe(false);
    // No small node of the clump under the hub's label is labelled afterwards.
    const together = placeLabels(all, discs(all), { ...VIEW, coverLesser: 2 });
    const hubBox2 = together.find((p) => p.key === "hub")!.box;
    const under = clump.filter((c) => discIntersectsBox({ key: c.key, x: c.x, y: c.y, radius: c.radius }, hubBox2));
    expect(under.length).toBeGreaterThan(0);
    expect(together.filter((p) => under.some((c) => c.key === p.key))).toEqual([]);
    const bigLabel = placed.find((p) => p.key === "big");
    if (bigLabel) {
      expect(discIntersectsBox({ key: "hub", x: hub.x, y: hub.y, radius: hub.radius }, bigLabel.box)).toBe(false);
      expect(boxesIntersect(bigLabel.box, hubBox)).toBe(false);
    }
  });

  it("never lets two labels, or a label and another node's disc, overlap", () => {
    const request = fc.record({ x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 600 }), radius: fc.integer({ min: 1, max: 12 }), width: fc.integer({ min: 10, max: 150 }) });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 120 }), (raw) => {
        const requests = raw.map((r, i) => ({ ...r, key: `n${i}`, forced: false }));
        const placed = placeLabels(requests, spaceWith(requests), VIEW);
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) expect(boxesIntersect(placed[i]!.box, placed[j]!.box)).toBe(false);
          for (const r of requests) if (r.key !== placed[i]!.key) expect(discIntersectsBox({ key: r.key, x: r.x, y: r.y, radius: r.radius }, placed[i]!.box)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("placeEdgeLabel", () => {
  it("keeps the whole label, off the node labels, and gives up when nothing is free", () => {
    const ends = [node("s", 100, 100), node("t", 160, 100)];
    const space = spaceWith(ends);
    const label = placeEdgeLabel({ key: "e", source: ends[0]!, target: ends[1]!, ends: ["s", "t"], width: 140, forced: false }, space, { fontSize: 11 });
    expect(label!.box.x2 - label!.box.x1).toBeGreaterThanOrEqual(140);
    // The same spot is now taken: a second label goes further along the edge or nowhere.
    const again = placeEdgeLabel({ key: "e2", source: ends[0]!, target: ends[1]!, ends: ["s", "t"], width: 140, forced: false }, space, { fontSize: 11 });
    if (again) expect(boxesIntersect(again.box, label!.box)).toBe(false);
    const forced = placeEdgeLabel({ key: "e3", source: ends[0]!, target: ends[1]!, ends: ["s", "t"], width: 140, forced: true }, space, { fontSize: 11 });
    expect(forced).not.toBeNull();
  });
});
