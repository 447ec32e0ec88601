import { describe, expect, it } from "vitest";
import { extractArticle } from "../extract.ts";
import { resolveAcrossArticles } from "./acrossArticles.ts";
import { entityId } from "./ids.ts";
import type { ArticleExtraction, EntityType } from "../types.ts";

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

  it("a name whose type one article only guessed takes the type the corpus gives it most surely", () => {
    const yukos = (type: EntityType, typeConfidence: number) => ({ id: entityId(type, "Yukos"), name: "Yukos", type, typeConfidence });
    const gazprom = { id: "organization:gazprom", name: "Gazprom", type: "Organization" as const };
    const guessed: ArticleExtraction = {
      article: { id: "a", mentions: { "person:yukos": 1 }, entities: [yukos("Person", 0.45)] },
      triples: [{ subject: { id: "person:yukos", name: "Yukos", type: "Person" }, predicate: "sue", object: gazprom, evidence: { article: "a", text: "Yukos sued Gazprom.", start: 0, end: 19 }, confidence: 0.7 }],
    };
    const sure = ["b", "c"].map((id): ArticleExtraction => ({ article: { id, mentions: { "organization:yukos": 2 }, entities: [yukos("Organization", 0.9)] }, triples: [] }));
    const resolved = resolveAcrossArticles([guessed, ...sure]);
    for (const x of resolved) expect(x.article.entities.filter((e) => e.name === "Yukos").map((e) => e.id)).toEqual(["organization:yukos"]);
    expect(resolved[0]!.triples.map((t) => t.subject.id)).toEqual(["organization:yukos"]);
  });

  it("never changes a type an article was sure of: a place and a club that share a name stay two", () => {
    const article = (id: string, type: EntityType, typeConfidence: number): ArticleExtraction => ({
      article: { id, mentions: { [`${type.toLowerCase()}:chelsea`]: 3 }, entities: [{ id: `${type.toLowerCase()}:chelsea`, name: "Chelsea", type, typeConfidence }] },
      triples: [],
    });
    const resolved = resolveAcrossArticles([article("a", "Location", 0.95), article("b", "Organization", 0.8), article("c", "Person", 0.45)]);
    expect(resolved.map((x) => x.article.entities[0]!.id)).toEqual(["location:chelsea", "organization:chelsea", "location:chelsea"]);
    expect(resolved[2]!.article.mentions).toEqual({ "location:chelsea": 3 });
  });

  it("a surname with its particle, in any case, and an acronym another article defines, name the same thing", () => {
    const a = extractArticle({ id: "a.txt", text: "Henrik Dahl asked the North Sea Maritime Authority (NSMA) to investigate.\n\nPieter de Vries, the director of the authority, spoke." });
    const b = extractArticle({ id: "b.txt", text: "De Vries visited Esbjerg.\n\nPieter de Vries, the director of the NSMA, will lead the inquiry." });
    const [, rb] = resolveAcrossArticles([a, b]);
    const names = rb!.article.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["Pieter de Vries", "North Sea Maritime Authority"]));
    expect(names).not.toContain("De Vries");
    expect(names).not.toContain("NSMA");
    expect(rb!.triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name}`)).toEqual(
      expect.arrayContaining(["Pieter de Vries visit Esbjerg", "Pieter de Vries director_of North Sea Maritime Authority"]),
    );
  });

  it("an acronym two articles define differently is left alone", () => {
    const a = extractArticle({ id: "a.txt", text: "The Professional Footballers' Association (PFA) met the Premier League." });
    const b = extractArticle({ id: "b.txt", text: "The Police Federation Authority (PFA) met the Home Office." });
    const c = extractArticle({ id: "c.txt", text: "John Smith, the head of the PFA, spoke." });
    const [, , rc] = resolveAcrossArticles([a, b, c]);
    expect(rc!.article.entities.map((e) => e.name)).toContain("PFA");
  });
});
