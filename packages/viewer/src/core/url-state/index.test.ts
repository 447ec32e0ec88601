import { describe, expect, it } from "vitest";
import { decodeUrlState, encodeUrlState, type UrlState } from "./index.ts";

describe("url state", () => {
  it("round-trips selection, filters and colouring", () => {
    const state: UrlState = {
      graph: "data/g.json",
      selection: { kind: "node", key: "person:vladimir-putin" },
      filters: { hiddenTypes: new Set(["Location", "Event"]), minConfidence: 0.35, minDegree: 2 },
      colorMode: "community",
    };
    const search = encodeUrlState(state);
    expect(search).toContain("hide=Event%2CLocation");
    const back = decodeUrlState(search);
    expect(back).toEqual(state);
  });

  it("is empty for the default state and keeps unknown parameters", () => {
    const state = decodeUrlState("");
    expect(state).toEqual({ graph: null, selection: null, filters: { hiddenTypes: new Set(), minConfidence: 0, minDegree: 0 }, colorMode: "type" });
    expect(encodeUrlState(state)).toBe("");
    expect(encodeUrlState(state, "?debug=1&node=x")).toBe("?debug=1");
  });

  it("reads edges and rejects nonsense values", () => {
    const s = decodeUrlState("?edge=a%7Cmeet%7Cb&minConf=7&minDeg=-3&color=rainbow");
    expect(s.selection).toEqual({ kind: "edge", key: "a|meet|b" });
    expect(s.filters.minConfidence).toBe(1);
    expect(s.filters.minDegree).toBe(0);
    expect(s.colorMode).toBe("type");
    expect(decodeUrlState("?minConf=abc").filters.minConfidence).toBe(0);
  });
});
