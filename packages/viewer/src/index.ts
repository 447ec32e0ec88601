/** The viewer's pure core, for use outside the browser app (tests, other tools). */
export * from "./core/appearance/index.ts";
export * from "./core/data/index.ts";
export * from "./core/data/gexf.ts";
export * from "./core/export/index.ts";
export * from "./core/filters/index.ts";
export * from "./core/search/index.ts";
export * from "./core/selection/index.ts";
export * from "./core/url-state/index.ts";
export * from "./core/layout/index.ts";
export type * from "./core/types.ts";
