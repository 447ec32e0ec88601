/** Closed word classes the chunker and clause finder read tokens by. */
import type { Token } from "../nlp/index.ts";

export const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "X", "SYM"]);
/** Pronouns that stand as a noun phrase of their own. */
export const PERSONAL_PRONOUNS = new Set(["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "these", "those", "who", "whom", "there", "one", "something", "someone", "everyone", "everything", "nothing", "many", "some", "others", "both", "all", "each", "most", "what", "themselves", "himself", "herself", "itself"]);
export const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "their", "our", "my", "your"]);
export const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every", "each", "any", "some", "no"]);
export const DEMONSTRATIVES = new Set(["this", "these", "those", "that"]);
export const RELATIVES = new Set(["which", "who", "whom", "whose"]);
export const SUBORDINATORS = new Set(["that", "because", "while", "although", "though", "if", "whether", "when", "where", "after", "before", "since", "until", "unless", "as", "whereas", "once"]);
export const MODALS = new Set(["will", "would", "can", "could", "shall", "should", "may", "might", "must", "wo", "ca"]);
export const PARTICLES = new Set(["back", "up", "out", "off", "down", "away", "over"]);
/** Like determiners, these start a phrase: "By the end of this experiment several results were found". */
export const QUANTIFIERS = new Set(["several", "many", "few", "numerous", "various", "both", "most"]);
/** "about $ 30 million", "nearly five hours": part of the number's phrase. */
export const APPROXIMATORS = new Set(["about", "nearly", "almost", "approximately", "roughly", "around", "some", "over", "only", "just", "under", "up"]);
/** "in relation to direct taxes": after these, "to" is a preposition even before a word the tagger calls a verb. */
export const FIXED_PREPOSITIONS = new Set(["relation", "addition", "according", "due", "prior", "close", "respect", "regard", "contrast", "comparison", "response", "reference", "opposed", "next", "compared", "thanks", "owing", "subject", "exposure", "access", "approach", "contribution", "devoted", "committed", "dedicated", "related"]);
/** Third-person verbs wink tags as plural nouns between two names: "Belarus borders Poland", "Chelsea sign Smith"; a team takes the plural: "Chelsea face Arsenal". */
export const VERBS_BETWEEN_NAMES = new Set(["face", "host", "meet", "beat", "visit", "sign", "borders", "faces", "hosts", "backs", "signs", "meets", "beats", "leads", "joins", "visits", "targets", "eyes", "urges", "warns", "sues", "buys", "sells", "slams", "accuses", "blames", "thanks", "praises", "criticises", "criticizes", "attacks", "tells", "replaces", "rejects", "defeats", "edges", "stuns", "tops", "trails"]);
/** Third-person verbs wink tags as plural nouns before an infinitive: "Tom Hale plans to fly to Paris". */
export const VERBS_BEFORE_INFINITIVE = new Set(["plans", "hopes", "wants", "aims", "intends", "expects", "seeks", "vows", "threatens", "promises", "needs", "tries", "refuses", "agrees", "decides", "fails", "continues", "starts", "begins", "wishes", "prepares", "pledges", "offers", "struggles", "looks", "bids"]);
export const BREAKS = new Set([";", ":", "--", "–", "—"]);
export const OPEN_QUOTES = new Set(['"', "``", "`", "“", "‘"]);
export const CLOSE_QUOTES = new Set(['"', "''", "'", "”", "’"]);
const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re"]);

export const isBe = (t: Token) => BE_FORMS.has(t.lower) || t.lemma === "be";
export const isPossessive = (t: Token) => t.pos === "PART" && /^['’]s?$/.test(t.text);
export const isVerbal = (t: Token | undefined) => !!t && (t.pos === "VERB" || t.pos === "AUX");

/** Tokens that can sit inside a noun phrase. */
export function isNominal(t: Token | undefined): boolean {
  return !!t && (NP_POS.has(t.pos) || POSSESSIVE_PRONOUNS.has(t.lower) || isPossessive(t));
}

/**
 * Past participles that end in neither "-ed" nor "-en", which wink may tag as adjectives ("is reported to have
 * held talks"), and their verbs.
 */
export const IRREGULAR_PARTICIPLES = new Map(Object.entries({ held: "hold", met: "meet", made: "make", paid: "pay", sold: "sell", bought: "buy", told: "tell", led: "lead", left: "leave", lost: "lose", sent: "send", spent: "spend", won: "win", built: "build", brought: "bring", caught: "catch", fought: "fight", kept: "keep", struck: "strike" }));
