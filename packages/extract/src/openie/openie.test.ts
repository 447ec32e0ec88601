import { describe, expect, it } from "vitest";
import { openie, toCarbLines } from "./index.ts";
import { align, detokenise } from "./align.ts";

/** "relation | arg1 | arg2 ..." for each extraction of a tokenised sentence. */
const tuples = (sentence: string) => openie(sentence).map((e) => [e.relation, ...e.args].join(" | "));
const confidenceOf = (sentence: string, relation: string) => openie(sentence).find((e) => e.relation === relation)!.confidence;

describe("open IE tuples", () => {
  it("puts the preposition in the relation when there is no object: 'taught at'", () => {
    expect(tuples("Ms. Okafor taught at the University of Lagos until 1990 .")).toContain("taught at | Ms. Okafor | the University of Lagos | until 1990");
  });

  it("one tuple per coordinated object, sharing the other arguments", () => {
    expect(tuples("The firm sells tea and coffee to hotels .")).toEqual(["sells | The firm | tea | to hotels", "sells | The firm | coffee | to hotels"]);
  });

  it("a complement clause is one argument after 'that'", () => {
    expect(tuples("The survey indicated that most voters oppose the tax .")).toEqual(["indicated that | The survey | most voters oppose the tax", "oppose | most voters | the tax"]);
  });

  it("reported speech before the verb of saying is its argument", () => {
    expect(tuples("Prices will rise , the bank said .")).toContain("said | the bank | Prices will rise");
  });

  it("a quotation after 'says ,' is the complement, opening quote included", () => {
    expect(tuples("The bank says , `` We expect rates to fall . ''")).toContain("says | The bank | `` We expect rates to fall");
  });

  it("speech in quotes before '..., the coach said'", () => {
    expect(tuples("`` We won , '' the coach said .")).toContain("said | the coach | We won");
  });

  it("'to' after a passive joins the relation: 'are referred to'", () => {
    expect(tuples("The judges are referred to as the Justices .")).toEqual(["are referred to | The judges | as the Justices"]);
  });

  it("appositions give an 'is' tuple", () => {
    expect(tuples("Tomas Berg , a retired judge , wrote the report .")).toEqual(["wrote | Tomas Berg | the report", "is | Tomas Berg | a retired judge"]);
  });

  it("adds the sentence's scene-setting phrase as an argument", () => {
    expect(tuples("On 4 May 2011 , the town elected a new mayor .")).toEqual(["elected | the town | a new mayor | On 4 May 2011"]);
  });
});

describe("Penn Treebank input", () => {
  const sentence = "The charity -LRB- founded in 1950 -RRB- helps `` street children '' in Lima 's suburbs .";

  it("prints arguments with the sentence's own tokens", () => {
    expect(tuples(sentence)).toContain("helps | The charity | `` street children '' | in Lima 's suburbs");
  });

  it("skips a bracketed aside between subject and verb, and reads the participle inside it", () => {
    expect(tuples(sentence)).toContain("founded in | The charity | 1950");
  });

  it("prints the sentence line exactly as given", () => {
    for (const line of toCarbLines(sentence, openie(sentence))) expect(line.split("\t")[0]).toBe(sentence);
  });

  it("maps every character of the tagger's text back to its input token", () => {
    const a = align("a -LRB- b -RRB- `` c ''");
    expect(a.text).toBe(detokenise("a -LRB- b -RRB- `` c ''"));
    expect(a.text).toBe('a ( b ) " c "');
    expect([...a.owner]).toEqual([0, -1, 1, -1, 2, -1, 3, -1, 4, -1, 5, -1, 6]);
  });
});

describe("graded confidence", () => {
  it("ranks a clause with an object above one with nothing after the verb", () => {
    expect(confidenceOf("The committee met .", "met")).toBeLessThan(confidenceOf("Tomas Berg wrote the report .", "wrote"));
  });

  it("ranks a direct subject above one borrowed by a participle", () => {
    const s = "The storm hit the coast , destroying hundreds of homes .";
    expect(confidenceOf(s, "destroying")).toBeLessThan(confidenceOf(s, "hit"));
  });

  it("stays within (0, 1) and takes several values", () => {
    const cs = ["The committee met .", "The storm hit the coast , destroying hundreds of homes .", "Tomas Berg , a retired judge , wrote the report ."].flatMap((s) => openie(s).map((e) => e.confidence));
    for (const c of cs) expect(c).toBeGreaterThan(0), expect(c).toBeLessThan(1);
    expect(new Set(cs).size).toBeGreaterThan(2);
  });
});
