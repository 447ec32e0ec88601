import { describe, expect, it } from "vitest";
import { controlPoint, distanceToEdge, distanceToSegment, nearestEdge } from "./index.ts";

describe("picking", () => {
  it("measures distance to a segment", () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: -4, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 1, y: 1 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBeCloseTo(Math.SQRT2);
  });

  it("bends curves to the left of their direction on screen (y down)", () => {
    // Left to right on screen: the left-hand side is up (smaller y).
    const c = controlPoint({ key: "e", source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, curvature: 0.25 });
    expect(c).toEqual({ x: 50, y: -25 });
    const edge = { key: "e", source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, curvature: 0.25 };
    expect(distanceToEdge({ x: 50, y: -12.5 }, edge)).toBeLessThan(1);
    expect(distanceToEdge({ x: 50, y: 0 }, edge)).toBeGreaterThan(10);
  });

  it("finds the nearest edge within the tolerance", () => {
    const edges = [
      { key: "a", source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, curvature: 0 },
      { key: "b", source: { x: 0, y: 10 }, target: { x: 100, y: 10 }, curvature: 0 },
    ];
    expect(nearestEdge({ x: 50, y: 2 }, edges)).toBe("a");
    expect(nearestEdge({ x: 50, y: 7 }, edges)).toBe("b");
    expect(nearestEdge({ x: 50, y: 40 }, edges)).toBeNull();
  });
});
