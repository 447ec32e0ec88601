import { describe, expect, test } from "vitest";
import { extractArticle, type ArticleExtraction, type Triple } from "newskg-extract";
import { buildGraph } from "../build/index.ts";
import { computeMetrics } from "../metrics/index.ts";
import { toRows } from "./rows.ts";
import { extractionsFromTriples, graphFromTriples, isTriple } from "./triples.ts";

const ref = (id: string, name: string, aliases?: string[]) => ({ id, name, type: "Person" as const, ...(aliases ? { aliases } : {}) });

function triple(article: string, s: ReturnType<typeof ref>, predicate: string, o: ReturnType<typeof ref>, start: number, extra: Partial<Triple> = {}): Triple {
  return {
    subject: s,
    predicate,
    surface: predicate,
    object: o,
    evidence: { article, text: `sentence at ${start}.`, start, end: start + 20, subject: { text: s.name, start, end: start + 3 }, object: { text: o.name, start: start + 10, end: start + 13 } },
    confidence: 0.5,
    ...extra,
  };
}

const ann = ref("person:ann", "Ann");
const bob = ref("person:bob", "Bob", ["Bob", "Robert"]);
const cy = ref("person:cy", "Cy");

describe("extractionsFromTriples", () => {
  const triples = [
    triple("b.txt", ann, "meet", bob, 0, { articleDate: "2024-02-01" }),
    triple("a.txt", bob, "call", cy, 40),
    triple("b.txt", ann, "call", cy, 0, { articleDate: "2024-02-01" }),
    triple("b.txt", { ...ann, aliases: ["Ann", "Annie"] }, "meet", bob, 50, { articleDate: "2024-02-01" }),
  ];
  const [a, b] = extractionsFromTriples(triples);

  test("one extraction per article, in id order, with the article date", () => {
    expect([a!.article.id, b!.article.id]).toEqual(["a.txt", "b.txt"]);
    expect(a!.article.date).toBeUndefined();
    expect(b!.article.date).toBe("2024-02-01");
    expect(b!.triples).toHaveLength(3);
  });

  test("mentions: distinct spans of the entity as subject or object; entities with the union of their aliases", () => {
    // Ann: span 0:3 (twice, counted once) and 50:53; Bob: 10:13 and 60:63; Cy: 10:13.
    expect(b!.article.mentions).toEqual({ "person:ann": 2, "person:bob": 2, "person:cy": 1 });
    expect(b!.article.entities).toEqual([
      { id: "person:ann", name: "Ann", type: "Person", aliases: ["Ann", "Annie"] },
      { id: "person:bob", name: "Bob", type: "Person", aliases: ["Bob", "Robert"] },
      { id: "person:cy", name: "Cy", type: "Person", aliases: ["Cy"] },
    ]);
  });

  test("the stand-in sha256 depends on the article's triples only: not on their order, duplicates or other articles", () => {
    const again = extractionsFromTriples([...triples].reverse().concat(triples.slice(0, 2)));
    expect(again.map((x) => x.article.sha256)).toEqual([a!.article.sha256, b!.article.sha256]);
    expect(again[1]!.triples).toEqual(b!.triples);
    expect(extractionsFromTriples(triples.filter((t) => t.evidence.article === "b.txt"))[0]!.article.sha256).toBe(b!.article.sha256);
    const changed = extractionsFromTriples(triples.map((t, i) => (i === 0 ? { ...t, confidence: 0.6 } : t)));
    expect(changed[1]!.article.sha256).not.toBe(b!.article.sha256);
    expect(changed[0]!.article.sha256).toBe(a!.article.sha256);
    expect(a!.article.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("isTriple", () => {
    expect(isTriple(triples[0])).toBe(true);
    expect(isTriple({ nodes: [], edges: [] })).toBe(false);
    expect(isTriple({ ...triples[0], evidence: { article: "" } })).toBe(false);
  });
});

describe("triples -> rows, against the graph kg build makes of the same extractions", () => {
  // A made-up article, extracted for real.
  const text = [
    "Alice Moreau met Bruno Keller in Geneva on Monday.",
    "Keller later visited Berlin with Carla Diaz.",
    "The European Commission fined Northwind Systems.",
    "Diaz said Northwind Systems would appeal.",
  ].join(" ");
  const extraction: ArticleExtraction = extractArticle({ id: "made-up.txt", text, date: "2024-03-04" });
  const triples: Triple[] = JSON.parse(JSON.stringify(extraction.triples)).map((t: Triple) => t);
  const fromTriples = toRows(graphFromTriples(triples));
  const built = buildGraph([extraction]);
  computeMetrics(built);
  const fromGraph = toRows(built.export());

  test("the extraction has relations to compare", () => {
    expect(triples.length).toBeGreaterThanOrEqual(2);
  });

  test("relations: exactly the same rows", () => {
    expect(fromTriples.relations).toEqual(fromGraph.relations);
  });

  test("entities: those of the triples, named and typed as in the graph", () => {
    const inTriples = new Set(triples.flatMap((t) => [t.subject.id, t.object.id]));
    // Metrics describe one exported graph (the graph has entities no triple names).
    const strip = ({ mentions: _m, aliases: _a, degree: _d, pagerank: _p, community: _c, ...rest }: (typeof fromGraph.entities)[number]) => rest;
    expect(fromTriples.entities.map(strip)).toEqual(fromGraph.entities.filter((e) => inTriples.has(e.id)).map(strip));
    for (const entity of fromTriples.entities) {
      const graphEntity = fromGraph.entities.find((e) => e.id === entity.id)!;
      // Mentions counted from the triples: at most what the article's own count says.
      expect(entity.mentions).toBeGreaterThan(0);
      expect(entity.mentions).toBeLessThanOrEqual(graphEntity.mentions);
      for (const alias of entity.aliases) expect(graphEntity.aliases).toContain(alias);
    }
  });

  test("article: same id and date, no title or source, the triples' fingerprint for sha256", () => {
    expect(fromTriples.articles).toEqual([
      { id: "made-up.txt", title: null, date: fromGraph.articles[0]!.date, source: null, sha256: extractionsFromTriples(triples)[0]!.article.sha256 },
    ]);
  });
});
