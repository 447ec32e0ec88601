/**
 * How sport reads a verb the schema would read otherwise: two sides that meet play a match, a player who
 * "released" a team-mate passed to him; and how the rest of the news reads "play": an actor plays a role.
 * The schema's classifier sees only a triple's predicate and types, so the readings that need to know the
 * article is about sport rename the predicate before it classes.
 */
import type { EntityType } from "../types.ts";

/** What a side in a sports report is typed: a club or a national team, or the town or country it is named after. */
const TEAM_TYPES = new Set<EntityType>(["Organization", "Location"]);
/** Verbs a sports report uses for a pass to a team-mate: "released Mayerhofler on the wing". */
const PASS_VERBS = new Set(["release", "feed", "find", "pick_out"]);

/** How much of sport the article has: `report`, a sports report (article/sports.ts); `talk`, sport at all. */
export interface SportContext {
  report: boolean;
  talk: boolean;
}

/** The predicate as sport reads it; undefined when sport says it is no relation. */
export function readInSport(predicate: string, subject: EntityType, object: EntityType, sport: SportContext): string | undefined {
  if (sport.report) {
    const sides = subject === object && (subject === "Person" || subject === "Organization");
    // two sides or two players who meet play a match: not a consultation
    if (predicate === "meet" && sides) return "play";
    // a side that hosts another plays it at home ("Zambia host Malawi"): no visit
    if (predicate === "host" && TEAM_TYPES.has(subject) && TEAM_TYPES.has(object)) return "host_match_against";
    // a player who "ousted" another knocked him out of the draw: no dismissal
    if (predicate === "oust" && sides) return "beat";
    // a player who "headed Celtic into the lead" scored with his head: he does not head the club
    if (predicate === "head" && object === "Organization") return undefined;
  }
  if (sport.talk) {
    // a player who "released Mayerhofler", "fed Aramburu" passed him the ball
    if (PASS_VERBS.has(predicate) && subject === "Person" && object === "Person") return "pass_to";
    // a keeper who "denied Damien Duff" stopped his shot: no denial of anything said
    if (predicate === "deny" && object === "Person") return "thwart";
    // one who "captained Neath" is its captain, a player, as "Neath captain X" says
    if (predicate === "captain" && TEAM_TYPES.has(object)) return "captain_of";
  }
  // outside sport a person who plays another is an actor in a role ("DiCaprio plays millionaire Howard
  // Hughes"): no match
  if (!sport.talk && predicate === "play" && subject === "Person" && object === "Person") return "play_role_of";
  return predicate;
}
