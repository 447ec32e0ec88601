/**
 * `kg build --site DIR`: the built viewer and the graph in one folder that any
 * static web server can serve (the viewer loads ./graph.json).
 */
import { access, cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_DIST_DIR, NOT_BUILT_MESSAGE } from "./index.ts";

export async function writeStaticSite(dir: string, graphJson: string, distDir = DEFAULT_DIST_DIR): Promise<void> {
  await access(join(distDir, "index.html")).catch(() => {
    throw new Error(NOT_BUILT_MESSAGE);
  });
  await mkdir(dir, { recursive: true });
  await cp(distDir, dir, { recursive: true });
  await writeFile(join(dir, "graph.json"), graphJson);
}
