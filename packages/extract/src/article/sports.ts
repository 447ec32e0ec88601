/**
 * Whether an article is a sports report: at least four sports words (sports-words.json) or scores
 * ("2-1"). In one, a town's name is often a team and a club's "boss" is its manager.
 */
import sportsWords from "../entities/sports-words.json" with { type: "json" };

const SPORTS_WORDS = new Set(sportsWords.words);
const SCORE = /^\d{1,3}-\d{1,3}$/;

export function isSportsReport(sentences: readonly (readonly { text: string; lower: string }[])[]): boolean {
  let hits = 0;
  for (const s of sentences) for (const w of s) if (SPORTS_WORDS.has(w.lower) || SCORE.test(w.text)) if (++hits >= 4) return true;
  return false;
}
