/**
 * Whether an article is a sports report: at least four sports words (sports-words.json), scores ("2-1")
 * or fixtures ("Leeds v Saracens"). In one, a town's name is often a team and a club's "boss" is its manager.
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

/** "Leeds v Saracens": a "v" between two names (a lower-case "v", which no other use of the letter has in prose). */
function isFixture(words: readonly { text: string }[], i: number): boolean {
  return (words[i]!.text === "v" || words[i]!.text === "vs") && /^\p{Lu}/u.test(words[i - 1]?.text ?? "") && /^\p{Lu}/u.test(words[i + 1]?.text ?? "");
}

/** "fly-half", "semi-final": the tagger splits a hyphenated word in three, here at its hyphen i. */
const hyphenated = (words: readonly { lower: string }[], i: number) => words[i]!.lower === "-" && i > 0 && i + 1 < words.length && SPORTS_WORDS.has(`${words[i - 1]!.lower}-${words[i + 1]!.lower}`);

/** The sports words, scores and fixtures of an article, counted up to `enough`. */
function countSportsWords(sentences: readonly (readonly { text: string; lower: string }[])[], enough: number): number {
  let hits = 0;
  for (const s of sentences)
    for (let i = 0; i < s.length; i++) if (SPORTS_WORDS.has(s[i]!.lower) || SCORE.test(s[i]!.text) || isFixture(s, i) || hyphenated(s, i)) if (++hits >= enough) return hits;
  return hits;
}
