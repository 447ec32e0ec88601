/** The file formats `kg build --format` writes; a module of its own so the CLI can check them without loading the graph code. */
export const FORMATS = ["json", "gexf", "graphml", "csv"] as const;
export type Format = (typeof FORMATS)[number];
