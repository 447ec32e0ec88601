/** The relation schema and the classifier, on their own: no tagger or model is loaded with them. */
export { classify, withRelation, type ClassifyInput, type RelationOf } from "./classify.ts";
export { defaultSchema, effectiveSchema, readSchema, SchemaError, type ModeRule, type RelationClass, type RelationGroup, type RelationPattern, type RelationSchema } from "./schema.ts";
