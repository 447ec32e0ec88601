/**
 * `pnpm bench:viewer`: the viewer in headless Chromium (Debian's, software
 * WebGL) on generated graphs of 1k, 10k and 50k nodes (5 edges a node) and on
 * the BBC-corpus graph, as `kg build` writes it. Measured in the page:
 * - first render: from navigation until the first frame with the graph on
 *   screen has been presented (two animation frames after the viewer has
 *   drawn; the second waits for the first to be composited);
 * - camera move: the time between frames while the camera pans and zooms
 *   (sigma's camera animation, as a wheel zoom or a click on a search result
 *   moves it; dragging is handled the same way);
 * - still frame: a frame that redraws everything after the camera stopped;
 * - hover: from the pointer entering a node (the best-connected one) until the
 *   frame with its neighbourhood highlighted is presented, and from leaving it
 *   until the whole graph is back.
 *
 * `pnpm bench:viewer bbc 1k` runs only those cases. KG_VIEWER_DIST=dir
 * serves another build of the viewer (to compare two builds).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { startViewerServer } from "newskg-viewer/server";
import { colorForType, type SerializedKnowledgeGraph } from "newskg-graph";
import { ensureViewerBuilt, launchChromium } from "../../packages/viewer/e2e/browser.ts";
import { seededRandom } from "../../packages/graph/src/metrics/index.ts";
import { bbcDir, machine, repoRoot, tmpPath } from "./corpus.ts";

const TYPES = ["Person", "Organization", "Location", "Equipment", "Event"] as const;

function generated(nodes: number, edgesPerNode = 5): SerializedKnowledgeGraph {
  const random = seededRandom(nodes);
  const g = new MultiDirectedGraph();
  for (let i = 0; i < nodes; i++) {
    const type = TYPES[i % TYPES.length]!;
    g.addNode(`n${i}`, { label: `Entity ${i}`, type, aliases: [], mentions: 1, articles: ["a.txt"], degree: 0, pagerank: random() / nodes, community: i % 12, x: random() * 1000, y: random() * 1000, size: 2 + random() * 6, color: colorForType(type) });
  }
  for (let i = 0; i < nodes; i++) {
    for (let k = 0; k < edgesPerNode; k++) {
      const j = Math.floor(random() * nodes);
      if (j === i) continue;
      g.addEdge(`n${i}`, `n${j}`, { predicate: "meet", surface: ["met"], evidence: [], articles: ["a.txt"], dates: [], confidence: 0.5, count: 1, label: "meet" });
    }
  }
  g.forEachNode((n, a) => (a.degree = g.degree(n)));
  g.replaceAttributes({ generator: "bench", articles: [{ id: "a.txt", mentions: {} }] });
  return g.export() as SerializedKnowledgeGraph;
}

/**
 * The BBC graph as `kg build` writes it. The build cache (out/bench/viewer-cache)
 * makes every run after the first reuse the graph unless articles or code changed.
 */
function bbcGraph(): SerializedKnowledgeGraph {
  const out = tmpPath("viewer-bbc.json");
  mkdirSync(tmpPath(""), { recursive: true });
  const started = performance.now();
  const cli = join(repoRoot(), "packages/cli/src/main.ts");
  const r = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), cli, "build", bbcDir(), "-q", "--cache", tmpPath("viewer-cache"), "-o", out], { encoding: "utf8", cwd: repoRoot() });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`kg build failed:\n${r.stderr}`);
  console.error(`BBC graph: kg build ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(out, "utf8")) as SerializedKnowledgeGraph;
}

interface Measure {
  firstRenderMs: number;
  moveFrames: number[];
  stillFrames: number[];
  /** On, off, on, off... */
  hoverMs: number[];
}

// Page code is passed as strings: tsx would otherwise inject helpers the page does not have.

/** Notes when the first frame after the viewer reports "ready" has been presented. */
const FIRST_FRAME_PROBE = `
  new MutationObserver((_, observer) => {
    const state = document.body && document.body.dataset.state;
    if (state !== "ready" && state !== "error") return;
    observer.disconnect();
    if (state === "error") return void (window.__kgFirstFrame = -1);
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__kgFirstFrame = performance.now())));
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
`;

/** Frame intervals while the camera animates through three legs (pan and zoom). */
const CAMERA_MOVE = `(async () => {
  const camera = window.kgViewer.renderer.getCamera();
  const times = [];
  let last = null;
  let done = false;
  const tick = (now) => {
    if (last !== null) times.push(now - last);
    last = now;
    if (!done) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  for (const leg of [{ x: 0.62, y: 0.42, ratio: 0.7 }, { x: 0.4, y: 0.58, ratio: 0.9 }, { x: 0.5, y: 0.5, ratio: 1 }]) {
    await camera.animate(leg, { duration: 1000, easing: "linear" });
  }
  done = true;
  return times;
})()`;

/** Frames that redraw everything: the camera set to a new place, with nothing moving. */
const STILL_FRAMES = `(async () => {
  const camera = window.kgViewer.renderer.getCamera();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const times = [];
  await frame();
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    camera.setState({ x: 0.5 + 0.02 * (i + 1), y: 0.5 });
    await frame();
    await frame();
    times.push(performance.now() - start);
  }
  camera.setState({ x: 0.5, y: 0.5 });
  await frame();
  return times;
})()`;

/** Pointer onto the best-connected node and off it again, three times: time until each frame is presented (on, off, on, off...). */
const HOVER = `(async () => {
  const { renderer, graph } = window.kgViewer;
  let hub = null;
  let best = -1;
  graph.forEachNode((key) => {
    const d = graph.degree(key);
    if (d > best) (best = d), (hub = key);
  });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const times = [];
  for (let i = 0; i < 3; i++) {
    for (const event of ["enterNode", "leaveNode"]) {
      await frame();
      const start = performance.now();
      renderer.emit(event, { node: hub });
      await frame();
      await frame();
      times.push(performance.now() - start);
    }
  }
  return times;
})()`;

async function measure(graph: SerializedKnowledgeGraph): Promise<Measure> {
  const distDir = process.env.KG_VIEWER_DIST || undefined;
  const server = await startViewerServer({ graph, port: 0, ...(distDir ? { distDir } : {}) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    let crashed = false;
    page.on("crash", () => (crashed = true));
    await page.addInitScript(FIRST_FRAME_PROBE);
    await page.goto(server.url);
    await page.waitForFunction("window.__kgFirstFrame !== undefined", null, { timeout: 600_000, polling: 100 }).catch((err: Error) => {
      throw new Error(crashed ? "the page crashed" : err.message);
    });
    const firstRenderMs = (await page.evaluate("window.__kgFirstFrame")) as number;
    if (firstRenderMs < 0) throw new Error(`the viewer reported an error: ${await page.locator("#status").textContent()}`);
    const moveFrames = (await page.evaluate(CAMERA_MOVE)) as number[];
    const stillFrames = (await page.evaluate(STILL_FRAMES)) as number[];
    const hoverMs = (await page.evaluate(HOVER)) as number[];
    return { firstRenderMs, moveFrames, stillFrames, hoverMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

ensureViewerBuilt();
const cases: [string, () => SerializedKnowledgeGraph][] = [
  ["1k nodes, 5k edges", () => generated(1_000)],
  ["10k nodes, 50k edges", () => generated(10_000)],
  ["BBC corpus graph", bbcGraph],
  ["50k nodes, 250k edges", () => generated(50_000)],
];
// `pnpm bench:viewer bbc 1k` runs only the cases whose name starts with one of the words.
const only = process.argv.slice(2).map((w) => w.toLowerCase());
console.log(`Machine: ${await machine()}; Debian Chromium, headless, software WebGL (SwiftShader), 1366x768.\n`);
console.log("| graph | first render | camera move: mean frame (p95, frames) | still frame | hover on / off |\n|---|---|---|---|---|");
for (const [name, make] of cases) {
  if (only.length && !only.some((w) => name.toLowerCase().startsWith(w))) continue;
  const graph = make();
  const size = `${graph.nodes.length.toLocaleString("en")} nodes, ${graph.edges.length.toLocaleString("en")} edges`;
  let m: Measure;
  try {
    m = await measure(graph);
  } catch (err) {
    console.log(`| ${name} (${size}) | failed: ${(err as Error).message.split("\n")[0]} | | | |`);
    continue;
  }
  const move = m.moveFrames;
  console.log(
    `| ${name} (${size}) | ${ms(m.firstRenderMs)} | ${ms(mean(move))} (${(1000 / mean(move)).toFixed(0)} fps; p95 ${ms(p95(move))}, ${move.length} frames) | ${ms(mean(m.stillFrames))} | ${ms(mean(m.hoverMs.filter((_, i) => i % 2 === 0)))} / ${ms(mean(m.hoverMs.filter((_, i) => i % 2 === 1)))} |`,
  );
}
