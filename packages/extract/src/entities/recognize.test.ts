import { describe, expect, it } from "vitest";
import { tagSentences } from "../nlp/index.ts";
import { recogniseEntities, type EntitySpan } from "./recognize.ts";

/** All entities of a text, sentence by sentence, as "Type:text". */
function spans(text: string): EntitySpan[] {
  return tagSentences(text).flatMap((s) => recogniseEntities(s.tokens).entities);
}
const typed = (text: string) => spans(text).map((e) => `${e.type}:${e.text}`);

describe("entity spans", () => {
  it("takes whole names, keeping connectors inside organisations", () => {
    expect(typed("The talks were chaired by Xi Jinping and the National Nuclear Risk Reduction Centre.")).toEqual(["Person:Xi Jinping", "Organization:National Nuclear Risk Reduction Centre"]);
    expect(typed("Analysts at the Conflict Intelligence Team disagreed.")).toEqual(["Organization:Conflict Intelligence Team"]);
    expect(typed("She studied at the University of Leeds and the Bank of England.")).toEqual(["Organization:University of Leeds", "Organization:Bank of England"]);
    expect(typed("It works with the Department of Physics and Astronomy.")).toEqual(["Organization:Department of Physics and Astronomy"]);
  });

  it("extends a place over a lower-case tail", () => {
    expect(typed("Troops gathered in the Grodno region on Monday.")).toEqual(["Location:Grodno region"]);
  });

  it("keeps particles inside people's names but not a following place", () => {
    expect(typed("A statue of Charles de Gaulle stands there.")).toEqual(["Person:Charles de Gaulle"]);
    expect(typed("Only Maria Lopez of Madrid replied.")).toEqual(["Person:Maria Lopez", "Location:Madrid"]);
  });

  it("never ends a name on punctuation or swallows a photo credit", () => {
    for (const e of spans("Mr Putin spoke on Friday. (Photo: Jane Doe/Reuters)")) expect(e.text).not.toMatch(/[.,;:)]$/);
    expect(typed("Mr Putin spoke on Friday. (Photo: Jane Doe/Reuters)").filter((t) => !t.startsWith("Other"))).toEqual(["Person:Putin"]);
  });

  it("rebuilds words wink splits at non-ASCII letters and hyphens", () => {
    expect(typed("He married Stanisław Baranowski in Kraków.")).toEqual(["Person:Stanisław Baranowski", "Location:Kraków"]);
    expect(typed("The district lies in Saxony-Anhalt, Germany.")).toEqual(["Location:Saxony-Anhalt", "Location:Germany"]);
  });

  it("does not join two places with a hyphen", () => {
    expect(typed("The Russia-Ukraine talks stalled.")).toEqual(["Location:Russia", "Location:Ukraine"]);
  });

  it("strips titles and remembers them", () => {
    const [e] = spans("Defence Minister Sergei Ivanov arrived.");
    expect(e).toMatchObject({ text: "Sergei Ivanov", type: "Person", title: "Defence Minister" });
    expect(spans("US Secretary of State Jane Roe flew in.")[0]).toMatchObject({ text: "Jane Roe", title: "US Secretary of State" });
    expect(spans("Brigadier General Ross Hoyt took command.")[0]).toMatchObject({ text: "Ross Hoyt", title: "Brigadier General" });
    // an institution keeps its first word
    expect(typed("He joined Major League Baseball.")).toEqual(["Organization:Major League Baseball"]);
  });

  it("keeps a capitalised The inside a sentence with the name after it", () => {
    expect(typed("The band toured with The Cure in 1990.")).toEqual(["Organization:The Cure"]);
  });
});

describe("entity types", () => {
  it("types equipment, including hyphen compounds wink splits", () => {
    const eq = typed("Tu-22M3 bombers, Il-76 transporters, S-400 and Pantsir-S systems, Su-35 jets, T-72B3 tanks and SVD-M and AK-74M rifles arrived.");
    expect(eq).toEqual(["Equipment:Tu-22M3", "Equipment:Il-76", "Equipment:S-400", "Equipment:Pantsir-S", "Equipment:Su-35", "Equipment:T-72B3", "Equipment:SVD-M", "Equipment:AK-74M"]);
  });

  it("types events", () => {
    expect(typed("Athletes arrived for the Winter Olympics.")).toEqual(["Event:Winter Olympics"]);
    expect(typed("Nato held exercises named United Resolve.")).toEqual(["Organization:Nato", "Event:United Resolve"]);
  });

  it("types places from the gazetteers", () => {
    expect(typed("Flights from New York reached North Ossetia.")).toEqual(["Location:New York", "Location:North Ossetia"]);
    expect(typed("He was born in Jacksonville, Florida.")).toEqual(["Location:Jacksonville", "Location:Florida"]);
    expect(spans("Troops left Kiev.")[0]).toMatchObject({ type: "Location", canonical: "Kyiv" });
  });

  it("does not take a document title for a person", () => {
    expect(typed("Under the Vienna Document, drills must be announced.")).toEqual(["Other:Vienna Document"]);
  });

  it("types people from first names, cue words and verbs", () => {
    expect(typed("The song was written by guitarist Kojima.")).toEqual(["Person:Kojima"]);
    expect(typed("Yesterday Olaf Scholz arrived in Paris.")).toEqual(["Person:Olaf Scholz", "Location:Paris"]);
  });

  it("types places from their context", () => {
    expect(typed("It lies near the town of Brensbach.")).toEqual(["Location:Brensbach"]);
    expect(typed("Brensbach is a municipality in Hesse.")).toEqual(["Location:Brensbach", "Location:Hesse"]);
  });

  it("types organisations from head and prefix words", () => {
    expect(typed("He signed for FC Basel after playing for Bowling Green Falcons.")).toEqual(["Organization:FC Basel", "Organization:Bowling Green Falcons"]);
    expect(typed("The deal was announced by Acme Holdings.")).toEqual(["Organization:Acme Holdings"]);
  });

  it("leaves generic phrases after an indefinite article untyped", () => {
    expect(spans("It became a Specialist Group of the society.").every((e) => e.type === "Other")).toBe(true);
  });

  it("reports demonyms and languages apart from entities", () => {
    const [s] = tagSentences("The Japanese band played for Catholic pilgrims.");
    const r = recogniseEntities(s!.tokens);
    expect(r.entities).toEqual([]);
    expect(r.demonyms.map((d) => d.country)).toEqual(["Japan"]);
    expect(r.affiliations.length).toBe(1);
  });
});
