/**
 * What "he" and "she" refer to: the persons an article has named or referred to, most recent first.
 * A pronoun takes the most recent one whose first name does not say the other gender, so "she" skips a
 * "Neil" named since for the "Margaret" before him. Pure bookkeeping; extractArticle decides whom to remember.
 */
import { genderOfFirstName } from "../entities/gazetteer.ts";
import type { LinkedEntity } from "./fromClauses.ts";

const PRONOUN_GENDER = new Map<string, "male" | "female">([
  ["he", "male"],
  ["him", "male"],
  ["she", "female"],
  ["her", "female"],
]);

/** How many persons back a pronoun may look for one whose first name agrees with it. */
const REMEMBERED = 6;

export class Antecedents {
  private readonly recent: LinkedEntity[] = [];

  /** `nameOf` gives the canonical name of an entity-table index, whose first word tells the gender. */
  constructor(private readonly nameOf: (ref: number) => string) {}

  remember(person: LinkedEntity): void {
    const seenAt = this.recent.findIndex((p) => p.ref === person.ref);
    if (seenAt >= 0) this.recent.splice(seenAt, 1);
    this.recent.unshift(person);
    if (this.recent.length > REMEMBERED) this.recent.pop();
  }

  resolve(pronoun: string): LinkedEntity | undefined {
    return this.recent.find((p) => this.agrees(pronoun, p));
  }

  /** Whether the person's first name does not say the other gender than the pronoun's. */
  agrees(pronoun: string, person: LinkedEntity): boolean {
    const wanted = PRONOUN_GENDER.get(pronoun);
    const gender = genderOfFirstName(this.nameOf(person.ref).split(" ")[0]!);
    return !wanted || !gender || gender === wanted;
  }
}
