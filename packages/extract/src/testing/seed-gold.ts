/**
 * Our own gold annotation of the three seed articles (../shared/articles):
 * the who-did-what-to-whom facts a careful reader takes from them. Each fact
 * lists the predicates that state it acceptably (the extractor's normalised
 * form), so recall measures facts found, not wording. Only names and
 * predicates are here, never the articles' text. A fact found with its
 * predicate but put otherwise (a hypothetical as a plain fact) is not found.
 */
import type { Modality, Polarity } from "../types.ts";
export interface GoldFact {
  article: "000" | "001" | "002";
  subject: string;
  predicates: string[];
  object: string;
  /** ISO date the fact happened on, where the article says. */
  date?: string;
  /** How the article puts it, when not as a plain positive fact. */
  polarity?: Polarity;
  modality?: Modality;
}

const f = (article: GoldFact["article"], subject: string, predicates: string | string[], object: string, date?: string, mode: { polarity?: Polarity; modality?: Modality } = {}): GoldFact => ({
  article,
  subject,
  predicates: Array.isArray(predicates) ? predicates : [predicates],
  object,
  ...(date ? { date } : {}),
  ...mode,
});

export const SEED_GOLD: GoldFact[] = [
  f("000", "Russia", "send_to", "Belarus"),
  f("000", "Grodno region", "border", "Poland"),
  f("000", "Moscow", ["send_over", "send_to", "patrol"], "Belarus"),
  f("000", "Dmitry Polyansky", ["ambassador_of", "ambassador_to"], "United Nations"),
  f("000", "Dmitry Polyansky", ["tell_in"], "New York"),
  f("000", "European Union", "accuse", "Alexander Lukashenko"),
  f("000", "Alexander Lukashenko", "president_of", "Belarus"),
  f("000", "Minsk", "capital_of", "Belarus"),
  f("000", "Russia", ["have_agreement_with", "ally_of"], "Belarus"),

  f("001", "Russia", ["send_over", "send_to", "patrol"], "Belarus", "2022-02-05"),
  f("001", "Tu-22M3", "patrol", "Belarus", "2022-02-05"),
  f("001", "Belarus", "border", "Ukraine"),
  f("001", "Belarus", "border", "Poland"),
  f("001", "Belarus", "border", "Lithuania"),
  f("001", "Belarus", "border", "Latvia"),
  f("001", "Kremlin", "move_to", "Belarus"),
  f("001", "Kremlin", "move_from", "Siberia"),
  f("001", "Kremlin", "move_from", "Far East"),
  f("001", "Russia", "urge", "United States"),
  f("001", "West", "call_on", "Russia"),
  f("001", "Moscow", ["stage_attack_on", "attack"], "Ukraine", undefined, { modality: "hypothetical" }),
  f("001", "Russia", ["conduct_drills_with", "conduct_with"], "Belarus"),
  f("001", "Alexander Lukashenko", "leader_of", "Belarus"),
  f("001", "Alexander Lukashenko", ["call_with", "call_for_with"], "Moscow"),
  f("001", "Ilya Goncharov", "resident_of", "Kyiv"),
  f("001", "Joe Biden", "president_of", "United States"),
  f("001", "Joe Biden", "order_to", "Poland"),
  f("001", "Joe Biden", "order_to", "Germany"),
  f("001", "Joe Biden", "shift_from", "Germany"),
  f("001", "Joe Biden", "shift_to", "Romania"),
  f("001", "Vladimir Putin", "president_of", "Russia"),
  f("001", "Vladimir Putin", ["signal_with", "talk_with"], "Washington"),
  f("001", "Vladimir Putin", ["signal_with", "talk_with"], "NATO"),
  f("001", "Emmanuel Macron", "president_of", "France"),
  f("001", "Olaf Scholz", "chancellor_of", "Germany"),
  // dated Saturday 5 February: "is heading to Moscow and Kyiv on Monday and Tuesday" is a trip still to come
  f("001", "Emmanuel Macron", "head_to", "Moscow", "2022-02-07", { modality: "intended" }),
  f("001", "Emmanuel Macron", "head_to", "Kyiv", undefined, { modality: "intended" }),
  f("001", "Olaf Scholz", "travel_to", "Kyiv", "2022-02-14", { modality: "intended" }),
  f("001", "Olaf Scholz", "travel_to", "Moscow", "2022-02-14", { modality: "intended" }),
  f("001", "Vladimir Putin", "attend", "Winter Olympics", "2022-02-04"),
  f("001", "Vladimir Putin", "meet", "Xi Jinping", "2022-02-04"),
  f("001", "Xi Jinping", "leader_of", "China"),
  f("001", "Taiwan", ["part_of", "be_part_of"], "China", undefined, { modality: "reported" }),
  f("001", "Vladimir Putin", ["oppose", "declare_to"], "NATO"),
  f("001", "Xi Jinping", ["oppose", "declare_to"], "NATO"),

  f("002", "Russia", "send_to", "Belarus"),
  f("002", "Russia", ["start_to_move_towards", "move_towards"], "Belarus"),
  f("002", "Russia", "send_through", "Belarus", undefined, { modality: "hypothetical" }),
  f("002", "Alexander Lukashenko", ["form_tie_with", "ally_of"], "Vladimir Putin"),
  f("002", "United Kingdom", "send_to", "Ukraine"),
  f("002", "Germany", ["provide", "provide_to"], "Ukraine", undefined, { polarity: "negative" }),
  f("002", "Vladimir Putin", "justify_with", "Belarus"),
  f("002", "Boris Gryzlov", "ambassador_to", "Belarus"),
  f("002", "Boris Gryzlov", "ally_of", "Vladimir Putin"),
  f("002", "Sergey Ryzhkov", "head_of", "National Nuclear Risk Reduction Centre"),
  f("002", "Poland", "member_of", "NATO"),
  f("002", "Lithuania", "member_of", "NATO"),
];

export interface RecallReport {
  found: number;
  total: number;
  recall: number;
  /** Facts found with the right predicate but put otherwise (a denied, hypothetical or negated statement as a plain one, or the reverse). */
  wrongMode: GoldFact[];
  /** Of the facts found that carry a date, how many have it right. */
  datesRight: number;
  datesTotal: number;
  missed: GoldFact[];
}

type Found = { subject: { name: string }; predicate: string; object: { name: string }; evidence: { article: string }; date?: string; polarity?: Polarity; modality?: Modality };
/** Reported and asserted are told apart, but a claim stated as fact is not what this guards against. */
const loose = (m: Modality | undefined) => (m === "reported" || !m ? "asserted" : m);

export function seedRecall(triples: Found[]): RecallReport {
  const missed: GoldFact[] = [];
  const wrongMode: GoldFact[] = [];
  let datesRight = 0;
  let datesTotal = 0;
  for (const g of SEED_GOLD) {
    const named = triples.filter((t) => t.evidence.article.startsWith(g.article) && t.subject.name === g.subject && t.object.name === g.object && g.predicates.includes(t.predicate));
    const hits = named.filter((t) => (t.polarity ?? "positive") === (g.polarity ?? "positive") && loose(t.modality) === loose(g.modality));
    if (hits.length === 0) {
      missed.push(g);
      if (named.length) wrongMode.push(g);
      continue;
    }
    if (g.date) {
      datesTotal++;
      if (hits.some((t) => t.date === g.date)) datesRight++;
    }
  }
  const found = SEED_GOLD.length - missed.length;
  return { found, total: SEED_GOLD.length, recall: found / SEED_GOLD.length, datesRight, datesTotal, missed, wrongMode };
}
