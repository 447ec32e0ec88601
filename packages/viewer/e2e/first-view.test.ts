/**
 * The first look at real graphs, as `kg build` writes them: the BBC corpus
 * (2,225 articles, most of its entities without any relation), the seed
 * articles and the demo story in examples/. The first view shows the
 * relation network, framed; labels name the most important entities
 * without covering each other; a selection labels its neighbours. Each
 * graph's views are saved as screenshots in test-artifacts/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchPath, sharedDir } from "../../extract/src/bench/paths.ts";
import { isFact } from "../src/core/relations/index.ts";
import type { SerializedGraph } from "../src/core/types.ts";
import { startViewerServer, type ViewerServer } from "../server/index.ts";
import { REPO_ROOT, artifactPath, chromiumAvailable, ensureViewerBuilt, launchChromium } from "./browser.ts";
import { openViewer } from "./pages.ts";

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
const intersect = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * `kg build` of a folder into out/e2e (git ignores out/), with a cache there
 * too: a later run reuses the BBC extraction unless articles or code changed.
 */
function build(name: string, input: string): { path: string; graph: SerializedGraph } {
  const dir = join(REPO_ROOT, "out", "e2e");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  execFileSync("pnpm", ["kg", "build", input, "-q", "--cache", join(dir, "cache"), "-o", path], { cwd: REPO_ROOT, stdio: "pipe", timeout: 170_000 });
  return { path, graph: JSON.parse(readFileSync(path, "utf8")) as SerializedGraph };
}

/**
 * Per node: degree in the graph, relations stated as facts (what the first
 * view shows: positive, asserted or reported), label, whether sigma hides it,
 * its viewport position.
 */
async function nodesOnScreen(page: Page) {
  return page.evaluate(() => {
    const { graph, renderer } = window.kgViewer!;
    return graph.mapNodes((key, a) => {
      const d = renderer.getNodeDisplayData(key)!;
      const p = renderer.framedGraphToViewport(d);
      let facts = 0;
      graph.forEachEdge(key, (_e, e) => void (e.polarity !== "negative" && (e.modality === "asserted" || e.modality === "reported") && facts++));
      return { key, label: a.label, degree: graph.degree(key), facts, hidden: d.hidden, x: p.x, y: p.y, radius: renderer.scaleSize(d.size) };
    });
  });
}

const labels = (page: Page) => page.evaluate(() => window.kgViewer!.labels());
const canvasSize = (page: Page) => page.evaluate(() => window.kgViewer!.renderer.getDimensions());

/** Waits until the camera has stopped and a frame has been drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.kgViewer!.renderer.getCamera().isAnimated());
  await page.waitForTimeout(300);
}

const run = chromiumAvailable() ? describe : describe.skip;

run("the first view of real graphs, in Chromium", () => {
  let browser: Browser;
  const servers: ViewerServer[] = [];
  let bbc: { url: string; graph: SerializedGraph };
  let demo: { url: string; graph: SerializedGraph };
  let seed: { url: string; graph: SerializedGraph };

  beforeAll(async () => {
    ensureViewerBuilt();
    const serve = async (name: string, input: string) => {
      const built = build(name, input);
      const server = await startViewerServer({ graphPath: built.path });
      servers.push(server);
      return { url: server.url, graph: built.graph };
    };
    bbc = await serve("bbc", benchPath("news", "bbc"));
    seed = await serve("seed", join(sharedDir(), "articles"));
    demo = await serve("demo", join(REPO_ROOT, "examples"));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
  });

  it("BBC: opens on the entities that have a relation, framed, with a control for the others", async () => {
    const { page, errors } = await openViewer(browser, bbc.url);
    await settle(page);
    await page.screenshot({ path: artifactPath("first-view-bbc.png") });
    const nodes = await nodesOnScreen(page);
    // Entities whose only relations are not stated as facts wait with those without any.
    const related = nodes.filter((n) => n.facts > 0);
    const unrelated = nodes.filter((n) => n.facts === 0);
    expect(unrelated.length).toBeGreaterThan(5_000);
    expect(unrelated.every((n) => n.hidden)).toBe(true);
    expect(related.every((n) => !n.hidden)).toBe(true);
    await expect.poll(() => page.getByTestId("toggle-unrelated").textContent()).toBe("Show them");
    expect(await page.locator("#unrelated").textContent()).toContain(`${unrelated.length.toLocaleString("en")} entities with no relation hidden`);

    // Framed: every shown entity is on the canvas, and together they fill most of its height.
    const { width, height } = await canvasSize(page);
    for (const n of related) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(height);
    }
    const ys = related.map((n) => n.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.7 * height);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("BBC: at the fitted view at least 20 labels, none over another, the best-connected entity among them", async () => {
    const { page } = await openViewer(browser, bbc.url);
    await settle(page);
    const { nodes: drawn } = await labels(page);
    expect(drawn.length).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) expect(intersect(drawn[i]!.box, drawn[j]!.box), `${drawn[i]!.key} / ${drawn[j]!.key}`).toBe(false);
    // Sigma reports the same labels as displayed.
    expect((await page.evaluate(() => window.kgViewer!.renderer.getNodeDisplayedLabels().size))).toBe(drawn.length);
    // No label covers the disc of a labelled entity.
    const byKey = new Map((await nodesOnScreen(page)).map((n) => [n.key, n]));
    for (const l of drawn) {
      for (const other of drawn) {
        if (other.key === l.key) continue;
        const n = byKey.get(other.key)!;
        const cx = Math.min(Math.max(n.x, l.box.x1), l.box.x2);
        const cy = Math.min(Math.max(n.y, l.box.y1), l.box.y2);
        expect(Math.hypot(n.x - cx, n.y - cy), `${l.key} over ${other.key}`).toBeGreaterThanOrEqual(n.radius);
      }
    }
    const hub = bbc.graph.nodes.reduce((a, b) => ((b.attributes?.degree ?? 0) > (a.attributes?.degree ?? 0) ? b : a));
    expect(drawn.map((l) => l.key)).toContain(hub.key);
    await page.close();
  });

  it("BBC: the selected entity's neighbours are all labelled", async () => {
    const { page, errors } = await openViewer(browser, bbc.url);
    await settle(page);
    // The best-connected person: a selection users make, with many neighbours to label.
    const person = bbc.graph.nodes
      .filter((n) => n.attributes?.type === "Person")
      .reduce((a, b) => ((b.attributes?.degree ?? 0) > (a.attributes?.degree ?? 0) ? b : a));
    const input = page.getByRole("combobox", { name: "Search entities" });
    await input.fill(person.attributes!.label!);
    await page.waitForSelector("#search-results li[role=option][aria-selected=true]");
    await input.press("Enter");
    await expect.poll(() => page.locator("#panel [data-testid=panel-title]").textContent()).toBe(person.attributes!.label);
    await settle(page);
    await page.screenshot({ path: artifactPath("first-view-bbc-selected.png") });
    // Neighbours through relations stated as facts: the others are hidden by default.
    const facts = bbc.graph.edges.filter((e) => isFact(e.attributes ?? {}));
    const neighbours = new Set(facts.flatMap((e) => (e.source === person.key ? [e.target] : e.target === person.key ? [e.source] : [])));
    neighbours.add(person.key);
    const labelled = new Set((await labels(page)).nodes.map((l) => l.key));
    expect(neighbours.size).toBeGreaterThan(3);
    for (const n of neighbours) expect(labelled.has(n), n).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("BBC: 'Show them' brings back the entities with no relation; search finds one while they are hidden, and shows it", async () => {
    const { page } = await openViewer(browser, bbc.url);
    await settle(page);
    const loner = bbc.graph.nodes.find(
      (n) => !bbc.graph.edges.some((e) => e.source === n.key || e.target === n.key) && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n.attributes?.label ?? "") && bbc.graph.nodes.filter((m) => m.attributes?.label === n.attributes?.label).length === 1,
    )!;
    const hidden = (k: string) => page.evaluate((key) => window.kgViewer!.renderer.getNodeDisplayData(key)!.hidden, k);
    expect(await hidden(loner.key)).toBe(true);
    const input = page.getByRole("combobox", { name: "Search entities" });
    await input.fill(loner.attributes!.label!);
    await expect.poll(() => page.locator("#search-results li[aria-selected=true] .result-label").textContent()).toBe(loner.attributes!.label);
    await input.press("Enter");
    await expect.poll(() => page.locator("#panel [data-testid=panel-title]").textContent()).toBe(loner.attributes!.label);
    expect(await hidden(loner.key)).toBe(false);
    await settle(page);
    expect((await labels(page)).nodes.map((l) => l.key)).toContain(loner.key);
    // Only the one found: the other entities with no relation stay hidden.
    const shown = (await nodesOnScreen(page)).filter((n) => n.degree === 0 && !n.hidden).map((n) => n.key);
    expect(shown).toEqual([loner.key]);
    await page.getByRole("button", { name: "Close details" }).click();
    await expect.poll(() => hidden(loner.key)).toBe(true);

    await page.getByTestId("toggle-unrelated").click();
    await expect.poll(() => hidden(loner.key)).toBe(false);
    expect(await page.getByTestId("toggle-unrelated").textContent()).toBe("Hide them");
    expect(new URL(page.url()).searchParams.get("unrelated")).toBe("1");
    await settle(page);
    // The camera frames everything now shown, the band of unrelated entities included.
    const { width, height } = await canvasSize(page);
    for (const n of await nodesOnScreen(page)) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(height);
    }
    await page.screenshot({ path: artifactPath("first-view-bbc-all.png") });
    await page.close();
  });

  it("seed articles and the demo: the network, with their main actors labelled", async () => {
    for (const [name, built, named] of [
      ["seed", seed, ["Vladimir Putin", "Alexander Lukashenko"]],
      // The entities the README's viewer section names.
      ["demo", demo, ["Henrik Dahl", "Ingrid Solberg", "Nordhavn Shipping", "Esbjerg"]],
    ] as const) {
      const { page, errors } = await openViewer(browser, built.url);
      await settle(page);
      await page.screenshot({ path: artifactPath(`first-view-${name}.png`) });
      const nodes = await nodesOnScreen(page);
      expect(nodes.filter((n) => !n.hidden).every((n) => n.facts > 0)).toBe(true);
      const drawn = (await labels(page)).nodes;
      const text = new Set(drawn.map((l) => nodes.find((n) => n.key === l.key)!.label));
      for (const label of named) expect(text.has(label), `${name}: ${label} labelled`).toBe(true);
      for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) expect(intersect(drawn[i]!.box, drawn[j]!.box)).toBe(false);
      // These graphs have room: no label covers any node shown (the BBC core's exception never applies).
      for (const l of drawn) {
        for (const n of nodes) {
          if (n.hidden || n.key === l.key) continue;
          const cx = Math.min(Math.max(n.x, l.box.x1), l.box.x2);
          const cy = Math.min(Math.max(n.y, l.box.y1), l.box.y2);
          expect(Math.hypot(n.x - cx, n.y - cy), `${name}: ${l.key} over ${n.key}`).toBeGreaterThanOrEqual(n.radius);
        }
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("seed: a selection's relation labels are drawn whole, clear of the node labels", async () => {
    const { page, errors } = await openViewer(browser, seed.url);
    await settle(page);
    const input = page.getByRole("combobox", { name: "Search entities" });
    await input.fill("Vladimir Putin");
    await page.waitForSelector("#search-results li[role=option][aria-selected=true]");
    await input.press("Enter");
    await expect.poll(() => page.locator("#panel [data-testid=panel-title]").textContent()).toBe("Vladimir Putin");
    await settle(page);
    await page.screenshot({ path: artifactPath("first-view-seed-selected.png") });
    const { nodes: nodeLabels, edges: edgeLabels } = await labels(page);
    expect(edgeLabels.length).toBeGreaterThanOrEqual(3);
    // Each box holds the whole text ("president of", not "ime minister of"), and covers no node label.
    const widths = await page.evaluate(
      (keys) => {
        const { renderer } = window.kgViewer!;
        const s = renderer.getSettings();
        const ctx = document.createElement("canvas").getContext("2d")!;
        ctx.font = `${s.edgeLabelWeight} ${s.edgeLabelSize}px ${s.edgeLabelFont}`;
        return keys.map((k) => ctx.measureText(renderer.getEdgeDisplayData(k)!.label!).width);
      },
      edgeLabels.map((l) => l.key),
    );
    edgeLabels.forEach((l, i) => expect(l.box.x2 - l.box.x1).toBeGreaterThanOrEqual(widths[i]!));
    for (const e of edgeLabels) for (const n of nodeLabels) expect(intersect(e.box, n.box), `${e.key} / ${n.key}`).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("demo: the story is one connected network", () => {
    const adjacent = new Map<string, string[]>();
    for (const e of demo.graph.edges) {
      adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
      adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
    }
    const start = demo.graph.nodes.find((n) => n.attributes?.label === "Henrik Dahl")!.key;
    const seen = new Set([start]);
    for (const queue = [start]; queue.length; ) for (const m of adjacent.get(queue.pop()!) ?? []) if (!seen.has(m)) seen.add(m) && queue.push(m);
    expect(seen.size).toBe(adjacent.size);
    expect(demo.graph.edges.length).toBeGreaterThanOrEqual(20);
  });
});
