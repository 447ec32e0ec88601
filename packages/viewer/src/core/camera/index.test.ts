import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import { extentOf, ratioToFit } from "./index.ts";

describe("extentOf", () => {
  it("bounds only the nodes shown", () => {
    const g = buildFixtureGraph();
    g.addNode("far:away", { ...g.getNodeAttributes("location:kyiv"), x: 10_000, y: -10_000 });
    const all = extentOf(g, () => true)!;
    const shown = extentOf(g, (k) => k !== "far:away")!;
    expect(all.maxX).toBe(10_000);
    expect(shown.maxX).toBeLessThan(1_000);
    expect(shown.minY).toBeGreaterThan(-1_000);
  });

  it("is null when nothing is shown", () => {
    expect(extentOf(buildFixtureGraph(), () => false)).toBeNull();
  });
});

describe("ratioToFit", () => {
  const area = { x: 0, y: 0, width: 1000, height: 600 };
  it("zooms in on a small box and out on a big one, whichever side limits", () => {
    expect(ratioToFit({ width: 480, height: 100 }, area, 20, 0.01)).toBeCloseTo(0.5);
    expect(ratioToFit({ width: 100, height: 1120 }, area, 20, 0.01)).toBeCloseTo(2);
  });
  it("does not zoom in past the closest ratio on a single node", () => {
    expect(ratioToFit({ width: 0, height: 0 }, area, 20, 0.2)).toBe(0.2);
  });
});
