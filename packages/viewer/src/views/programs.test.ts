import { describe, expect, it } from "vitest";
import { attributeFloats, expandItem } from "./programs.ts";

const FLOAT = 0x1406;
const UNSIGNED_BYTE = 0x1401;

describe("de-instanced programs", () => {
  it("counts a packed colour as one float", () => {
    expect(attributeFloats([{ name: "a_position", size: 2, type: FLOAT }, { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true }])).toBe(3);
  });

  it("repeats an item's values for each vertex, each followed by that vertex's constants", () => {
    const out = new Float32Array(2 + 3 * 4).fill(-1);
    expandItem(new Float32Array([7, 8, 9]), [[0], [1], [2]], out, 2);
    expect([...out]).toEqual([-1, -1, 7, 8, 9, 0, 7, 8, 9, 1, 7, 8, 9, 2]);
  });
});
