/**
 * Is a word ordinary English? wink's English model carries a lexicon of
 * about 87,000 lower-case words; a capitalised word whose lower-case form
 * is in it ("Velvet", "Horizon", "Design") is weaker evidence of a person's
 * name than one that is not ("Lichtensteiger", "Budjana", "Johnson").
 *
 * wink numbers lexicon words first and words it meets later after them, so
 * a word is in the lexicon when its id is below the first unseen word's id.
 * This uses a separate, POS-less wink instance (about 4 MB) so that ids of
 * words seen by the tagger never shift the boundary; answers are cached.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

let nlp: ReturnType<typeof winkNLP> | undefined;
let lexiconSize = 0;
const cache = new Map<string, boolean>();

function idOf(word: string): number {
  return nlp!.readDoc(word).tokens().out(nlp!.its.uniqueId)[0] as unknown as number;
}

export function isLexiconWord(lower: string): boolean {
  let known = cache.get(lower);
  if (known !== undefined) return known;
  if (!nlp) {
    nlp = winkNLP(model, []);
    lexiconSize = idOf("qzxjqv");
  }
  known = /^[a-z]+$/.test(lower) && idOf(lower) < lexiconSize;
  if (cache.size > 100_000) cache.clear();
  cache.set(lower, known);
  return known;
}
