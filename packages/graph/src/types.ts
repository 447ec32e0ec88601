/**
 * The one place that defines the graph's node and edge attributes.
 * The viewer imports these types; the Neo4j exporter reads them.
 */
import type { EntityType, Modality, Polarity, Triple } from "newskg-extract";

export interface EvidenceItem {
  article: string;
  text: string;
  start: number;
  end: number;
  date?: string;
  confidence: number;
  surface?: string;
  subject?: { text: string; start: number; end: number };
  object?: { text: string; start: number; end: number };
}

export interface NodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[];
  /** Number of times the entity is mentioned across articles. */
  mentions: number;
  articles: string[];
  firstSeen?: string;
  lastSeen?: string;
  degree: number;
  pagerank: number;
  community: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttributes {
  predicate: string;
  /** The relation class (CONSULT, LEADER_OF, ...; RELATED for the rest), its group, CAMEO code and Goldstein score. */
  relation?: string;
  relationGroup?: Triple["relationGroup"];
  cameo?: string;
  goldstein?: number;
  /** How the sentences put it: a negated, denied, reported, intended or hypothetical statement is an edge of its own. */
  polarity: Polarity;
  modality: Modality;
  /** Distinct surface forms, most frequent first. */
  surface: string[];
  evidence: EvidenceItem[];
  articles: string[];
  dates: string[];
  /** Noisy-or of the evidence confidences. */
  confidence: number;
  count: number;
  label: string;
}

export interface ArticleAttributes {
  id: string;
  title?: string;
  date?: string;
  source?: string;
  sha256?: string;
  /** Entity id -> mention count. */
  mentions: Record<string, number>;
}

export interface GraphAttributes {
  name?: string;
  articles: ArticleAttributes[];
  generator: string;
}
