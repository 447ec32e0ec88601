/**
 * The predicate, article and date filters, GEXF export and opening files
 * (drag-and-drop, the Open button, ?graph= with GEXF), in Chromium over the
 * fixture graph.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiGraph } from "graphology";
import gexf from "graphology-gexf";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../src/core/types.ts";
import { DEFAULT_DIST_DIR, startViewerServer, type ViewerServer } from "../server/index.ts";
import { artifactPath, chromiumAvailable, ensureViewerBuilt, launchChromium, waitForState } from "./browser.ts";
import { fixtureGraphJson } from "./fixtures.ts";
import { DESKTOP, PHONE, dropFile, isEdgeHidden, isNodeHidden, openViewer, urlParams } from "./pages.ts";

const MEET = "person:vladimir-putin|meet|person:xi-jinping";
const TALKS_IN_GENEVA = "event:peace-talks|take_place_in|location:geneva";
const ASK = "person:volodymyr-zelensky|ask|organization:nato";

const run = chromiumAvailable() ? describe : describe.skip;

run("viewer filters, GEXF export and files, in Chromium", () => {
  let browser: Browser;
  let server: ViewerServer;
  let tmp: string;
  const extra: ViewerServer[] = [];

  beforeAll(async () => {
    ensureViewerBuilt();
    tmp = mkdtempSync(join(tmpdir(), "kg-viewer-filters-"));
    server = await startViewerServer({ graph: fixtureGraphJson() });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of [server, ...extra]) await s?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const group = (page: Page, id: "predicates" | "articles" | "dates") => page.getByTestId(`filter-${id}`);
  const summaryText = (page: Page) => page.locator("#legend .legend-summary").last().textContent();

  async function tick(page: Page, id: "predicates" | "articles", search: string, label: string) {
    const g = group(page, id);
    if (!(await g.evaluate((d) => (d as HTMLDetailsElement).open))) await g.locator("summary").click();
    await g.getByRole("searchbox").fill(search);
    await g.locator("label", { hasText: label }).first().getByRole("checkbox").check();
  }

  it("the predicate filter hides other relations, their unconnected entities, and them in search", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await tick(page, "predicates", "mee", "meet");
    await expect.poll(() => isEdgeHidden(page, TALKS_IN_GENEVA)).toBe(true);
    expect(await isEdgeHidden(page, MEET)).toBe(false);
    expect(await isNodeHidden(page, "location:geneva")).toBe(true);
    expect(await isNodeHidden(page, "person:xi-jinping")).toBe(false);
    expect(urlParams(page).getAll("pred")).toEqual(["meet"]);
    expect(await summaryText(page)).toBe("3 of 15 entities · 2 of 17 relations shown");
    expect(await group(page, "predicates").locator(".filter-badge").textContent()).toBe("1 of 14");

    await page.getByRole("combobox", { name: "Search entities" }).fill("Geneva");
    expect(await page.locator("#search-results li").first().textContent()).toBe("No matching entity");
    await page.getByRole("combobox", { name: "Search entities" }).fill("");

    // Clear brings everything back.
    await group(page, "predicates").getByRole("button", { name: "Clear" }).click();
    await expect.poll(() => isEdgeHidden(page, TALKS_IN_GENEVA)).toBe(false);
    expect(urlParams(page).getAll("pred")).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the date range hides relations stated outside it; 'keep undated' is in the link", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await group(page, "dates").locator("summary").click();
    expect(await page.locator("#date-from").getAttribute("min")).toBe("2024-01-01");
    expect(await page.locator("#date-to").getAttribute("max")).toBe("2024-10-23");
    await page.locator("#date-from").fill("2024-06-01");
    await page.locator("#date-to").fill("2024-06-30");
    await expect.poll(() => isEdgeHidden(page, MEET)).toBe(true);
    expect(await isEdgeHidden(page, ASK)).toBe(false);
    expect(await isNodeHidden(page, "person:vladimir-putin")).toBe(true);
    expect(urlParams(page).get("from")).toBe("2024-06-01");
    expect(urlParams(page).get("to")).toBe("2024-06-30");
    expect(await group(page, "dates").locator(".filter-badge").textContent()).toBe("2024-06-01 – 06-30");
    await page.locator("#keep-undated").check();
    await expect.poll(() => urlParams(page).get("undated")).toBe("1");

    // Putin met Xi in May (article A) and again in October (article B).
    await page.locator("#date-from").fill("2024-10-01");
    await page.locator("#date-to").fill("2024-10-31");
    await expect.poll(() => isEdgeHidden(page, MEET)).toBe(false);
    expect(await isEdgeHidden(page, ASK)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the article filter keeps what the chosen articles say, and the panel lists only that", async () => {
    const { page } = await openViewer(browser, server.url);
    await tick(page, "articles", "fixture article d", "Fixture article D");
    await expect.poll(() => isEdgeHidden(page, TALKS_IN_GENEVA)).toBe(false);
    expect(await isEdgeHidden(page, MEET)).toBe(true);
    expect(urlParams(page).getAll("article")).toEqual(["fixture-d.txt"]);
    expect(await summaryText(page)).toBe("5 of 15 entities · 4 of 17 relations shown");
    await page.close();
  });

  it("the filters round-trip through the URL and a reload; Reset all clears them", async () => {
    const query = "?pred=meet&pred=visit&article=fixture-a.txt&from=2024-05-01&to=2024-05-31&node=person%3Avladimir-putin";
    const { page, errors } = await openViewer(browser, `${server.url}${query}`);
    const check = async () => {
      expect(await group(page, "predicates").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await group(page, "predicates").locator("input[value=meet]").isChecked()).toBe(true);
      expect(await group(page, "predicates").locator("input[value=visit]").isChecked()).toBe(true);
      expect(await group(page, "predicates").locator("input[value=invite]").isChecked()).toBe(false);
      expect(await group(page, "articles").locator('input[value="fixture-a.txt"]').isChecked()).toBe(true);
      expect(await page.locator("#date-from").inputValue()).toBe("2024-05-01");
      expect(await page.locator("#date-to").inputValue()).toBe("2024-05-31");
      expect(await isEdgeHidden(page, MEET)).toBe(false);
      expect(await isEdgeHidden(page, "person:vladimir-putin|visit|location:beijing")).toBe(false);
      expect(await isEdgeHidden(page, "person:xi-jinping|invite|person:vladimir-putin")).toBe(true);
      // The panel's relations follow the filters too.
      const headings = await page.locator("#panel .group-heading").allTextContents();
      expect(headings.join(" ")).toMatch(/meet/);
      expect(headings.join(" ")).not.toMatch(/invite|criticise/);
    };
    await page.waitForSelector("#panel:not([hidden])");
    await check();
    const before = page.url();
    await page.reload();
    await waitForState(page, "ready");
    expect(page.url()).toBe(before);
    await check();

    await page.getByRole("button", { name: "Reset all filters" }).click();
    await expect.poll(() => isEdgeHidden(page, "person:xi-jinping|invite|person:vladimir-putin")).toBe(false);
    const params = urlParams(page);
    expect(["pred", "article", "from", "to"].map((k) => params.get(k))).toEqual([null, null, null, null]);
    expect(params.get("node")).toBe("person:vladimir-putin");
    expect(await page.getByRole("button", { name: "Reset all filters" }).isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the filter controls look deliberate at 1366×768 and 390 px wide", async () => {
    const desktop = await openViewer(browser, `${server.url}?pred=meet&pred=leader_of&from=2024-05-01&to=2024-10-31`);
    await desktop.page.waitForTimeout(400);
    await desktop.page.screenshot({ path: artifactPath("viewer-filters-desktop.png") });
    const legend = (await desktop.page.locator("#legend").boundingBox())!;
    expect(legend.y).toBeGreaterThanOrEqual(56);
    expect(legend.y + legend.height).toBeLessThanOrEqual(DESKTOP.height);
    // The card scrolls: its end holds the date range and Reset.
    await desktop.page.locator("#legend").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await desktop.page.screenshot({ path: artifactPath("viewer-filters-desktop-dates.png"), clip: { x: 0, y: 56, width: 420, height: DESKTOP.height - 56 } });
    expect(await desktop.page.getByRole("button", { name: "Reset all filters" }).isVisible()).toBe(true);
    await desktop.page.close();

    const { page, errors } = await openViewer(browser, server.url, PHONE);
    await page.locator("#legend .legend-head button").click();
    await group(page, "predicates").locator("summary").click();
    await group(page, "predicates").locator("input[value=meet]").check();
    await group(page, "predicates").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath("viewer-filters-phone.png") });
    const box = (await page.locator("#legend").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    const search = (await page.getByRole("combobox", { name: "Search entities" }).boundingBox())!;
    expect(search.width).toBeGreaterThan(180);
    // Every toolbar button is on screen.
    for (const b of await page.locator("#toolbar .btn").all()) {
      const r = (await b.boundingBox())!;
      expect(r.x + r.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("GEXF export writes only what the filters show, with attributes, positions and colours", async () => {
    const { page, errors } = await openViewer(browser, `${server.url}?pred=meet`);
    const download = page.waitForEvent("download");
    await page.getByTestId("export-gexf").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("knowledge-graph.gexf");
    const saved = artifactPath("viewer-export.gexf");
    await file.saveAs(saved);
    const back = gexf.parse(MultiGraph, readFileSync(saved, "utf8"));
    expect(back.nodes().sort()).toEqual(["person:vladimir-putin", "person:xi-jinping", "person:xss"]);
    expect(back.edges().sort()).toEqual([MEET, "person:xss|meet|person:vladimir-putin"]);
    const putin = back.getNodeAttributes("person:vladimir-putin");
    const shown = await page.evaluate(() => {
      const v = window.kgViewer!;
      return { x: v.graph.getNodeAttribute("person:vladimir-putin", "x"), color: v.renderer.getNodeDisplayData("person:vladimir-putin")!.color };
    });
    expect(putin).toMatchObject({ label: "Vladimir Putin", type: "Person" });
    expect(putin.x).toBeCloseTo(shown.x, 3);
    const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
    expect(hex(String(putin.color))).toBe(shown.color.toLowerCase());
    expect(back.getEdgeAttributes(MEET)).toMatchObject({ predicate: "meet", articles: "fixture-a.txt|fixture-b.txt" });
    expect(String(back.getEdgeAttribute(MEET, "evidence"))).toContain("Vladimir Putin met Xi Jinping");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a dropped graph.json replaces the graph and resets selection and filters; a dropped non-graph shows the error", async () => {
    const { page, errors } = await openViewer(browser, `${server.url}?pred=meet&node=person%3Axi-jinping`);
    await page.waitForSelector("#panel:not([hidden])");
    const small: SerializedGraph = {
      attributes: { generator: "test" },
      nodes: [
        { key: "a", attributes: { label: "Alpha Person", type: "Person", x: 0, y: 0 } },
        { key: "b", attributes: { label: "Beta Place", type: "Location", x: 10, y: 5 } },
        { key: "c", attributes: { label: "Gamma Org", type: "Organization", x: 5, y: 10 } },
      ],
      edges: [
        { key: "a|visit|b", source: "a", target: "b", attributes: { predicate: "visit" } },
        { key: "c|employ|a", source: "c", target: "a", attributes: { predicate: "employ" } },
      ],
    };
    await dropFile(page, "graph.json", JSON.stringify(small), "application/json");
    await expect.poll(() => page.evaluate(() => window.kgViewer?.graph.order)).toBe(3);
    await waitForState(page, "ready");
    expect(await page.locator("#panel").isHidden()).toBe(true);
    expect(urlParams(page).get("pred")).toBeNull();
    expect(urlParams(page).get("node")).toBeNull();
    expect(await isEdgeHidden(page, "a|visit|b")).toBe(false);
    expect(await page.locator("#legend button[data-type]").count()).toBe(3);
    await page.getByRole("combobox", { name: "Search entities" }).fill("gamma");
    expect(await page.locator("#search-results .result-label").first().textContent()).toBe("Gamma Org");
    await page.getByRole("combobox", { name: "Search entities" }).press("Escape");

    await dropFile(page, "notes.txt", "Shopping list: eggs, flour.\n", "text/plain");
    await waitForState(page, "error");
    expect(await page.locator("[data-testid=status-error] h2").textContent()).toBe("This file is not a graph");
    expect(await page.locator("[data-testid=status-error] p").textContent()).toContain("notes.txt");
    await page.waitForTimeout(200);
    await page.screenshot({ path: artifactPath("viewer-drop-not-a-graph.png") });
    // The graph that was there stays behind the message.
    await page.getByTestId("status-action").click();
    await waitForState(page, "ready");
    expect(await page.evaluate(() => window.kgViewer?.graph.order)).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the Open button and drag-and-drop read GEXF; ?graph= accepts GEXF; opening works after a failed load", async () => {
    // The viewer's own export of the "meet" relations, as Gephi would get it.
    const flat = await openViewer(browser, `${server.url}?pred=meet`);
    const download = flat.page.waitForEvent("download");
    await flat.page.getByTestId("export-gexf").click();
    const gexfPath = join(tmp, "meet.gexf");
    await (await download).saveAs(gexfPath);
    await flat.page.close();

    // A page whose graph failed to load: the Open button still works.
    const { page, errors } = await openViewer(browser, `${server.url}?graph=./missing.json`, DESKTOP, "error");
    expect(await page.getByTestId("open").isEnabled()).toBe(true);
    expect(await page.getByTestId("export-gexf").isDisabled()).toBe(true);
    expect(await page.getByTestId("status-action").count()).toBe(0);
    await page.getByTestId("file-input").setInputFiles(gexfPath);
    await waitForState(page, "ready");
    expect(await page.evaluate(() => window.kgViewer!.graph.order)).toBe(3);
    expect(urlParams(page).get("graph")).toBeNull();
    await page.getByRole("combobox", { name: "Search entities" }).fill("Putin");
    await page.getByRole("combobox", { name: "Search entities" }).press("Enter");
    await page.waitForSelector("#panel:not([hidden])");
    expect(await page.locator("#panel blockquote").first().textContent()).toMatch(/Putin/);

    await dropFile(page, "fixture.json", JSON.stringify(fixtureGraphJson()), "application/json");
    await expect.poll(() => page.evaluate(() => window.kgViewer?.graph.order)).toBe(15);
    await dropFile(page, "feed.xml", '<?xml version="1.0"?><rss><channel/></rss>', "application/xml");
    await waitForState(page, "error");
    expect(await page.locator("[data-testid=status-error] p").textContent()).toContain("not GEXF");
    await page.close();

    const site = join(tmp, "site");
    cpSync(DEFAULT_DIST_DIR, site, { recursive: true });
    writeFileSync(join(site, "graph.gexf"), readFileSync(gexfPath));
    const s = await startViewerServer({ distDir: site });
    extra.push(s);
    const fromUrl = await openViewer(browser, `${s.url}?graph=graph.gexf`);
    expect(await fromUrl.page.evaluate(() => window.kgViewer!.graph.size)).toBe(2);
    expect(fromUrl.errors).toEqual([]);
    await fromUrl.page.close();
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
  });
});
