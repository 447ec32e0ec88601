/**
 * A graph built by the real `kg build` from articles written into a temporary folder, served by the
 * viewer's server, with Chromium launched: what the pipeline tests open.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { kg } from "../../../test/helpers/kg.ts";
import type { SerializedGraph } from "../src/core/types.ts";
import { startViewerServer, type ViewerServer } from "../server/index.ts";
import { ensureViewerBuilt, launchChromium } from "./browser.ts";

export interface BuiltSite {
  graph: SerializedGraph;
  server: ViewerServer;
  browser: Browser;
  /** Closes the browser and the server and removes the temporary folder. */
  close(): Promise<void>;
}

/** `writeInput` writes the articles into the folder it is given and returns the path kg build reads. */
export async function buildAndServe(prefix: string, writeInput: (dir: string) => string, buildArgs: string[] = []): Promise<BuiltSite> {
  ensureViewerBuilt();
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const out = join(tmp, "graph.json");
  const r = kg(["build", writeInput(tmp), ...buildArgs, "-o", out]);
  if (r.status !== 0) throw new Error(`kg build failed (${r.status}): ${r.stderr}`);
  const graph = JSON.parse(readFileSync(out, "utf8")) as SerializedGraph;
  const server = await startViewerServer({ graphPath: out });
  const browser = await launchChromium();
  return {
    graph,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
