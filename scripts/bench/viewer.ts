/**
 * `pnpm bench:viewer`: the viewer in headless Chromium (Debian's, software
 * WebGL) on generated graphs of 1k, 10k and 50k nodes (5 edges a node) and on
 * the BBC-corpus graph: time from navigation to the first drawn frame, and the
 * frame time while the camera moves.
 */
import { MultiDirectedGraph } from "graphology";
import { startViewerServer } from "@kg/viewer/server";
import { colorForType, type SerializedKnowledgeGraph } from "@kg/graph";
import { ensureViewerBuilt, launchChromium } from "../../packages/viewer/e2e/browser.ts";
import { seededRandom } from "../../packages/graph/src/metrics/index.ts";
import { corpusGraph, machine, readCorpus } from "./corpus.ts";

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

interface Measure {
  firstRenderMs: number;
  frameMeanMs: number;
  frameP95Ms: number;
}

async function measure(graph: SerializedKnowledgeGraph): Promise<Measure> {
  const server = await startViewerServer({ graph, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
    // First render: navigation start until the frame after the renderer exists.
    // Page code as strings: tsx would otherwise inject helpers the page does not have.
    const firstRenderMs = (await page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))")) as number;
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const camera = window.kgViewer.renderer.getCamera();
      const times = [];
      let last = performance.now();
      let n = 0;
      const step = () => {
        const now = performance.now();
        if (n > 0) times.push(now - last);
        last = now;
        camera.setState({ x: 0.5 + 0.2 * Math.sin(n / 10), y: 0.5 + 0.2 * Math.cos(n / 10), ratio: camera.getState().ratio });
        if (++n <= 90) requestAnimationFrame(step);
        else resolve(times);
      };
      requestAnimationFrame(step);
    })`)) as number[];
    frames.sort((a, b) => a - b);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    return { firstRenderMs, frameMeanMs: mean, frameP95Ms: frames[Math.floor(frames.length * 0.95)]! };
  } finally {
    await browser.close();
    await server.close();
  }
}

ensureViewerBuilt();
const cases: [string, () => Promise<SerializedKnowledgeGraph>][] = [
  ["1k nodes, 5k edges", async () => generated(1_000)],
  ["10k nodes, 50k edges", async () => generated(10_000)],
  ["BBC corpus graph", async () => (await corpusGraph(await readCorpus())).graph.export() as SerializedKnowledgeGraph],
  ["50k nodes, 250k edges", async () => generated(50_000)],
];
// `pnpm bench:viewer bbc 1k` runs only the cases whose name contains one of the words.
const only = process.argv.slice(2).map((w) => w.toLowerCase());
console.log(`Machine: ${await machine()}; Debian Chromium, headless, software WebGL (SwiftShader), 1366x768.\n`);
console.log("| graph | first render | camera move: mean frame | p95 frame |\n|---|---|---|---|");
for (const [name, make] of cases) {
  if (only.length && !only.some((w) => name.toLowerCase().includes(w))) continue;
  const graph = await make();
  let m: Measure;
  try {
    m = await measure(graph);
  } catch (err) {
    console.log(`| ${name} | failed: ${(err as Error).message.split("\n")[0]} | | |`);
    continue;
  }
  const size = `${graph.nodes.length.toLocaleString("en")} nodes, ${graph.edges.length.toLocaleString("en")} edges`;
  console.log(`| ${name} (${size}) | ${(m.firstRenderMs / 1000).toFixed(2)} s | ${m.frameMeanMs.toFixed(1)} ms (${(1000 / m.frameMeanMs).toFixed(0)} fps) | ${m.frameP95Ms.toFixed(1)} ms |`);
}
