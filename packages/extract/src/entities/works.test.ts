import { describe, expect, it } from "vitest";
import { tagSentences } from "../nlp/index.ts";
import { recogniseDocument } from "./tagger.ts";

/** The entities of a text read as one article, as "Type:text". */
const typed = (text: string) => recogniseDocument(tagSentences(text).map((s) => s.tokens)).flatMap((s) => s.entities.map((e) => `${e.type}:${e.text}`));
const others = (text: string) => typed(text).filter((t) => t.startsWith("Other:")).map((t) => t.slice(6));

describe("titles of works and products", () => {
  it("finds a title after a noun for a work, and the same title elsewhere in the article", () => {
    expect(others("Her new film Lantern Harbour opens in May. Lantern Harbour cost $40m to make.")).toEqual(["Lantern Harbour", "Lantern Harbour"]);
    expect(others("The singer said their hit Copper Sky would close the show.")).toEqual(["Copper Sky"]);
    expect(others("The band's third album, Glasswork, sold well.")).toEqual(["Glasswork"]);
  });

  it("reads each title of a list a plural noun opens", () => {
    expect(others("Their singles include Paper Tigers, Run For The Hills and Ten Years. The band toured.")).toEqual(["Paper Tigers", "Run For The Hills", "Ten Years"]);
    expect(others("He has had hits, including Paper Moon and Blue Over Blue.")).toEqual(["Paper Moon", "Blue Over Blue"]);
  });

  it("finds a title or a product before its noun, after an article or a possessive", () => {
    expect(others("The Winter Roads album was released in 1998.")).toEqual(["Winter Roads"]);
    expect(others("Kestrel's Zanto handheld goes on sale on Friday. The Zanto costs £99.")).toEqual(["Zanto", "Zanto"]);
    expect(others("She starred in Harbour Lights before moving to London.")).toEqual(["Harbour Lights"]);
  });

  it("leaves alone what is not a title", () => {
    // a verb, a firm the training text knows, a place, a channel, a person the next clause is about
    expect(others("Rain hit Liverpool on Monday.")).toEqual([]);
    expect(typed("Microsoft released the Google toolbar rival on Monday.")).not.toContain("Other:Google");
    expect(others("The film London was not shown.")).toEqual([]);
    expect(others("It was voted the best on the ITV1 show.")).toEqual([]);
    expect(others("In the film Tom Hanks plays a pilot.")).toEqual([]);
    expect(others("It was the 12th film in the series.")).toEqual([]);
  });

  it("keeps match words apart in a sports report", () => {
    const report = "Chelsea beat Arsenal 2-1 at Stamford Bridge. The striker scored twice in the game Liverpool lost. The match ended 2-1 after a late goal by the midfielder.";
    expect(others(report)).toEqual([]);
  });
});

describe("cue words around names", () => {
  it("makes a name after a company's noun an organisation throughout the article", () => {
    const t = typed("The brewer bought beer firm Zanbrau last year. Zanbrau grew fast. Sales of Zanbrau rose.");
    expect(t.filter((x) => x.endsWith(":Zanbrau"))).toEqual(["Organization:Zanbrau", "Organization:Zanbrau", "Organization:Zanbrau"]);
  });

  it("joins a demonym and an institution's name, and leaves the country alone", () => {
    expect(typed("Permission came from the Spanish FA on Monday.")).toContain("Organization:Spanish FA");
    expect(typed("The Norwegian Fishing Council objected.")).toContain("Organization:Norwegian Fishing Council");
    expect(typed("The Russian Federation objected.")).not.toContain("Organization:Russian Federation");
  });

  it("tags none of the words the guidelines leave out", () => {
    expect(typed("In Wednesday's Budget, the chancellor met three Cabinet members at 1830 GMT.")).toEqual([]);
    expect(typed("The book's ISBN number links to the shop. HIV drugs were cheaper.")).toEqual([]);
  });
});

describe("shows, channels and awards", () => {
  it("reads a channel's show, a show after a channel's noun and an award before its noun", () => {
    expect(others("She told Channel 4's Moorland Nights that she would stay.")).toEqual(["Moorland Nights"]);
    expect(others("The Channel 4 show Flat Share drew two million viewers.")).toEqual(["Flat Share"]);
    expect(others("He was nominated for the Silver Kestrel television awards. He won a Silver Kestrel in 2001.")).toEqual(["Silver Kestrel", "Silver Kestrel"]);
  });

  it("leaves a channel's reporter a person", () => {
    expect(typed("The BBC's Andrew Marr said so.")).toContain("Person:Andrew Marr");
    expect(others("The BBC's Andrew Marr said so.")).toEqual([]);
  });
});

describe("products and dramas", () => {
  it("reads a product after a possessive before its noun, and an apposed list of products", () => {
    expect(others("Kestrel is expected to release its ZX9 console soon. The ZX9 uses small discs.")).toEqual(["ZX9", "ZX9"]);
    expect(others("Kestrel's two previous programs, Lantern and Quillbox, aimed to protect users.")).toEqual(["Lantern", "Quillbox"]);
    // a list of persons after the noun is no list of works
    expect(others("In his two films, Tom Hanks and Meg Ryan played a couple.")).toEqual([]);
  });

  it("reads a title after a noun for a drama", () => {
    expect(others("She won best actress for the gritty prison drama Iron Gate, her third award.")).toEqual(["Iron Gate"]);
  });
});

describe("lists of works with their makers", () => {
  it("reads the titles of 'albums of the day include', leaving the makers out", () => {
    expect(others("Their albums of the day include Pale Winter by The Lanterns and Moth Light.")).toEqual(["Pale Winter", "Moth Light"]);
    expect(typed("Their albums of the day include Pale Winter by The Lanterns and Moth Light.")).toContain("Organization:The Lanterns");
  });
});
