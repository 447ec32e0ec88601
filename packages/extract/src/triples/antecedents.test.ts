import { describe, expect, it } from "vitest";
import { Antecedents } from "./antecedents.ts";
import type { LinkedEntity } from "./fromClauses.ts";

const names = ["Margaret Hodge", "Neil Kinnock", "Kinnock"];
const person = (ref: number): LinkedEntity => ({ first: 0, last: 1, ref, type: "Person", inferred: false });

describe("Antecedents", () => {
  it("gives the person remembered last, skipping one whose first name is of the other gender", () => {
    const a = new Antecedents((ref) => names[ref]!);
    a.remember(person(0));
    a.remember(person(1));
    expect(a.resolve("he")?.ref).toBe(1);
    expect(a.resolve("she")?.ref).toBe(0);
  });

  it("takes a person whose first name tells nothing for either pronoun, and remembers each person once", () => {
    const a = new Antecedents((ref) => names[ref]!);
    a.remember(person(0));
    a.remember(person(2)); // a surname alone
    a.remember(person(0));
    expect(a.resolve("he")?.ref).toBe(2);
    expect(a.resolve("she")?.ref).toBe(0);
  });

  it("gives nothing when no remembered person can be meant", () => {
    const a = new Antecedents((ref) => names[ref]!);
    expect(a.resolve("he")).toBeUndefined();
    a.remember(person(1));
    expect(a.resolve("she")).toBeUndefined();
  });

  it("forgets persons after six others", () => {
    const a = new Antecedents((ref) => (ref === 0 ? "Margaret Hodge" : "Neil Kinnock"));
    a.remember(person(0));
    for (let ref = 1; ref <= 6; ref++) a.remember(person(ref));
    expect(a.resolve("she")).toBeUndefined();
  });
});
