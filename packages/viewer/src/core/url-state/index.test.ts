import { describe, expect, it } from "vitest";
import { createFilters } from "../filters/index.ts";
import { decodeUrlState, encodeUrlState, type UrlState } from "./index.ts";

describe("url state", () => {
  it("round-trips selection, filters and colouring", () => {
    const state: UrlState = {
      graph: "data/g.json",
      selection: { kind: "node", key: "person:vladimir-putin" },
      filters: createFilters({
        hiddenTypes: new Set(["Location", "Event"]),
        minConfidence: 0.35,
        minDegree: 2,
        relations: new Set(["LEADER_OF", "CONSULT"]),
        predicates: new Set(["meet", "leader_of"]),
        articles: new Set(["sport/a,b.txt", "fixture-a.txt"]),
        dateFrom: "2024-05-01",
        dateTo: "2024-06-30",
        keepUndated: true,
        showUnrelated: true,
        showAllModes: true,
      }),
      colorMode: "community",
    };
    const search = encodeUrlState(state);
    expect(search).toContain("hide=Event%2CLocation");
    expect(search).toContain("rel=CONSULT&rel=LEADER_OF&pred=leader_of&pred=meet");
    expect(search).toContain("article=fixture-a.txt&article=sport%2Fa%2Cb.txt");
    expect(search).toContain("from=2024-05-01&to=2024-06-30&undated=1");
    expect(search).toContain("unrelated=1&modes=all");
    const back = decodeUrlState(search);
    expect(back).toEqual(state);
  });

  it("is empty for the default state and keeps unknown parameters", () => {
    const state = decodeUrlState("");
    expect(state).toEqual({ graph: null, selection: null, filters: createFilters(), colorMode: "type" });
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
    expect(decodeUrlState("?modes=1&rel=").filters).toMatchObject({ showAllModes: false, relations: new Set() });
  });

  it("drops bad dates, orders a backwards range, and forgets 'keep undated' without a range", () => {
    const s = decodeUrlState("?from=2024-13-01&to=yesterday&pred=&article=a.txt");
    expect(s.filters.dateFrom).toBeNull();
    expect(s.filters.dateTo).toBeNull();
    expect(s.filters.predicates.size).toBe(0);
    expect(s.filters.articles).toEqual(new Set(["a.txt"]));
    const backwards = decodeUrlState("?from=2024-09-01&to=2024-02-01");
    expect([backwards.filters.dateFrom, backwards.filters.dateTo]).toEqual(["2024-02-01", "2024-09-01"]);
    expect(encodeUrlState({ ...s, filters: createFilters({ keepUndated: true }) })).toBe("");
  });
});
