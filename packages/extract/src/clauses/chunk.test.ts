import { describe, expect, it } from "vitest";
import { tagSentences } from "../nlp/index.ts";
import { chunk } from "./chunk.ts";

/** "[NP The council] [VG approved] ..." for one sentence. */
function chunks(sentence: string): string {
  const tokens = tagSentences(sentence).flatMap((s) => s.tokens);
  return chunk(tokens, new Set(), new Set())
    .filter((c) => c.kind !== "PUNCT")
    .map((c) => `[${c.kind} ${tokens.slice(c.first, c.last).map((t) => t.text).join(" ")}]`)
    .join(" ");
}

describe("noun phrases", () => {
  it("keeps spaced hyphenated compounds in one phrase", () => {
    expect(chunks("The council approved flex - time work schedules .")).toContain("[NP flex - time work schedules]");
    expect(chunks("It relies on forward - rate agreements .")).toContain("[NP forward - rate agreements]");
  });

  it("keeps a quoted title inside its phrase", () => {
    expect(chunks('The choir sang " Silent Night " twice .')).toContain('[NP " Silent Night "]');
  });

  it("reads a gerund after a determiner as a noun: 'This finding suggests'", () => {
    expect(chunks("This finding suggests a link .")).toMatch(/^\[NP This finding\] \[VG suggests\]/);
  });

  it("chunks a sentence that ends on a determiner (Reuters record reut-28 once failed on it)", () => {
    expect(chunks("They protected the record as to their own positions on this")).toMatch(/\[PREP on\] \[NP this\]$/);
    expect(chunks("He said that")).toMatch(/^\[NP He\] \[VG said\]/);
  });

  it("reads a sentence-initial 'That' before a noun as a determiner", () => {
    expect(chunks("That plan needs money .")).toMatch(/^\[NP That plan\] \[VG needs\]/);
  });

  it("reads a base form before 'of' and 'think tank' as nouns", () => {
    expect(chunks("After the British capture of Madrid , Hill left .")).toContain("[NP the British capture] [PREP of] [NP Madrid]");
    expect(chunks("He founded a think tank .")).toContain("[NP a think tank]");
  });

  it("reads a plural before 'which' and a base form before the verb as nouns", () => {
    expect(chunks("The travelling road shows which toured the region drew crowds .")).toMatch(/^\[NP The travelling road shows\] \[REL which\]/);
    expect(chunks("The 5 % yield represents a high return .")).toMatch(/^\[NP The 5 % yield\] \[VG represents\]/);
  });

  it("a straight quote after an even number of quotes opens a quotation, else closes one", () => {
    expect(chunks('" We won , " the coach said .')).toContain("[NP the coach] [VG said]");
  });

  it("reads a sentence-opening '-ing' word before a plural noun as an adjective", () => {
    expect(chunks("Rising prices hurt many farmers .")).toMatch(/^\[NP Rising prices\] \[VG hurt\]/);
  });

  it("ends a sentence-opening phrase where the subject's name begins", () => {
    expect(chunks("After a long delay Ortiz signed the contract .")).toMatch(/\[NP a long delay\] \[NP Ortiz\] \[VG signed\]/);
    expect(chunks("In 1998 Mercer Bank opened a branch .")).toMatch(/\[NP 1998\] \[NP Mercer Bank\] \[VG opened\]/);
  });
});

describe("verb groups and prepositions", () => {
  it("repairs a present-tense verb tagged as a plural noun: 'Lena drives the tractor'", () => {
    expect(chunks("Lena drives the tractor into the barn .")).toMatch(/^\[NP Lena\] \[VG drives\] \[NP the tractor\]/);
    expect(chunks("This releases some of the water molecules into the air .")).toMatch(/^\[NP This\] \[VG releases\] \[NP some\] \[PREP of\] \[NP the water molecules\]/);
  });

  it("', provided that' is a conjunction", () => {
    expect(chunks("Members may set rules , provided that they follow the charter .")).toContain("[SUB provided that] [NP they] [VG follow]");
  });

  it("'as' after a verb and a stray 'to' are prepositions", () => {
    expect(chunks("A form known as tempera was used .")).toContain("[VG known] [PREP as] [NP tempera] [VG was used]");
    expect(chunks("The limit is set to fall to $ 2 million .")).toContain("[PREP to] [NP $ 2 million]");
  });

  it("keeps adverbs and participles the tagger calls adjectives in the verb group", () => {
    expect(chunks("The villages were generally separated from the mines .")).toContain("[VG were generally separated]");
  });

  it("treats 'according to' and 'including' as prepositions", () => {
    expect(chunks("Local groups , according to the report , oppose the plan .")).toContain("[PREP according to] [NP the report]");
    expect(chunks("The team won prizes , including a gold medal .")).toContain("[PREP including] [NP a gold medal]");
  });

  it("'to' after 'in relation to' is a preposition, not an infinitive marker", () => {
    expect(chunks("The index covers fraud in relation to direct taxes .")).toContain("[PREP to] [NP direct taxes]");
  });

  it("marks an object relative 'that' as a relative pronoun", () => {
    expect(chunks("They found a loophole that smugglers were exploiting .")).toContain("[REL that]");
    expect(chunks("They argued that smugglers were exploiting the loophole .")).toContain("[SUB that]");
  });
});
