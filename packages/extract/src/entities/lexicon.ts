/**
 * Is a word ordinary English? wink's English model carries a lexicon of
 * about 87,000 lower-case words; a capitalised word whose lower-case form
 * is in it ("Velvet", "Horizon", "Design") is weaker evidence of a person's
 * name than one that is not ("Lichtensteiger", "Budjana", "Johnson").
 *
 * wink numbers lexicon words first and words it meets later after them, so
 * a word is in the lexicon when its id is below the first unseen word's id.
 * This uses a separate, POS-less wink instance (about 4 MB) so that ids of
 * words seen by the tagger never shift the boundary.
 *
 * A word of letters alone is one token to wink's tokenizer, whose id is the word's entry in the
 * lexeme hash, or a new id past the lexicon when it has none. So the hash answers without reading
 * the word as a document (a tenth of the entity model's time on new words); only a contraction
 * ("cannot"), which wink reads as its expansions, is still read.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** What is read here of wink's core model: the lexeme hash, and the packed lexicon that flags contractions. */
interface CoreModel {
  features: { lexeme: { hash: Record<string, number> } };
  lexicon: Uint32Array;
  packing: { size: number; layout: { isContraction: number[] } };
}
type WinkModel = typeof model & { core(): CoreModel };

let nlp: ReturnType<typeof winkNLP> | undefined;
let core: CoreModel | undefined;
let lexiconSize = 0;

function idOf(word: string): number {
  return nlp!.readDoc(word).tokens().out(nlp!.its.uniqueId)[0] as unknown as number;
}

function load(): CoreModel {
  if (!core) {
    // the instance's own core model, kept as it builds it: its lexeme hash is the one readDoc reads
    const base = model as WinkModel;
    const wrapped = Object.create(base) as WinkModel;
    wrapped.core = () => (core = base.core());
    nlp = winkNLP(wrapped, []);
    lexiconSize = idOf("qzxjqv");
  }
  return core!;
}

/** Whether lexicon entry `index` is a contraction (wink's packed flag, as its cache reads it). */
function isContraction(c: CoreModel, index: number): boolean {
  const [offset, mask, shift] = c.packing.layout.isContraction as [number, number, number];
  return ((c.lexicon[offset + index * c.packing.size]! & mask) >>> shift) !== 0;
}

export function isLexiconWord(lower: string): boolean {
  if (!/^[a-z]+$/.test(lower)) return false;
  const c = load();
  const index = c.features.lexeme.hash[lower];
  // not in the hash: wink would number it as a new word, past the lexicon
  if (index === undefined) return false;
  if (index >= lexiconSize || !isContraction(c, index)) return index < lexiconSize;
  return idOf(lower) < lexiconSize;
}
