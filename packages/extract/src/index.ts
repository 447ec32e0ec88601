export type * from "./types.ts";
export { extractArticle, EXTRACTOR_VERSION } from "./extract.ts";
export { prepareArticle, looksLikeHtml } from "./article/index.ts";
export { entityId, slug } from "./aliases/ids.ts";
export { openie, toCarbLines } from "./openie/index.ts";
export { resolveAcrossArticles } from "./aliases/acrossArticles.ts";
export { tagConll, tagTokens } from "./ner/conll.ts";
export { articleMentions, type EntityMention } from "./ner/mentions.ts";
