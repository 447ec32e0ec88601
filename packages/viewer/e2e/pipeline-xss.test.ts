/**
 * Markup in articles, through the real pipeline: an article whose sentences
 * and title carry `<img onerror>` and `<script>` is built with `kg build`
 * and opened in the viewer, which must show the markup as text.
 *
 * The input is JSON Lines: its text is not taken for an HTML page (that
 * takes a doctype or several block tags), so the payload is not blanked out
 * and reaches the evidence sentences as written.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../src/core/types.ts";
import type { ViewerServer } from "../server/index.ts";
import { artifactPath, chromiumAvailable } from "./browser.ts";
import { buildAndServe, type BuiltSite } from "./built-site.ts";
import { openViewer } from "./pages.ts";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(2)</script>";
const TITLE = `Summit ${IMG} report`;
const ARTICLE = {
  id: "xss-article",
  title: TITLE,
  date: "2024-03-05",
  text: [
    `Angela Merkel met Emmanuel Macron in Paris ${IMG} on Monday.`,
    `Olaf Scholz met Angela Merkel in Berlin, <b>sources</b> say ${SCRIPT}.`,
  ].join("\n"),
};

const run = chromiumAvailable() ? describe : describe.skip;

run("markup in articles, through kg build, in Chromium", () => {
  let site: BuiltSite;
  let browser: Browser;
  let server: ViewerServer;
  let graph: SerializedGraph;

  beforeAll(async () => {
    site = await buildAndServe("kg-viewer-xss-", (dir) => {
      const input = join(dir, "articles.jsonl");
      writeFileSync(input, `${JSON.stringify(ARTICLE)}\n`);
      return input;
    });
    ({ graph, server, browser } = site);
  });

  afterAll(() => site?.close());

  it("kg build keeps the markup in the evidence sentences and the title", () => {
    const sentences = graph.edges.flatMap((e) => (e.attributes?.evidence ?? []).map((ev) => ev.text));
    expect(sentences.some((t) => t.includes(IMG))).toBe(true);
    expect(sentences.some((t) => t.includes(SCRIPT) && t.includes("<b>sources</b>"))).toBe(true);
    expect(graph.attributes?.articles?.[0]?.title).toBe(TITLE);
  });

  it("the viewer shows it as text in the panel and the filters, and runs none of it", async () => {
    const { page, errors, dialogs } = await openViewer(browser, server.url);
    const search = page.getByRole("combobox", { name: "Search entities" });
    await search.fill("Olaf Scholz");
    await search.press("Enter");
    await page.waitForSelector("#panel:not([hidden]) [data-testid=panel-title]");
    const quotes = await page.locator("#panel blockquote").allTextContents();
    expect(quotes.some((q) => q.includes(`<b>sources</b> say ${SCRIPT}`))).toBe(true);
    expect(await page.locator("#panel .evidence-article").first().textContent()).toBe(TITLE);
    expect(await page.locator("#panel .articles li").first().textContent()).toContain(TITLE);

    await page.locator("#panel .entity-link", { hasText: "Angela Merkel" }).first().click();
    await expect.poll(() => page.locator("#panel [data-testid=panel-title]").textContent()).toBe("Angela Merkel");
    const merkel = await page.locator("#panel blockquote").allTextContents();
    expect(merkel.some((q) => q.includes(`in Paris ${IMG} on Monday`))).toBe(true);

    // A relation's panel: its class, code and verb as written are text as well.
    await page.locator("#panel [data-testid=relation]").first().getByRole("button", { name: /source/ }).click();
    await page.waitForSelector("#panel[data-edge]");
    expect(await page.getByTestId("relation-facts").getByTestId("relation-class").locator(".class-label").textContent()).toBe("meets / consults");
    expect(await page.getByTestId("cameo").textContent()).toBe("040");
    expect(await page.getByTestId("surface").textContent()).toBe("met");
    expect((await page.locator("#panel [data-testid=evidence] blockquote").allTextContents()).some((q) => q.includes(IMG) || q.includes(SCRIPT))).toBe(true);

    // The article filter lists the title as text too.
    await page.getByTestId("filter-articles").locator("summary").click();
    expect(await page.getByTestId("filter-articles").locator(".check-label").first().textContent()).toBe(TITLE);

    await page.waitForTimeout(500); // an onerror or a script would have fired by now
    await page.screenshot({ path: artifactPath("viewer-kg-build-xss.png") });
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll("img").length,
      script: document.querySelectorAll("script:not([type=module])").length,
      // Only the viewer's own <mark> highlights inside quotes; nothing inside titles.
      markupInPanel: document.querySelectorAll(
        "#panel blockquote *:not(mark), #panel .evidence-article *, #panel .articles li span *, #panel dd *:not(span), #panel .class-label *, #legend .check-label *",
      ).length,
    }));
    expect(injected).toEqual({ img: 0, script: 0, markupInPanel: 0 });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
