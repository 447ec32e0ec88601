/**
 * The viewer in a real headless Chromium (Debian's, via playwright-core),
 * served by startViewerServer. Most tests use the fixture graph; the
 * "kg build" variants use the real `pnpm kg build ../shared/articles` output
 * and are skipped (with the reason logged) while the CLI cannot build it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FADED_NODE_COLOR } from "../src/core/appearance/index.ts";
import { controlPoint } from "../src/core/picking/index.ts";
import type { SerializedGraph } from "../src/core/types.ts";
import { startViewerServer, type ViewerServer } from "../server/index.ts";
import {
  REPO_ROOT,
  artifactPath,
  chromiumAvailable,
  colouredPixels,
  ensureViewerBuilt,
  launchChromium,
  waitForState,
} from "./browser.ts";
import { XSS_CLASS, XSS_NAME, XSS_SENTENCE_NAME, fixtureGraphJson } from "./fixtures.ts";
import { DESKTOP, openViewer } from "./pages.ts";

const PHONE = { width: 390, height: 844 };

type Source = "fixture" | "kg build";

/** Builds the real graph with the CLI, or says why it could not. */
function buildRealGraph(dir: string): { path: string } | { skipped: string } {
  if (!existsSync(join(REPO_ROOT, "packages/cli/src/main.ts"))) return { skipped: "packages/cli/src/main.ts does not exist yet" };
  const articles = process.env.KG_E2E_ARTICLES ?? "../shared/articles";
  if (!existsSync(join(REPO_ROOT, articles))) return { skipped: `${articles} does not exist` };
  const out = join(dir, "graph.json");
  try {
    execFileSync("pnpm", ["kg", "build", articles, "-o", out], { cwd: REPO_ROOT, stdio: "pipe", timeout: 170_000 });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return { skipped: `pnpm kg build failed: ${(e.stderr?.toString() || e.message).trim().slice(-600)}` };
  }
  if (!existsSync(out)) return { skipped: "pnpm kg build wrote no graph.json" };
  return { path: out };
}

const run = chromiumAvailable() ? describe : describe.skip;

run("viewer in Chromium", () => {
  let browser: Browser;
  let tmp: string;
  const servers: Partial<Record<Source, ViewerServer>> = {};
  const graphs: Partial<Record<Source, SerializedGraph>> = {};
  const extra: ViewerServer[] = [];
  let realSkipReason = "";

  beforeAll(async () => {
    ensureViewerBuilt();
    tmp = mkdtempSync(join(tmpdir(), "kg-viewer-e2e-"));
    graphs.fixture = fixtureGraphJson();
    servers.fixture = await startViewerServer({ graph: graphs.fixture });
    const real = buildRealGraph(tmp);
    if ("path" in real) {
      graphs["kg build"] = JSON.parse(readFileSync(real.path, "utf8")) as SerializedGraph;
      servers["kg build"] = await startViewerServer({ graphPath: real.path });
    } else {
      realSkipReason = real.skipped;
      console.warn(`viewer e2e: tests on the real graph are skipped: ${real.skipped}`);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of [...Object.values(servers), ...extra]) await s?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function serve(options: Parameters<typeof startViewerServer>[0]): Promise<ViewerServer> {
    const s = await startViewerServer(options);
    extra.push(s);
    return s;
  }

  const open = (url: string, viewport = DESKTOP, state: "ready" | "error" | "empty" = "ready") => openViewer(browser, url, viewport, state);

  async function choose(page: Page, query: string, expectedLabel?: string) {
    const input = page.getByRole("combobox", { name: "Search entities" });
    await input.fill(query);
    await page.waitForSelector("#search-results li[role=option][aria-selected=true]");
    if (expectedLabel) await expect.poll(() => page.locator("#search-results li[aria-selected=true] .result-label").textContent()).toBe(expectedLabel);
    await input.press("Enter");
    await page.waitForSelector("#panel:not([hidden]) [data-testid=panel-title]");
  }

  const panelTitle = (page: Page) => page.locator("#panel [data-testid=panel-title]").textContent();

  function skipUnless(source: Source, ctx: { skip: (note?: string) => void }) {
    if (!servers[source]) ctx.skip(realSkipReason);
  }

  for (const source of ["fixture", "kg build"] as const) {
    it(`${source}: loads and draws the graph on the WebGL canvas`, async (ctx) => {
      skipUnless(source, ctx);
      const { page, errors } = await open(servers[source]!.url);
      await page.waitForTimeout(300);
      const png = await page.locator("#graph").screenshot();
      await page.screenshot({ path: artifactPath(`viewer-${source.replace(" ", "-")}-desktop.png`) });
      expect(await colouredPixels(page, png)).toBeGreaterThan(500);
      expect(await page.locator("#legend li").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`${source}: search "Putin" opens a panel listing Xi Jinping with the evidence sentence`, async (ctx) => {
      skipUnless(source, ctx);
      const graph = graphs[source]!;
      const putin = graph.nodes.find((n) => n.attributes?.label === "Vladimir Putin" || n.attributes?.aliases?.includes("Putin"));
      const xi = graph.nodes.find((n) => n.attributes?.label === "Xi Jinping");
      expect(putin, "the graph has Vladimir Putin").toBeTruthy();
      expect(xi, "the graph has Xi Jinping").toBeTruthy();
      const between = graph.edges.filter(
        (e) => (e.source === putin!.key && e.target === xi!.key) || (e.source === xi!.key && e.target === putin!.key),
      );
      expect(between.length, "Putin and Xi Jinping are related").toBeGreaterThan(0);
      const sentences = new Set(between.flatMap((e) => (e.attributes?.evidence ?? []).map((ev) => ev.text)));

      const { page, errors } = await open(servers[source]!.url);
      await choose(page, "Putin", putin!.attributes!.label);
      expect(await panelTitle(page)).toBe(putin!.attributes!.label);
      const relation = page.locator("#panel [data-testid=relation]", { has: page.locator(".entity-link", { hasText: "Xi Jinping" }) }).first();
      await expect.poll(() => relation.count()).toBe(1);
      const quote = (await relation.locator("blockquote").first().textContent()) ?? "";
      expect(sentences.has(quote), `evidence sentence shown: ${quote}`).toBe(true);
      expect(await relation.locator("blockquote mark").count()).toBeGreaterThan(0);
      expect(await relation.locator(".evidence-meta").first().textContent()).toMatch(/\S/);
      await page.waitForTimeout(600);
      await page.screenshot({ path: artifactPath(`viewer-${source.replace(" ", "-")}-putin-panel.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("fixture: the Putin → Xi Jinping evidence highlights both mentions", async () => {
    const { page } = await open(servers.fixture!.url);
    await choose(page, "Putin", "Vladimir Putin");
    const relation = page.locator("#panel .group[data-direction=out][data-predicate=meet] [data-testid=relation]").first();
    expect(await relation.locator(".relation-pred").textContent()).toBe("meet →");
    expect(await relation.locator(".entity-link").textContent()).toBe("Xi Jinping");
    expect(await relation.locator("blockquote").first().textContent()).toBe(
      "In the fixture story, Vladimir Putin met Xi Jinping for a long afternoon of talks.",
    );
    expect(await relation.locator("mark.subject").first().textContent()).toBe("Vladimir Putin");
    expect(await relation.locator("mark.object").first().textContent()).toBe("Xi Jinping");
    expect(await relation.locator(".evidence-meta").first().textContent()).toContain("2024-05-16");
    // The second statement is behind "Show 1 more sentences".
    await relation.getByRole("button", { name: /Show 1 more/ }).click();
    expect(await relation.locator("blockquote").nth(1).textContent()).toContain("Months later Putin met again with Xi");
    expect(await relation.locator("blockquote").nth(1).locator("mark.object").textContent()).toBe("Xi");
    // Incoming relations read the other way.
    expect(await page.locator("#panel .group[data-direction=in] .group-heading").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("← invite"), expect.stringContaining("← criticise")]),
    );
    await page.close();
  });

  it("fixture: typing Kiev finds Kyiv; arrows, Enter and Escape work; the camera moves to it", async () => {
    const { page, errors } = await open(servers.fixture!.url);
    const input = page.getByRole("combobox", { name: "Search entities" });
    await input.fill("Kiev");
    const first = page.locator("#search-results li[role=option]").first();
    expect(await first.locator(".result-label").textContent()).toBe("Kyiv");
    expect(await first.locator(".result-via").textContent()).toBe("(Kiev)");
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    await input.press("Escape");
    expect(await page.locator("#search-results").isHidden()).toBe(true);
    await input.press("Escape");
    expect(await input.inputValue()).toBe("");

    await input.fill("a");
    const options = page.locator("#search-results li[role=option]");
    expect(await options.count()).toBeGreaterThan(2);
    await input.press("ArrowDown");
    await input.press("ArrowDown");
    expect(await options.nth(2).getAttribute("aria-selected")).toBe("true");
    await input.press("ArrowUp");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");

    await input.fill("kiev");
    await input.press("Enter");
    await page.waitForSelector("#panel:not([hidden])");
    expect(await panelTitle(page)).toBe("Kyiv");
    expect(await page.locator("#panel .aliases").textContent()).toContain("Kiev");
    expect(new URL(page.url()).searchParams.get("node")).toBe("location:kyiv");
    // The camera centres Kyiv in the part of the canvas the panel leaves free.
    await page.waitForTimeout(800);
    const pos = await page.evaluate(() => window.kgViewer!.nodePosition("location:kyiv"));
    const panelBox = (await page.locator("#panel").boundingBox())!;
    expect(pos!.x).toBeGreaterThan(100);
    expect(pos!.x).toBeLessThan(panelBox.x - 100);
    expect(Math.abs(pos!.y - (DESKTOP.height - 56) / 2)).toBeLessThan(60);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fixture: clicking a related entity goes to it and Back returns", async () => {
    const { page } = await open(servers.fixture!.url);
    await choose(page, "Vladimir Putin");
    expect(await page.getByTestId("back").isDisabled()).toBe(true);
    await page.locator("#panel .entity-link", { hasText: "Xi Jinping" }).first().click();
    await expect.poll(() => panelTitle(page)).toBe("Xi Jinping");
    await page.locator("#panel .entity-link", { hasText: "Beijing" }).first().click();
    await expect.poll(() => panelTitle(page)).toBe("Beijing");
    await page.getByTestId("back").click();
    await expect.poll(() => panelTitle(page)).toBe("Xi Jinping");
    await page.getByTestId("back").click();
    await expect.poll(() => panelTitle(page)).toBe("Vladimir Putin");
    expect(await page.getByTestId("back").isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Close details" }).click();
    expect(await page.locator("#panel").isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get("node")).toBeNull();
    await page.close();
  });

  it("fixture: hovering a node fades everything but its neighbours; clicking nodes and edges opens them", async () => {
    const { page } = await open(servers.fixture!.url);
    const box = (await page.locator("#graph").boundingBox())!;
    const at = async (key: string) => {
      const p = (await page.evaluate((k) => window.kgViewer!.nodePosition(k), key))!;
      return { x: box.x + p.x, y: box.y + p.y };
    };
    const color = (key: string) => page.evaluate((k) => window.kgViewer!.renderer.getNodeDisplayData(k)?.color, key);

    const putin = await at("person:vladimir-putin");
    await page.mouse.move(putin.x, putin.y);
    await expect.poll(() => color("location:geneva")).toBe(FADED_NODE_COLOR);
    expect(await color("person:xi-jinping")).not.toBe(FADED_NODE_COLOR);
    expect(await color("location:moscow")).not.toBe(FADED_NODE_COLOR);
    await page.screenshot({ path: artifactPath("viewer-fixture-hover.png") });
    await page.mouse.move(box.x + 5, box.y + 5);
    await expect.poll(() => color("location:geneva")).not.toBe(FADED_NODE_COLOR);

    const geneva = await at("location:geneva");
    await page.mouse.click(geneva.x, geneva.y);
    await expect.poll(() => panelTitle(page)).toBe("Geneva");

    // The straight edge from the peace talks to Geneva, clicked at its middle.
    const talks = await at("event:peace-talks");
    const mid = { x: (talks.x + geneva.x) / 2, y: (talks.y + geneva.y) / 2 };
    await page.waitForTimeout(500); // two quick clicks would be a double click, which zooms
    await page.mouse.move(mid.x, mid.y); // sigma picks edges on pointer move
    await page.mouse.click(mid.x, mid.y);
    await page.waitForSelector("#panel[data-edge]");
    expect(await page.locator("#panel").getAttribute("data-edge")).toBe("event:peace-talks|take_place_in|location:geneva");
    expect(await page.locator("#panel .edge-title").textContent()).toContain("take place in →");
    expect(await page.locator("#panel [data-testid=evidence] blockquote").first().textContent()).toBe(
      "The Geneva peace talks took place in Geneva over two days.",
    );
    expect(new URL(page.url()).searchParams.get("edge")).toBe("event:peace-talks|take_place_in|location:geneva");

    // Putin –meet→ Xi and Xi –invite→ Putin are curved to either side; a click on each curve opens that edge.
    await page.getByRole("button", { name: "Close details" }).click();
    const xi = await at("person:xi-jinping");
    const p2 = await at("person:vladimir-putin");
    for (const [key, from, to] of [
      ["person:vladimir-putin|meet|person:xi-jinping", p2, xi],
      ["person:xi-jinping|invite|person:vladimir-putin", xi, p2],
    ] as const) {
      const curvature = await page.evaluate((k) => (window.kgViewer!.renderer.getEdgeDisplayData(k) as { curvature?: number } | undefined)?.curvature ?? 0, key);
      expect(curvature).toBeGreaterThan(0);
      const c = controlPoint({ key, source: from, target: to, curvature });
      const onCurve = { x: 0.25 * from.x + 0.5 * c.x + 0.25 * to.x, y: 0.25 * from.y + 0.5 * c.y + 0.25 * to.y };
      await page.waitForTimeout(500);
      await page.mouse.click(onCurve.x, onCurve.y);
      await expect.poll(() => page.locator("#panel").getAttribute("data-edge")).toBe(key);
      // The panel would cover the next curve when the fitted graph reaches under it.
      await page.getByRole("button", { name: "Close details" }).click();
    }
    await page.close();
  });

  it("fixture: names and sentences from articles are shown as text, never run", async () => {
    const { page, errors, dialogs } = await open(servers.fixture!.url);
    await choose(page, "xss test entity", XSS_NAME);
    expect(await panelTitle(page)).toBe(XSS_NAME);
    await page.locator("#panel .entity-link", { hasText: XSS_SENTENCE_NAME }).first().click();
    await expect.poll(() => panelTitle(page)).toBe(XSS_SENTENCE_NAME);
    const quote = await page.locator("#panel blockquote").first().textContent();
    expect(quote).toBe(`${XSS_SENTENCE_NAME} mentions ${XSS_NAME} <b>bold</b>.`);
    // The relation's class (an id of a hand-made graph) and its verb as written, in the panel and the class filter.
    const mention = page.locator("#panel [data-testid=relation]", { has: page.locator(".entity-link", { hasText: XSS_NAME }) });
    expect(await mention.locator(".class-label").textContent()).toBe(XSS_CLASS);
    expect(await mention.locator(".class-surface").textContent()).toBe("“mentions <b>bold</b>”");
    await mention.getByRole("button", { name: /source/ }).click();
    await page.waitForSelector("#panel[data-edge]");
    expect(await page.getByTestId("surface").textContent()).toBe("mentions <b>bold</b>");
    expect(await page.getByTestId("relation-facts").getByTestId("relation-class").textContent()).toBe(`${XSS_CLASS} ${XSS_CLASS}`);
    await page.getByTestId("filter-relations").locator("summary").click();
    expect(await page.getByTestId("class-group-other").locator(".check-label").allTextContents()).toContain(XSS_CLASS);
    await page.getByRole("combobox", { name: "Search entities" }).fill("<img");
    expect(await page.locator("#search-results .result-label").first().textContent()).toBe(XSS_NAME);
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath("viewer-fixture-xss.png") });
    expect(
      await page.evaluate(
        () => document.querySelectorAll("img, script:not([type=module]), #panel blockquote *:not(mark), #panel dd *:not(span), #panel .class-label *, #legend .check-label *").length,
      ),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fixture: the legend hides a type from the canvas and from search; filters survive a reload", async () => {
    const { page } = await open(servers.fixture!.url);
    await page.locator("#legend button[data-type=Location]").click();
    expect(await page.locator("#legend button[data-type=Location]").getAttribute("aria-pressed")).toBe("false");
    expect(await page.evaluate(() => window.kgViewer!.renderer.getNodeDisplayData("location:kyiv")?.hidden)).toBe(true);
    await page.getByRole("combobox", { name: "Search entities" }).fill("Kiev");
    expect(await page.locator("#search-results li").first().textContent()).toBe("No matching entity");
    expect(new URL(page.url()).searchParams.get("hide")).toBe("Location");

    await page.locator("#min-confidence").fill("0.6");
    await expect.poll(() => new URL(page.url()).searchParams.get("minConf")).toBe("0.6");
    const hiddenEdge = "organization:united-nations|criticise|person:vladimir-putin";
    expect(await page.evaluate((e) => window.kgViewer!.renderer.getEdgeDisplayData(e)?.hidden, hiddenEdge)).toBe(true);
    await page.locator("#color-mode").selectOption("community");

    await page.reload();
    await waitForState(page, "ready");
    expect(await page.locator("#legend button[data-type=Location]").getAttribute("aria-pressed")).toBe("false");
    expect(await page.evaluate(() => window.kgViewer!.renderer.getNodeDisplayData("location:kyiv")?.hidden)).toBe(true);
    expect(await page.locator("#min-confidence").inputValue()).toBe("0.6");
    expect(await page.locator("#color-mode").inputValue()).toBe("community");
    await page.screenshot({ path: artifactPath("viewer-fixture-filtered.png") });

    await page.getByRole("button", { name: "Show all types" }).click();
    expect(await page.evaluate(() => window.kgViewer!.renderer.getNodeDisplayData("location:kyiv")?.hidden)).toBe(false);
    await page.close();
  });

  it("fixture: the URL keeps the selection", async () => {
    const { page } = await open(`${servers.fixture!.url}?node=${encodeURIComponent("person:xi-jinping")}`);
    await page.waitForSelector("#panel:not([hidden])");
    expect(await panelTitle(page)).toBe("Xi Jinping");
    await page.close();
  });

  it("fixture: the layout runs in a worker and the view exports as PNG", async () => {
    const { page, errors } = await open(servers.fixture!.url);
    const before = await page.evaluate(() => window.kgViewer!.graph.getNodeAttributes("person:vladimir-putin").x);
    await page.getByTestId("layout").click();
    expect(await page.getByTestId("layout").getAttribute("aria-pressed")).toBe("true");
    await page.waitForTimeout(800);
    await page.getByTestId("layout").click();
    expect(await page.getByTestId("layout").getAttribute("aria-pressed")).toBe("false");
    const after = await page.evaluate(() => window.kgViewer!.graph.getNodeAttributes("person:vladimir-putin").x);
    expect(after).not.toBe(before);

    const download = page.waitForEvent("download");
    await page.getByTestId("export").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("knowledge-graph.png");
    const saved = artifactPath("viewer-export.png");
    await file.saveAs(saved);
    expect(readFileSync(saved).subarray(1, 4).toString()).toBe("PNG");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fixture: usable at 390 px width", async () => {
    const { page, errors } = await open(servers.fixture!.url, PHONE);
    await page.screenshot({ path: artifactPath("viewer-fixture-phone.png") });
    const input = (await page.getByRole("combobox", { name: "Search entities" }).boundingBox())!;
    expect(input.width).toBeGreaterThan(180);
    expect(input.x + input.width).toBeLessThanOrEqual(PHONE.width);
    await choose(page, "Putin", "Vladimir Putin");
    await page.waitForTimeout(600);
    const panel = (await page.locator("#panel").boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(PHONE.width + 1);
    expect(panel.y).toBeGreaterThan(PHONE.height * 0.3);
    // The selected node stays visible above the bottom sheet.
    const pos = (await page.evaluate(() => window.kgViewer!.nodePosition("person:vladimir-putin")))!;
    expect(pos.y + 56).toBeLessThan(panel.y);
    expect(pos.x).toBeGreaterThan(0);
    expect(pos.x).toBeLessThan(PHONE.width);
    await page.screenshot({ path: artifactPath("viewer-fixture-phone-panel.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a file that is not a graph shows a message", async () => {
    const notJson = join(tmp, "not-a-graph.json");
    writeFileSync(notJson, "this is some text, not a graph\n");
    const s1 = await serve({ graphPath: notJson });
    const a = await open(s1.url, DESKTOP, "error");
    expect(await a.page.locator("[data-testid=status-error] h2").textContent()).toBe("This file is not a graph");
    expect(await a.page.locator("[data-testid=status-error] p").textContent()).toContain("not valid JSON");
    expect(await a.page.locator("#legend").isHidden()).toBe(true);
    await a.page.screenshot({ path: artifactPath("viewer-not-a-graph.png") });
    await a.page.close();

    const s2 = await serve({ graph: { hello: "world", nodes: 3 } });
    const b = await open(s2.url, DESKTOP, "error");
    expect(await b.page.locator("[data-testid=status-error] h2").textContent()).toBe("This file is not a graph");
    expect(await b.page.locator("[data-testid=status-error] p").textContent()).toContain('"nodes" and "edges"');
    await b.page.close();

    const c = await open(`${servers.fixture!.url}?graph=./missing.json`, DESKTOP, "error");
    expect(await c.page.locator("[data-testid=status-error] h2").textContent()).toBe("Could not load the graph");
    expect(await c.page.locator("[data-testid=status-error] p").textContent()).toContain("404");
    await c.page.close();
  });

  it("an empty graph says so", async () => {
    const s = await serve({ graph: { attributes: {}, options: { type: "directed", multi: true }, nodes: [], edges: [] } });
    const { page, errors } = await open(s.url, DESKTOP, "empty");
    expect(await page.locator("[data-testid=status-empty] h2").textContent()).toBe("This graph is empty");
    expect(errors).toEqual([]);
    await page.close();
  });
});
