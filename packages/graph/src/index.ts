export type * from "./types.ts";
export { addEvidence, buildGraph, edgeKey, noisyOr, type KnowledgeGraph } from "./build/index.ts";
export { colorForType, TYPE_COLORS } from "./build/colors.ts";
export { computeMetrics } from "./metrics/index.ts";
export { applyLayout, type LayoutCache } from "./layout/index.ts";
export { toJSON, fromJSON, toGEXF, toGraphML, toNeo4jCSV, FORMATS, type Format, type SerializedKnowledgeGraph } from "./formats/index.ts";
