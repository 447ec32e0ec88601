import { describe, expect, it } from "vitest";
import { tagSentences } from "../nlp/index.ts";
import { extractClauses } from "./engine.ts";
import type { Span } from "./types.ts";

/** The clauses of one sentence as text, the way a reader would state them. */
function clauses(sentence: string) {
  const tokens = tagSentences(sentence).flatMap((s) => s.tokens);
  const text = (s: Span) => tokens.slice(s.first, s.last).map((t) => t.text).join(" ");
  const result = extractClauses(tokens);
  return {
    clauses: result.clauses.map((c) => ({
      subject: text(c.subjectGroup),
      verb: text(c.verb),
      objects: c.objects.map(text),
      preps: c.preps.map((p) => `${text(p.prep)} ${text(p.arg)}`),
      complement: c.complement ? text(c.complement.body) : undefined,
      extras: c.extras.map(text),
      adjuncts: c.adjuncts.map(text),
      via: c.subjectVia,
      lemma: c.lemma,
      negated: c.negated,
      embedded: c.embedded,
      passive: c.passive,
    })),
    appositions: result.appositions.map((a) => [text(a.subject), text(a.description)]),
  };
}
const find = (sentence: string, verb: string) => clauses(sentence).clauses.find((c) => c.verb === verb);

describe("verb groups", () => {
  it("keeps auxiliaries and negation in the verb group", () => {
    expect(find("The council has not approved the new budget.", "has not approved")).toMatchObject({ subject: "The council", objects: ["the new budget"], negated: true, lemma: "approve" });
  });

  it("joins infinitive chains, adverbs inside them, and 'able to' into one predicate", () => {
    expect(find("The company has had to quickly cut its prices.", "has had to quickly cut")).toMatchObject({ subject: "The company", objects: ["its prices"] });
    expect(find("The rescuers were able to reach the village.", "were able to reach")).toMatchObject({ subject: "The rescuers", objects: ["the village"] });
  });

  it("ends a verb group where the next clause's auxiliary begins", () => {
    const c = clauses("The painting that the museum bought was stolen.").clauses;
    expect(c.find((x) => x.verb === "bought")).toMatchObject({ subject: "the museum", objects: ["The painting"] });
    expect(c.find((x) => x.verb === "was stolen")).toMatchObject({ subject: "The painting", passive: true });
  });

  it("reads a word the tagger calls an adjective after a modal as the verb", () => {
    expect(find("The agency said it would close three offices by June.", "would close")).toMatchObject({ subject: "it", objects: ["three offices"], preps: ["by June"] });
  });
});

describe("coordination", () => {
  it("coordinated verbs share the subject", () => {
    expect(find("The mayor opened the bridge and thanked the engineers.", "thanked")).toMatchObject({ subject: "The mayor", objects: ["the engineers"], via: "coordination" });
  });

  it("a verb with nothing after it shares the next verb's object: 'grow and sell X'", () => {
    expect(find("Farmers grow and sell organic vegetables.", "grow")).toMatchObject({ subject: "Farmers", objects: ["organic vegetables"] });
  });

  it("but a verb that ends in its particle keeps nothing: 'stayed away and sent X'", () => {
    expect(find("The president stayed away and sent his deputy.", "stayed away")).toMatchObject({ subject: "The president", objects: [] });
    expect(find("The president stayed away and sent his deputy.", "sent")).toMatchObject({ objects: ["his deputy"] });
  });

  it("coordinated objects of a preposition are separate arguments", () => {
    expect(find("The charity sent blankets to Chile and Peru.", "sent")).toMatchObject({ objects: ["blankets"], preps: ["to Chile", "to Peru"] });
  });

  it("a list after a colon is the object list", () => {
    expect(find("The deal includes: a new stadium, a training ground and a museum.", "includes")!.objects).toEqual(["a new stadium", "a training ground", "a museum"]);
  });

  it("coordinated subjects are kept whole", () => {
    expect(find("Lena Park and her brother founded the company in 2001.", "founded")).toMatchObject({ subject: "Lena Park and her brother", objects: ["the company"], preps: ["in 2001"] });
  });
});

describe("subjects", () => {
  it("relative clauses take their antecedent as subject", () => {
    expect(find("She visited the museum, which houses a famous collection.", "houses")).toMatchObject({ subject: "the museum", objects: ["a famous collection"], via: "relative" });
  });

  it("an object relative makes the antecedent the object", () => {
    expect(find("Mr Ito ate the fish that the cook had caught.", "had caught")).toMatchObject({ subject: "the cook", objects: ["the fish"] });
  });

  it("'X is a Y who ...': the relative clause is about X", () => {
    expect(find("Dana Reyes is a chemist who works for a small lab in Oslo.", "works")).toMatchObject({ subject: "Dana Reyes", preps: ["for a small lab", "in Oslo"] });
  });

  it("skips a comma-bounded relative clause or aside between subject and verb", () => {
    expect(find("The museum, which opened in 1990, attracts many visitors.", "attracts")).toMatchObject({ subject: "The museum", via: "direct" });
    expect(find("The club, despite heavy losses, kept its coach.", "kept")).toMatchObject({ subject: "The club" });
    expect(find("The school however, refused to reopen.", "refused to reopen")).toMatchObject({ subject: "The school" });
  });

  it("a prepositional phrase after 'and' is no subject: 'and in 2015 moved'", () => {
    expect(find("Mira taught in Oslo and in 2015 moved to Bergen .", "moved")).toMatchObject({ subject: "Mira", via: "coordination", preps: ["to Bergen"] });
  });

  it("keeps prepositional attachments of the subject", () => {
    expect(find("The director of the museum resigned on Friday.", "resigned")).toMatchObject({ subject: "The director of the museum", preps: ["on Friday"] });
  });

  it("a participle phrase inside the subject: 'Tools stored in the shed rusted'", () => {
    expect(find("Tools stored in the shed rusted over the winter.", "rusted")).toMatchObject({ subject: "Tools stored in the shed", preps: ["over the winter"] });
  });

  it("an '-ing' participle after a comma shares the main subject", () => {
    expect(find("The storm hit the coast, destroying hundreds of homes.", "destroying")).toMatchObject({ subject: "The storm", objects: ["hundreds of homes"], via: "coordination" });
  });

  it("an '-ed' participle after a comma describes the phrase before it", () => {
    expect(find("The festival drew large crowds, organised by a group of students.", "organised")).toMatchObject({ subject: "large crowds", preps: ["by a group of students"] });
  });

  it("a participle aside before the verb: 'The first loan , consisting of two notes , was priced'", () => {
    const c = clauses("The first loan , consisting of two notes , was priced at par .").clauses;
    expect(c.find((x) => x.verb === "consisting")).toMatchObject({ subject: "The first loan", preps: ["of two notes"] });
    expect(c.find((x) => x.verb === "was priced")).toMatchObject({ subject: "The first loan", preps: ["at par"] });
  });

  it("a past tense with its object after a comma is a coordinated verb, not a participle", () => {
    expect(find("The clerk signed the form , carefully checked every page and sent it back .", "checked")).toMatchObject({ subject: "The clerk", objects: ["every page"], via: "coordination" });
  });

  it("a fronted participle takes the subject of the main clause", () => {
    expect(find("Having finished the report, the analyst went home.", "Having finished")).toMatchObject({ subject: "the analyst", objects: ["the report"], via: "fronted" });
    expect(find("Upon reaching the summit, the climbers raised a flag.", "reaching")).toMatchObject({ subject: "the climbers", objects: ["the summit"] });
    // without the comma that closes its phrase, a participle is an adjective of the subject
    expect(find("Injured Tom Hale and Ann Roe were left out of the squad.", "Injured")?.subject ?? "").not.toMatch(/Ann Roe|Tom Hale/);
  });

  it("a gerund after 'after', 'by', 'before' takes the clause's subject", () => {
    expect(find("The ship sank after hitting a reef.", "hitting")).toMatchObject({ subject: "The ship", objects: ["a reef"], via: "control" });
  });

  it("the passive agent stays a 'by' argument", () => {
    expect(find("The bridge was designed by a local architect.", "was designed")).toMatchObject({ subject: "The bridge", preps: ["by a local architect"], passive: true });
  });
});

describe("complements and reported speech", () => {
  it("a 'that'-clause is the complement, and a clause of its own", () => {
    const c = clauses("The study showed that sleep improves memory.").clauses;
    expect(c.find((x) => x.verb === "showed")).toMatchObject({ subject: "The study", complement: "sleep improves memory" });
    expect(c.find((x) => x.verb === "improves")).toMatchObject({ subject: "sleep", objects: ["memory"] });
  });

  it("marks clauses inside a complement as embedded (reported, not asserted)", () => {
    const c = clauses("Analysts said that the bank would cut jobs.").clauses;
    expect(c.find((x) => x.verb === "said")).toMatchObject({ complement: "the bank would cut jobs", embedded: false });
    expect(c.find((x) => x.verb === "would cut")).toMatchObject({ subject: "the bank", objects: ["jobs"], embedded: true });
  });

  it("'showed how ...': a wh-word opens the complement", () => {
    expect(find("The guide showed how the lock works .", "showed")).toMatchObject({ subject: "The guide", complement: "the lock works" });
  });

  it("a verb of thinking or saying takes a clause without 'that'", () => {
    expect(find("Officials believe the dam will hold.", "believe")).toMatchObject({ subject: "Officials", complement: "the dam will hold" });
  });

  it("speech before '..., the minister said'", () => {
    expect(find("Prices will rise next year, the minister said.", "said")).toMatchObject({ subject: "the minister", complement: "Prices will rise next year" });
  });

  it("inverted speech: '\" ... , \" said a police spokesman'", () => {
    expect(find('" The road is closed , " said a police spokesman .', "said")).toMatchObject({ subject: "a police spokesman", objects: [] });
  });

  it("after a quotation the speaker follows the verb, even when a name inside the quotation could be its subject", () => {
    expect(find('" Though the battles have the bravado you expect from Tom Hale , this film is hamstrung by a hectoring grandiosity , " wrote one reviewer in the magazine .', "wrote")).toMatchObject({ subject: "one reviewer in the magazine", objects: [] });
  });

  it("a speaker set off by commas between the quotation and the verb: '\" ... , \" Ann Roe from the institute , told the paper'", () => {
    const told = find('" Everything is going digital , " Ann Roe from the institute , told the paper .', "told");
    expect(told).toMatchObject({ subject: "Ann Roe from the institute", objects: ["the paper"] });
    expect(told!.complement).toContain("Everything is going digital");
  });
});

describe("arguments and scene-setting", () => {
  it("a sentence-opening phrase is an adjunct of the clauses after it", () => {
    expect(find("In 2010, the club won the national title.", "won")).toMatchObject({ subject: "the club", adjuncts: ["In 2010"] });
  });

  it("'including' continues the argument list", () => {
    expect(find("The children played in the park, including the garden behind the library.", "played")!.extras).toContain("including the garden");
  });

  it("a gerund phrase is a prepositional argument", () => {
    expect(find("The ship sank after hitting a reef.", "sank")!.extras).toEqual(["after hitting a reef"]);
  });

  it("appositions: 'Omar Haddad, a retired pilot,'", () => {
    expect(clauses("Omar Haddad, a retired pilot, opened a flight school.").appositions).toEqual([["Omar Haddad", "a retired pilot"]]);
  });

  it("an apposition may describe with a coordination", () => {
    expect(clauses("Omar Haddad , founder of the club and its coach , stepped down in June .").appositions).toEqual([["Omar Haddad", "founder of the club and its coach"]]);
  });

  it("a participle phrase after a comma is inside the subject: 'A concert, hosted by Ann Roe and Tom Hale will take place'", () => {
    expect(find("A special concert, hosted by Ann Roe and Tom Hale will take place in Leeds.", "will take")!.subject).toBe("A special concert , hosted by Ann Roe and Tom Hale");
  });

  it("lists of places are not appositions", () => {
    expect(clauses("She moved from Leeds, Yorkshire, to Bath.").appositions).toEqual([]);
  });
});
