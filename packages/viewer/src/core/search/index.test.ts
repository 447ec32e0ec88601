import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import { buildSearchIndex, matchScore, normalise, search } from "./index.ts";

const index = buildSearchIndex(buildFixtureGraph());

describe("normalise", () => {
  it("ignores case, accents and punctuation", () => {
    expect(normalise("  Ana  López ")).toBe("ana lopez");
    expect(normalise("KIEV")).toBe("kiev");
    expect(normalise("U.N.")).toBe("u n");
    expect(normalise("<img src=x>")).toBe("img src x");
  });
});

describe("matchScore", () => {
  it("ranks exact > prefix > word prefix > all words > substring", () => {
    const scores = [
      matchScore("putin", "putin"),
      matchScore("putin family", "putin"),
      matchScore("vladimir putin", "putin"),
      matchScore("xi jinping", "jin xi"),
      matchScore("rasputin", "putin"),
    ];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(matchScore("moscow", "putin")).toBe(0);
    expect(matchScore("moscow", "")).toBe(0);
  });
});

describe("search", () => {
  it("finds an entity through an alias and says which", () => {
    const [first] = search(index, "Kiev");
    expect(first).toMatchObject({ key: "location:kyiv", label: "Kyiv", via: "Kiev" });
  });

  it("does not report the label as the alias that matched", () => {
    expect(search(index, "kyiv")[0]).toMatchObject({ key: "location:kyiv", via: null });
  });

  it("matches on the surname and ignores accents", () => {
    expect(search(index, "putin")[0]?.key).toBe("person:vladimir-putin");
    expect(search(index, "lopez")[0]?.key).toBe("person:ana-lopez");
  });

  it("ranks more connected entities first among equal matches", () => {
    // Both labels start with "gen"; the peace talks have more relations than the city.
    const keys = search(index, "gen").map((r) => r.key);
    expect(keys.slice(0, 2)).toEqual(["event:peace-talks", "location:geneva"]);
  });

  it("respects the limit and the visibility predicate", () => {
    expect(search(index, "a", { limit: 3 })).toHaveLength(3);
    expect(search(index, "kiev", { isVisible: (k) => k !== "location:kyiv" })).toEqual([]);
  });

  it("returns nothing for an empty query", () => {
    expect(search(index, "   ")).toEqual([]);
  });
});
