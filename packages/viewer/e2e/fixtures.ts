/**
 * A small graph in the viewer's input format (graphology's export of a
 * MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>),
 * built from sentences written for the tests. It has the cases the browser
 * tests need: Putin –meet→ Xi Jinping with evidence, Kyiv with the alias
 * Kiev, parallel and reciprocal edges, and entities whose names are HTML.
 * Each relation has its class from the relation schema, as `kg build` gives
 * it (the extractor's own classifier); every statement is a plain assertion.
 */
import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { classify } from "../../extract/src/relations/index.ts";
import { colorForType } from "../src/core/appearance/index.ts";
import type { EdgeAttributes, EvidenceItem, GraphAttributes, NodeAttributes, SerializedGraph, ViewerGraph } from "../src/core/types.ts";

export const XSS_NAME = "<img src=x onerror=alert(1)>";
export const XSS_SENTENCE_NAME = "<script>window.__xss=1</script>";
/** A relation class id carrying markup (lower case without "_": its label, made from the id, is the same text). */
export const XSS_CLASS = "<img src=x onerror=alert(5)>";

interface EntitySpec {
  id: string;
  label: string;
  type: string;
  aliases?: string[];
}

const ENTITIES: EntitySpec[] = [
  { id: "person:vladimir-putin", label: "Vladimir Putin", type: "Person", aliases: ["Putin", "President Putin"] },
  { id: "person:xi-jinping", label: "Xi Jinping", type: "Person", aliases: ["Xi", "President Xi"] },
  { id: "person:volodymyr-zelensky", label: "Volodymyr Zelensky", type: "Person", aliases: ["Zelensky", "Zelenskyy"] },
  { id: "person:ana-lopez", label: "Ana López", type: "Person", aliases: ["Lopez"] },
  { id: "location:kyiv", label: "Kyiv", type: "Location", aliases: ["Kiev"] },
  { id: "location:beijing", label: "Beijing", type: "Location" },
  { id: "location:moscow", label: "Moscow", type: "Location" },
  { id: "location:geneva", label: "Geneva", type: "Location" },
  { id: "organization:nato", label: "NATO", type: "Organization", aliases: ["North Atlantic Treaty Organization"] },
  { id: "organization:united-nations", label: "United Nations", type: "Organization", aliases: ["UN"] },
  { id: "organization:red-cross", label: "Red Cross", type: "Organization" },
  { id: "equipment:patriot", label: "Patriot missile system", type: "Equipment", aliases: ["Patriot"] },
  { id: "event:peace-talks", label: "Geneva peace talks", type: "Event" },
  { id: "person:xss", label: XSS_NAME, type: "Person", aliases: ["xss test entity"] },
  { id: "organization:xss-script", label: XSS_SENTENCE_NAME, type: "Organization" },
];

interface RelationSpec {
  s: string;
  p: string;
  o: string;
  article: string;
  date: string;
  /** The sentence; the subject and object mentions are found in it by text. */
  sentence: string;
  sMention: string;
  oMention: string;
  surface: string;
  confidence: number;
  /** Attributes that replace the ones computed (a hand-made graph's class). */
  extra?: Partial<EdgeAttributes>;
}

const RELATIONS: RelationSpec[] = [
  { s: "person:vladimir-putin", p: "meet", o: "person:xi-jinping", article: "fixture-a.txt", date: "2024-05-16", surface: "met",
    sentence: "In the fixture story, Vladimir Putin met Xi Jinping for a long afternoon of talks.", sMention: "Vladimir Putin", oMention: "Xi Jinping", confidence: 0.9 },
  { s: "person:vladimir-putin", p: "meet", o: "person:xi-jinping", article: "fixture-b.txt", date: "2024-10-22", surface: "met again",
    sentence: "Months later Putin met again with Xi at a second invented summit.", sMention: "Putin", oMention: "Xi", confidence: 0.8 },
  { s: "person:xi-jinping", p: "invite", o: "person:vladimir-putin", article: "fixture-a.txt", date: "2024-05-16", surface: "invited",
    sentence: "Xi Jinping invited Putin to an imaginary banquet.", sMention: "Xi Jinping", oMention: "Putin", confidence: 0.7 },
  { s: "person:vladimir-putin", p: "visit", o: "location:beijing", article: "fixture-a.txt", date: "2024-05-16", surface: "visited",
    sentence: "The made-up report says Putin visited Beijing by train.", sMention: "Putin", oMention: "Beijing", confidence: 0.85 },
  { s: "person:xi-jinping", p: "leader_of", o: "location:beijing", article: "fixture-b.txt", date: "2024-10-22", surface: "leads",
    sentence: "Xi leads the government seated in Beijing, the sample text claims.", sMention: "Xi", oMention: "Beijing", confidence: 0.6 },
  { s: "person:vladimir-putin", p: "leader_of", o: "location:moscow", article: "fixture-b.txt", date: "2024-10-22", surface: "leads",
    sentence: "Putin leads the government in Moscow, according to this test sentence.", sMention: "Putin", oMention: "Moscow", confidence: 0.6 },
  { s: "person:volodymyr-zelensky", p: "leader_of", o: "location:kyiv", article: "fixture-c.txt", date: "2024-06-01", surface: "governs from",
    sentence: "Zelensky governs from Kiev, as the older spelling in this fixture puts it.", sMention: "Zelensky", oMention: "Kiev", confidence: 0.75 },
  { s: "person:volodymyr-zelensky", p: "ask", o: "organization:nato", article: "fixture-c.txt", date: "2024-06-01", surface: "asked",
    sentence: "Volodymyr Zelensky asked NATO for more air defence in the invented interview.", sMention: "Volodymyr Zelensky", oMention: "NATO", confidence: 0.8 },
  { s: "organization:nato", p: "send", o: "equipment:patriot", article: "fixture-c.txt", date: "2024-06-02", surface: "sent",
    sentence: "NATO sent a Patriot battery, the fixture claims.", sMention: "NATO", oMention: "Patriot", confidence: 0.5 },
  { s: "equipment:patriot", p: "deploy_in", o: "location:kyiv", article: "fixture-c.txt", date: "2024-06-03", surface: "was deployed in",
    sentence: "The Patriot system was deployed in Kyiv within days.", sMention: "Patriot", oMention: "Kyiv", confidence: 0.45 },
  { s: "organization:united-nations", p: "host", o: "event:peace-talks", article: "fixture-d.txt", date: "2024-07-09", surface: "hosted",
    sentence: "The United Nations hosted the Geneva peace talks in this made-up account.", sMention: "United Nations", oMention: "Geneva peace talks", confidence: 0.8 },
  { s: "event:peace-talks", p: "take_place_in", o: "location:geneva", article: "fixture-d.txt", date: "2024-07-09", surface: "took place in",
    sentence: "The Geneva peace talks took place in Geneva over two days.", sMention: "Geneva peace talks", oMention: "Geneva", confidence: 0.9 },
  { s: "person:ana-lopez", p: "attend", o: "event:peace-talks", article: "fixture-d.txt", date: "2024-07-09", surface: "attended",
    sentence: "Ana López attended the Geneva peace talks as an observer.", sMention: "Ana López", oMention: "Geneva peace talks", confidence: 0.7 },
  { s: "person:ana-lopez", p: "work_for", o: "organization:red-cross", article: "fixture-d.txt", date: "2024-07-09", surface: "works for",
    sentence: "López works for the Red Cross, the fictional profile says.", sMention: "López", oMention: "Red Cross", confidence: 0.65 },
  { s: "organization:red-cross", p: "operate_in", o: "location:kyiv", article: "fixture-c.txt", date: "2024-06-05", surface: "operates in",
    sentence: "The Red Cross operates in Kyiv, the test article adds.", sMention: "Red Cross", oMention: "Kyiv", confidence: 0.55 },
  { s: "organization:united-nations", p: "criticise", o: "person:vladimir-putin", article: "fixture-b.txt", date: "2024-10-23", surface: "criticised",
    sentence: "The UN criticised Putin in a statement invented for this fixture.", sMention: "UN", oMention: "Putin", confidence: 0.35 },
  { s: "person:xss", p: "meet", o: "person:vladimir-putin", article: "fixture-x.txt", date: "2024-01-01", surface: "met",
    sentence: `${XSS_NAME} met Putin, which must show as text.`, sMention: XSS_NAME, oMention: "Putin", confidence: 0.5 },
  // A hand-made graph may carry anything: markup in the verb as written and in a class id the schema does not know.
  { s: "organization:xss-script", p: "mention", o: "person:xss", article: "fixture-x.txt", date: "2024-01-01", surface: "mentions <b>bold</b>",
    sentence: `${XSS_SENTENCE_NAME} mentions ${XSS_NAME} <b>bold</b>.`, sMention: XSS_SENTENCE_NAME, oMention: XSS_NAME, confidence: 0.5,
    extra: { relation: XSS_CLASS, relationGroup: "other" } },
];

/** Each article is its sentences joined by spaces, so evidence offsets are real article offsets. */
function articleTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const r of RELATIONS) {
    const prev = texts.get(r.article);
    if (prev === undefined) texts.set(r.article, r.sentence);
    else if (!prev.includes(r.sentence)) texts.set(r.article, `${prev} ${r.sentence}`);
  }
  return texts;
}

export function buildFixtureGraph(): ViewerGraph {
  const graph: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: true });
  const texts = articleTexts();
  const mentions = new Map<string, Record<string, number>>();

  ENTITIES.forEach((e, i) => {
    const angle = (2 * Math.PI * i) / ENTITIES.length;
    graph.addNode(e.id, {
      label: e.label,
      type: e.type as NodeAttributes["type"],
      aliases: [e.label, ...(e.aliases ?? [])],
      mentions: 0,
      articles: [],
      degree: 0,
      pagerank: 0,
      community: -1,
      x: 100 * Math.cos(angle),
      y: 100 * Math.sin(angle),
      size: 6,
      color: colorForType(e.type),
    });
  });

  for (const r of RELATIONS) {
    const text = texts.get(r.article)!;
    const start = text.indexOf(r.sentence);
    const mention = (m: string) => {
      const at = r.sentence.indexOf(m);
      if (at < 0) throw new Error(`fixture: "${m}" not in "${r.sentence}"`);
      return { text: m, start: start + at, end: start + at + m.length };
    };
    const evidence: EvidenceItem = {
      article: r.article,
      text: r.sentence,
      start,
      end: start + r.sentence.length,
      date: r.date,
      confidence: r.confidence,
      surface: r.surface,
      subject: mention(r.sMention),
      object: mention(r.oMention),
    };
    // One edge per (subject, predicate, object), evidence accumulated, as the graph package does.
    const existing = graph.edges(r.s, r.o).find((e) => graph.getEdgeAttribute(e, "predicate") === r.p);
    if (existing) {
      graph.updateEdgeAttributes(existing, (a) => ({
        ...a,
        surface: a.surface.includes(r.surface) ? a.surface : [...a.surface, r.surface],
        evidence: [...a.evidence, evidence],
        articles: a.articles.includes(r.article) ? a.articles : [...a.articles, r.article],
        dates: a.dates.includes(r.date) ? a.dates : [...a.dates, r.date],
        confidence: 1 - (1 - a.confidence) * (1 - r.confidence),
        count: a.count + 1,
      }));
    } else {
      const type = (id: string) => graph.getNodeAttribute(id, "type");
      graph.addEdgeWithKey(`${r.s}|${r.p}|${r.o}`, r.s, r.o, {
        predicate: r.p,
        ...classify({ predicate: r.p, subjectType: type(r.s), objectType: type(r.o) }),
        polarity: "positive",
        modality: "asserted",
        ...r.extra,
        surface: [r.surface],
        evidence: [evidence],
        articles: [r.article],
        dates: [r.date],
        confidence: r.confidence,
        count: 1,
        label: r.p.replace(/_/g, " "),
      });
    }
    for (const id of [r.s, r.o]) {
      const m = mentions.get(r.article) ?? {};
      m[id] = (m[id] ?? 0) + 1;
      mentions.set(r.article, m);
      graph.updateNodeAttributes(id, (a) => ({
        ...a,
        mentions: a.mentions + 1,
        articles: a.articles.includes(r.article) ? a.articles : [...a.articles, r.article],
      }));
    }
  }

  // Metrics and layout good enough for a picture: degree, a crude PageRank,
  // two communities (the Putin/Xi side and the rest), ForceAtlas2 positions.
  const total = graph.size * 2 || 1;
  const east = new Set(["person:vladimir-putin", "person:xi-jinping", "location:beijing", "location:moscow", "person:xss", "organization:xss-script"]);
  graph.updateEachNodeAttributes((key, a) => {
    const degree = graph.degree(key);
    return { ...a, degree, pagerank: degree / total, community: east.has(key) ? 0 : 1, size: 5 + 3 * Math.sqrt(degree) };
  });
  forceAtlas2.assign(graph, { iterations: 300, settings: { gravity: 1, scalingRatio: 10, strongGravityMode: true } });

  graph.replaceAttributes({
    name: "viewer fixture",
    generator: "packages/viewer/e2e/fixtures.ts",
    articles: [...texts.keys()].map((id) => ({
      id,
      title: `Fixture article ${id.replace(/^fixture-|\.txt$/g, "").toUpperCase()}`,
      date: RELATIONS.find((r) => r.article === id)!.date,
      mentions: mentions.get(id) ?? {},
    })),
  });
  return graph;
}

export function fixtureGraphJson(): SerializedGraph {
  return buildFixtureGraph().export() as unknown as SerializedGraph;
}

/**
 * The fixture graph plus five statements put otherwise than as plain facts,
 * each an edge of its own as `kg build` makes them: a denied attack, a
 * planned trip, a possible visit, a meeting that did not happen, and a
 * reported one (a fact). Keys: denied, planned, possible, negated, reported.
 */
export function withStatementModes(): ViewerGraph {
  const g = buildFixtureGraph();
  const base = g.getEdgeAttributes("person:vladimir-putin|meet|person:xi-jinping");
  const add = (key: string, s: string, t: string, a: Partial<EdgeAttributes>) => g.addEdgeWithKey(key, s, t, { ...base, ...a });
  add("denied", "location:moscow", "location:kyiv", { predicate: "attack", label: "attack", relation: "DENY", relationGroup: "other", cameo: "016", goldstein: -2, polarity: "negative", modality: "denied", surface: ["attack"] });
  add("planned", "person:volodymyr-zelensky", "location:geneva", { predicate: "travel_to", label: "travel to", relation: "EXPRESS_INTENT_TO_MEET", relationGroup: "cooperation", cameo: "036", goldstein: 4, polarity: "positive", modality: "intended", surface: ["will travel to"] });
  add("possible", "person:vladimir-putin", "location:geneva", { predicate: "visit", label: "visit", relation: "UNREALISED", relationGroup: "other", polarity: "positive", modality: "hypothetical", surface: ["may visit"] });
  add("negated", "person:xi-jinping", "person:volodymyr-zelensky", { predicate: "meet", label: "meet", relation: "UNREALISED", relationGroup: "other", polarity: "negative", modality: "asserted", surface: ["did not meet"] });
  add("reported", "organization:nato", "location:kyiv", { predicate: "send_troops_to", label: "send troops to", relation: "ACTS_TOWARDS", relationGroup: "other", polarity: "positive", modality: "reported", surface: ["sent troops to"] });
  return g;
}
