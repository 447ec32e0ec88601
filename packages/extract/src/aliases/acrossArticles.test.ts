import { describe, expect, it } from "vitest";
import { extractArticle } from "../extract.ts";
import { resolveAcrossArticles } from "./acrossArticles.ts";

const ids = (text: string, id = "a.txt") => extractArticle({ id, text }).article.entities.map((e) => e.id);

describe("aliases within and across articles", () => {
  it("merges spellings the gazetteer knows and acronyms the text defines", () => {
    const found = ids("The EU and the European Union met in Kiev and then Kyiv. Nato and NATO agreed. The Conflict Intelligence Team (CIT) said CIT saw tanks.");
    expect(found).toEqual(expect.arrayContaining(["organization:european-union", "location:kyiv", "organization:nato", "organization:conflict-intelligence-team"]));
    expect(found).not.toContain("location:kiev");
    expect(found).not.toContain("organization:cit");
  });

  it("resolves a bare surname across articles only when one person has it", () => {
    const a = extractArticle({ id: "a.txt", text: "Alexander Lukashenko met Joe Biden. Hunter Biden stayed home." });
    const b = extractArticle({ id: "b.txt", text: "Lukashenko spoke to Biden on Monday." });
    const [, rb] = resolveAcrossArticles([a, b]);
    const bIds = rb!.article.entities.map((e) => e.id);
    expect(bIds).toContain("person:alexander-lukashenko");
    expect(bIds).not.toContain("person:joe-biden");
    expect(bIds).not.toContain("person:hunter-biden");
  });
});
