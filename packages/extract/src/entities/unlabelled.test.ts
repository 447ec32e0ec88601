import { describe, expect, it } from "vitest";
import { tagSentences } from "../nlp/index.ts";
import { recogniseDocument } from "./tagger.ts";
import { extractArticle } from "../extract.ts";

/** The entities of a text read as one article, as "Type:text". */
const typed = (text: string) => recogniseDocument(tagSentences(text).map((s) => s.tokens)).flatMap((s) => s.entities.map((e) => `${e.type}:${e.text}`));

describe("names the model left out", () => {
  it("reads a run of capitalised words inside a sentence as a name, whole", () => {
    const found = typed("The session tracks they have picked include The Velvet Foxes' Rat Trap and Common Enemy's Turn The Lights Off.");
    expect(found).toEqual(expect.arrayContaining(["Other:The Velvet Foxes", "Other:Rat Trap", "Other:Turn The Lights Off"]));
    // not cut to the words the model knows
    const film = typed("The director award went to Clint Eastwood for Million Dollar Baby.");
    expect(film).toContain("Other:Million Dollar Baby");
    expect(film).not.toContain("Other:Dollar Baby");
    expect(typed("It is up against Eternal Sunshine of the Spotless Mind, which has six nominations.")).toContain("Other:Eternal Sunshine of the Spotless Mind");
  });

  it("types a name by how it ends: a competition, a place, an organisation", () => {
    expect(typed("He has been ruled out of the Six Nations after breaking a bone.")).toContain("Event:Six Nations");
    expect(typed("Shares fell sharply on Wall Street on Friday.")).toContain("Location:Wall Street");
    expect(typed("The loan was arranged by Perpetual Savings Bank of California.")).toEqual(expect.arrayContaining([expect.stringMatching(/^Organization:Perpetual Savings Bank/)]));
  });

  it("leaves alone capitals that say nothing: titles, a sentence's or a quotation's start, headlines, line-ups", () => {
    const none = (text: string) => expect(typed(text).filter((t) => /Prime Minister|Home Secretary|But I|Not Used|New Year|Big Win/.test(t))).toEqual([]);
    none("The decision was backed by the Prime Minister and the Home Secretary on Monday.");
    none('He said: "But I think it will work."');
    none("Sales rose sharply in the New Year period.");
    none("Subs Not Used: Weaver, Onuoha, Flood.");
    none("Rovers Earn Big Win Over City Rivals");
  });

  it("gives the facts about such names: 'The Aviator, starring Leonardo DiCaprio'", () => {
    const x = extractArticle({ id: "t", text: "Hollywood blockbuster The Aviator, starring Leonardo DiCaprio, leads the field with 14 nominations." });
    expect(x.triples.map((t) => `${t.subject.name} ${t.predicate} ${t.object.name} [${t.object.type}]`)).toContain("Leonardo DiCaprio star_in The Aviator [Other]");
  });
});
