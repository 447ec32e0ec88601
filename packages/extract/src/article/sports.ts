/**
 * Whether an article is a sports report: at least four sports words (sports-words.json) or scores
 * ("2-1"). In one, a town's name is often a team and a club's "boss" is its manager.
 */
import sportsWords from "../entities/sports-words.json" with { type: "json" };

const SPORTS_WORDS = new Set(sportsWords.words);
const SCORE = /^\d{1,3}-\d{1,3}$/;

export function isSportsReport(sentences: readonly (readonly { text: string; lower: string }[])[]): boolean {
  return countSportsWords(sentences, 4) >= 4;
}

/**
 * Whether an article talks of sport at all: two sports words or scores. Enough to read a club's "boss" as
 * its manager ("Aston Villa boss David O'Leary signed a contract extension ... the Premiership match"), which
 * a company's boss in a business story seldom sits beside.
 */
export function talksSport(sentences: readonly (readonly { text: string; lower: string }[])[]): boolean {
  return countSportsWords(sentences, 2) >= 2;
}

/** The sports words and scores of an article, counted up to `enough`. */
function countSportsWords(sentences: readonly (readonly { text: string; lower: string }[])[], enough: number): number {
  let hits = 0;
  for (const s of sentences) for (const w of s) if (SPORTS_WORDS.has(w.lower) || SCORE.test(w.text)) if (++hits >= enough) return hits;
  return hits;
}
