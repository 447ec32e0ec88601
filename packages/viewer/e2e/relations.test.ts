/**
 * Relation classes and how statements are put, through the real pipeline:
 * a few articles written for the test (a denied attack, a meeting in
 * Beijing, an accusation, a president, a possible and a negated meeting)
 * are built with `kg build` and opened in Chromium. The class filter lists
 * classes by label under their groups and a group's heading selects it; the
 * first view shows facts only, and a control shows the rest; the panel shows
 * a relation's class, CAMEO code, Goldstein score and the verb as written,
 * and tags statements that are not plain assertions.
 *
 * `--min-confidence 0`: the denied attack is extracted at 0.39, below the
 * default threshold; the test is about how the viewer shows it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../src/core/types.ts";
import type { ViewerServer } from "../server/index.ts";
import { artifactPath, chromiumAvailable, waitForState } from "./browser.ts";
import { buildAndServe, type BuiltSite } from "./built-site.ts";
import { isEdgeHidden, isNodeHidden, openViewer, urlParams } from "./pages.ts";

const ARTICLES: Record<string, string> = {
  "denial.txt": "Russia denies attack plans\n\nRussia has denied plans to attack Ukraine.\n",
  "beijing.txt": "Putin in Beijing\n\nVladimir Putin met Xi Jinping in Beijing.\n",
  "kharkiv.txt": "Ukraine accuses Russia\n\nUkraine accused Russia of shelling Kharkiv on Monday.\n",
  "berlin.txt":
    "Macron in Berlin\n\nEmmanuel Macron, the president of France, visited Berlin. Olaf Scholz may meet Emmanuel Macron in Paris next month. Scholz did not meet Giorgia Meloni.\n",
};

const run = chromiumAvailable() ? describe : describe.skip;

run("relation classes and statements, through kg build, in Chromium", () => {
  let site: BuiltSite;
  let browser: Browser;
  let server: ViewerServer;
  let graph: SerializedGraph;
  const id = (label: string) => graph.nodes.find((n) => n.attributes?.label === label)?.key ?? `(no ${label})`;
  /** The key of the edge source –predicate→ target (labels), and its attributes. */
  const edge = (source: string, predicate: string, target: string) => {
    const e = graph.edges.find((x) => x.source === id(source) && x.target === id(target) && x.attributes?.predicate === predicate);
    if (!e?.key) throw new Error(`no edge ${source} –${predicate}→ ${target} in ${graph.edges.map((x) => x.key).join(", ")}`);
    return { key: e.key, attributes: e.attributes! };
  };

  beforeAll(async () => {
    site = await buildAndServe("kg-viewer-relations-", (dir) => {
      const input = join(dir, "articles");
      mkdirSync(input);
      for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(input, name), text);
      return input;
    }, ["-q", "--no-cache", "--min-confidence", "0"]);
    ({ graph, server, browser } = site);
  });

  afterAll(() => site?.close());

  const classFilter = (page: Page) => page.getByTestId("filter-relations");
  const openClassFilter = async (page: Page) => {
    if (!(await classFilter(page).evaluate((d) => (d as HTMLDetailsElement).open))) await classFilter(page).locator("summary").click();
  };
  const groupLabels = (page: Page, group: string) => page.getByTestId(`class-group-${group}`).locator(".check-label").allTextContents();

  it("kg build gives the relations their classes and keeps the denied attack apart", () => {
    expect(edge("Vladimir Putin", "meet", "Xi Jinping").attributes).toMatchObject({ relation: "CONSULT", relationGroup: "cooperation", cameo: "040", modality: "asserted" });
    expect(edge("Russia", "attack", "Ukraine").attributes).toMatchObject({ relation: "DENY", polarity: "negative", modality: "denied" });
    expect(edge("Ukraine", "accuse", "Russia").attributes).toMatchObject({ relation: "ACCUSE", relationGroup: "conflict" });
    expect(edge("Emmanuel Macron", "president_of", "France").attributes).toMatchObject({ relation: "LEADER_OF", relationGroup: "standing" });
  });

  it("the class filter lists classes by label under their groups; a group's heading selects it and hides the other relations", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await openClassFilter(page);
    const groups = await classFilter(page).locator(".class-group").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(groups).toEqual(["cooperation", "conflict", "standing", "other"]);
    expect(await classFilter(page).locator(".class-group-name").allTextContents()).toEqual(["Cooperation", "Conflict", "Standing relations", "Other"]);
    expect(await groupLabels(page, "cooperation")).toEqual(expect.arrayContaining(["meets / consults", "meets in", "visits"]));
    expect(await groupLabels(page, "conflict")).toEqual(["accuses"]);
    expect(await groupLabels(page, "standing")).toEqual(["leader of"]);
    expect(await groupLabels(page, "other")).toEqual(expect.arrayContaining(["denies", "did not or may"]));
    // Labels, not ids; counts beside them (the denial is not a fact: 0 shown by default).
    const all = await classFilter(page).locator(".check-label").allTextContents();
    expect(all.some((l) => /^[A-Z_]+$/.test(l))).toBe(false);
    const denies = classFilter(page).locator("li", { hasText: "denies" });
    expect(await denies.locator(".count").textContent()).toBe("0");
    expect(await denies.locator("label").getAttribute("title")).toContain("1 not stated as fact");
    await page.getByTestId("class-group-other").scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath("viewer-relation-classes.png") });

    const meet = edge("Vladimir Putin", "meet", "Xi Jinping").key;
    const accuse = edge("Ukraine", "accuse", "Russia").key;
    const president = edge("Emmanuel Macron", "president_of", "France").key;
    await page.getByTestId("class-group-cooperation").locator(".class-group-head input").check();
    await expect.poll(() => isEdgeHidden(page, accuse)).toBe(true);
    expect(await isEdgeHidden(page, president)).toBe(true);
    expect(await isEdgeHidden(page, meet)).toBe(false);
    expect(await isNodeHidden(page, id("France"))).toBe(true);
    expect(urlParams(page).getAll("rel")).toEqual(["CONSULT", "MAKE_VISIT", "MEET_AT_THIRD_LOCATION"]);
    expect(await classFilter(page).locator("input[value=CONSULT]").isChecked()).toBe(true);
    expect(await classFilter(page).locator(".filter-badge").textContent()).toMatch(/^3 of \d+$/);

    // One class off: the heading is half-ticked; the link keeps the classes through a reload.
    await classFilter(page).locator("input[value=MAKE_VISIT]").uncheck();
    await expect.poll(() => urlParams(page).getAll("rel")).toEqual(["CONSULT", "MEET_AT_THIRD_LOCATION"]);
    expect(await page.getByTestId("class-group-cooperation").locator(".class-group-head input").evaluate((b) => (b as HTMLInputElement).indeterminate)).toBe(true);
    await page.reload();
    await waitForState(page, "ready");
    expect(await classFilter(page).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await classFilter(page).locator("input[value=CONSULT]").isChecked()).toBe(true);
    expect(await classFilter(page).locator("input[value=MAKE_VISIT]").isChecked()).toBe(false);
    expect(await isEdgeHidden(page, accuse)).toBe(true);

    // A click on a half-ticked heading ticks the whole group; another clears it.
    await page.getByTestId("class-group-cooperation").locator(".class-group-head input").click();
    await expect.poll(() => urlParams(page).getAll("rel")).toEqual(["CONSULT", "MAKE_VISIT", "MEET_AT_THIRD_LOCATION"]);
    await page.getByTestId("class-group-cooperation").locator(".class-group-head input").click();
    await expect.poll(() => urlParams(page).getAll("rel")).toEqual([]);
    expect(await isEdgeHidden(page, accuse)).toBe(false);

    // The search finds a class by a verb as written.
    await classFilter(page).getByRole("searchbox").fill("accused");
    expect(await classFilter(page).locator("li:not([hidden]) .check-label").allTextContents()).toEqual(["accuses"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the first view shows facts only: the denied attack is hidden until the control shows it", async () => {
    const denied = edge("Russia", "attack", "Ukraine").key;
    const { page, errors } = await openViewer(browser, server.url);
    expect(await isEdgeHidden(page, denied)).toBe(true);
    expect(await isEdgeHidden(page, edge("Ukraine", "accuse", "Russia").key)).toBe(false);
    // Olaf Scholz is only in statements that are not facts: he waits with them.
    const scholz = id("Olaf Scholz");
    expect(await isNodeHidden(page, scholz)).toBe(true);
    const control = page.locator("#modes");
    expect(await control.textContent()).toContain("4 relations not stated as fact hidden");
    expect(await control.textContent()).toContain("1 denied, 1 negated, 2 possible");

    await page.getByTestId("toggle-modes").click();
    await expect.poll(() => isEdgeHidden(page, denied)).toBe(false);
    expect(await isNodeHidden(page, scholz)).toBe(false);
    expect(urlParams(page).get("modes")).toBe("all");
    expect(await page.getByTestId("toggle-modes").textContent()).toBe("Hide them");
    expect(await classFilter(page).locator("li", { hasText: "denies" }).locator(".count").textContent()).toBe("1");
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath("viewer-relations-all-statements.png") });

    await page.reload();
    await waitForState(page, "ready");
    expect(await isEdgeHidden(page, denied)).toBe(false);
    await page.getByTestId("toggle-modes").click();
    await expect.poll(() => isEdgeHidden(page, denied)).toBe(true);
    expect(urlParams(page).get("modes")).toBeNull();

    // Search still finds Olaf Scholz; his panel says his relations are hidden, and shows them.
    const search = page.getByRole("combobox", { name: "Search entities" });
    await search.fill("Olaf Scholz");
    await expect.poll(() => page.locator("#search-results li[aria-selected=true] .result-label").textContent()).toBe("Olaf Scholz");
    await search.press("Enter");
    await page.waitForSelector("#panel[data-node]");
    expect(await isNodeHidden(page, scholz)).toBe(false);
    expect(await page.locator("#panel [data-testid=relation]").count()).toBe(0);
    const note = page.getByTestId("hidden-statements");
    expect(await note.textContent()).toContain("3 relations not stated as fact");
    await note.getByRole("button", { name: "Show them" }).click();
    await expect.poll(() => page.locator("#panel [data-testid=relation]").count()).toBe(3);
    expect(urlParams(page).get("modes")).toBe("all");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the panel shows a relation's class label, CAMEO code, Goldstein score and the verb as written", async () => {
    const meet = edge("Vladimir Putin", "meet", "Xi Jinping").key;
    const { page, errors } = await openViewer(browser, `${server.url}?edge=${encodeURIComponent(meet)}`);
    await page.waitForSelector("#panel[data-edge]");
    const facts = page.getByTestId("relation-facts");
    expect(await facts.getByTestId("relation-class").locator(".class-label").textContent()).toBe("meets / consults");
    expect(await facts.getByTestId("cameo").textContent()).toBe("040");
    expect(await facts.getByTestId("goldstein").textContent()).toBe("+1.0");
    expect(await facts.getByTestId("surface").textContent()).toBe("met");
    expect(await page.locator("#panel .type-chip").textContent()).toBe("Relation · Cooperation");
    // A plain assertion has no tag.
    expect(await page.locator("#panel [data-testid=mode-tag]").count()).toBe(0);

    // The denied attack: tagged on the relation and on its evidence.
    const denied = edge("Russia", "attack", "Ukraine").key;
    await page.goto(`${server.url}?modes=all&edge=${encodeURIComponent(denied)}`);
    await waitForState(page, "ready");
    await page.waitForSelector("#panel[data-edge]");
    expect(await facts.getByTestId("relation-class").locator(".class-label").textContent()).toBe("denies");
    expect(await facts.getByTestId("cameo").textContent()).toBe("016");
    expect(await facts.getByTestId("mode").textContent()).toBe("denied");
    expect(await page.locator("#panel [data-testid=evidence] [data-testid=mode-tag]").allTextContents()).toEqual(["denied"]);
    expect(await page.locator("#panel [data-testid=evidence] blockquote").textContent()).toBe("Russia has denied plans to attack Ukraine.");

    // A node's relations: the class line on each, tags where the statement is not a plain assertion.
    await page.goto(`${server.url}?modes=all&node=${encodeURIComponent(id("Olaf Scholz"))}`);
    await waitForState(page, "ready");
    await page.waitForSelector("#panel[data-node]");
    const relations = page.locator("#panel [data-testid=relation]");
    const withMacron = relations.filter({ has: page.locator(".entity-link", { hasText: "Emmanuel Macron" }) });
    expect(await withMacron.locator(".relation-class .class-label").textContent()).toBe("did not or may");
    expect(await withMacron.locator(".relation-class .class-surface").textContent()).toBe("“may meet”");
    expect(await withMacron.locator(".relation-head [data-testid=mode-tag]").allTextContents()).toEqual(["possible"]);
    const withMeloni = relations.filter({ has: page.locator(".entity-link", { hasText: "Giorgia Meloni" }) });
    expect(await withMeloni.locator("[data-testid=evidence] [data-testid=mode-tag]").allTextContents()).toEqual(["not"]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath("viewer-relations-panel.png") });

    await page.goto(`${server.url}?node=${encodeURIComponent(id("Vladimir Putin"))}`);
    await waitForState(page, "ready");
    const withXi = page.locator("#panel [data-testid=relation]", { has: page.locator(".entity-link", { hasText: "Xi Jinping" }) });
    expect(await withXi.locator(".relation-class").textContent()).toBe("meets / consultsCAMEO 040+1.0“met”");
    expect(errors).toEqual([]);
    await page.close();
  });
});
