/**
 * A graph big enough for the viewer's fast path (more than 20,000 edges:
 * thin edges, no edge picking, a focus faded by layer over an edge layer that
 * is not drawn again): hover, selection and edge clicks behave as on a small
 * graph, and the edges are still on screen afterwards.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THIN_EDGES_ABOVE } from "../src/core/appearance/index.ts";
import type { SerializedGraph } from "../src/core/types.ts";
import { startViewerServer, type ViewerServer } from "../server/index.ts";
import { artifactPath, chromiumAvailable, ensureViewerBuilt, inkedPixels, launchChromium } from "./browser.ts";
import { openViewer } from "./pages.ts";

const SIDE = 65;
const key = (x: number, y: number) => `n:${x}:${y}`;

/** A 65×65 lattice, each node linked to up to five near ones (about 20,700 edges). */
function lattice(): SerializedGraph {
  const nodes: SerializedGraph["nodes"] = [];
  const edges: SerializedGraph["edges"] = [];
  const types = ["Person", "Organization", "Location", "Event"] as const;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      nodes.push({ key: key(x, y), attributes: { label: `Node ${x},${y}`, type: types[(x + y) % 4]!, x: x * 10, y: y * 10, size: 3 } });
      for (const [dx, dy] of [[1, 0], [0, 1], [1, 1], [-1, 1], [2, 1]] as const) {
        if (x + dx < 0 || x + dx >= SIDE || y + dy >= SIDE) continue;
        edges.push({ key: `${key(x, y)}>${key(x + dx, y + dy)}`, source: key(x, y), target: key(x + dx, y + dy), attributes: { predicate: "meet", confidence: 0.9 } });
      }
    }
  }
  return { attributes: { generator: "e2e" }, nodes, edges };
}

const run = chromiumAvailable() ? describe : describe.skip;

run("a big graph in Chromium", () => {
  let browser: Browser;
  let server: ViewerServer;
  const graph = lattice();

  beforeAll(async () => {
    ensureViewerBuilt();
    expect(graph.edges.length).toBeGreaterThan(THIN_EDGES_ABOVE);
    server = await startViewerServer({ graph });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("hover fades the rest and lifts the neighbourhood; the edges are back afterwards; clicks select nodes and edges", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    const box = (await page.locator("#graph").boundingBox())!;
    const hub = key(32, 32);
    const neighbour = key(33, 32);
    // Zoomed in on the hub, so that nodes and edges are a few pixels apart.
    const zoomOnHub = async () => {
      await page.evaluate((k) => {
        const { renderer } = window.kgViewer!;
        const d = renderer.getNodeDisplayData(k)!;
        renderer.getCamera().setState({ x: d.x, y: d.y, ratio: 0.25 });
      }, hub);
      await page.waitForTimeout(600);
    };
    await zoomOnHub();
    const at = async (k: string) => {
      const p = (await page.evaluate((n) => window.kgViewer!.nodePosition(n), k))!;
      return { x: box.x + p.x, y: box.y + p.y };
    };
    const faded = () => page.locator("#graph").evaluate((el) => el.classList.contains("kg-faded"));
    const highlighted = (k: string) => page.evaluate((n) => window.kgViewer!.renderer.getNodeDisplayData(n)?.highlighted ?? null, k);
    expect(await page.evaluate((e) => window.kgViewer!.renderer.getEdgeDisplayData(e)?.type, graph.edges[0]!.key)).toBe("line");

    const before = await inkedPixels(page, await page.locator("#graph").screenshot());
    const h = await at(hub);
    await page.mouse.move(h.x, h.y);
    await expect.poll(faded).toBe(true);
    expect(await highlighted(neighbour)).toBe(true);
    expect(await highlighted(key(40, 40))).toBe(false);
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath("viewer-big-graph-hover.png") });

    await page.mouse.move(box.x + 5, box.y + 5);
    await expect.poll(faded).toBe(false);
    expect(await highlighted(neighbour)).toBe(false);
    await page.waitForTimeout(300);
    const after = await inkedPixels(page, await page.locator("#graph").screenshot());
    // The edge layer was kept, not lost: the picture is the one before the hover.
    expect(after).toBeGreaterThan(before * 0.97);
    expect(after).toBeLessThan(before * 1.03);

    // A drag leaves the edges out while it moves and draws them again when it ends.
    await page.mouse.move(box.x + 700, box.y + 300);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 700 - i * 10, box.y + 300 - i * 5);
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.waitForTimeout(800);
    const dragged = await inkedPixels(page, await page.locator("#graph").screenshot());
    expect(dragged).toBeGreaterThan(before * 0.9);
    await zoomOnHub();

    // Labels are left out while the camera moves, like the edges, and are back when it stops.
    const labelCount = () => page.evaluate(() => window.kgViewer!.labels().nodes.length);
    expect(await labelCount()).toBeGreaterThan(5);
    await page.evaluate(() => window.kgViewer!.renderer.getCamera().animate({ ratio: 0.3 }, { duration: 400 }));
    await page.waitForTimeout(300);
    expect(await labelCount()).toBeGreaterThan(5);
    await zoomOnHub();

    // A click on a node selects it and keeps the rest faded while selected.
    await page.mouse.click(h.x, h.y);
    await expect.poll(() => page.locator("#panel [data-testid=panel-title]").textContent()).toBe("Node 32,32");
    await page.mouse.move(box.x + 5, box.y + 5);
    expect(await faded()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(faded).toBe(false);

    // Sigma does not pick edges here; a click on one still selects it.
    const n = await at(neighbour);
    const h2 = await at(hub);
    await page.waitForTimeout(500); // two quick clicks would be a double click, which zooms
    await page.mouse.click((h2.x + n.x) / 2, (h2.y + n.y) / 2);
    await expect.poll(() => page.locator("#panel").getAttribute("data-edge")).toBe(`${hub}>${neighbour}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
