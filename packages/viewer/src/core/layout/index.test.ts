import { describe, expect, it } from "vitest";
import { layoutDuration, layoutSettings } from "./index.ts";

describe("layout settings", () => {
  it("uses Barnes-Hut only for larger graphs and bounds the run time", () => {
    expect(layoutSettings(50).barnesHutOptimize).toBe(false);
    expect(layoutSettings(5000).barnesHutOptimize).toBe(true);
    expect(layoutDuration(10)).toBeGreaterThanOrEqual(2000);
    expect(layoutDuration(1e6)).toBe(20_000);
  });
});
