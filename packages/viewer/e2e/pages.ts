/**
 * Opening the viewer in a page for a browser test: errors and dialogs are
 * recorded, the page is waited on until the viewer says what state it is in.
 */
import type { Browser, JSHandle, Page } from "playwright-core";
import { waitForState, watchErrors } from "./browser.ts";

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface OpenedPage {
  page: Page;
  errors: string[];
  dialogs: string[];
}

export async function openViewer(
  browser: Browser,
  url: string,
  viewport = DESKTOP,
  state: "ready" | "error" | "empty" = "ready",
): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors = watchErrors(page);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await waitForState(page, state);
  return { page, errors, dialogs };
}

/** Drops a file on the graph canvas as a user's drag-and-drop would (a DataTransfer holding a File). */
export async function dropFile(page: Page, name: string, content: string, type = "application/octet-stream"): Promise<void> {
  const transfer: JSHandle<DataTransfer> = await page.evaluateHandle(
    ([n, c, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: t }));
      return dt;
    },
    [name, content, type] as const,
  );
  await page.dispatchEvent("#graph", "dragenter", { dataTransfer: transfer });
  await page.dispatchEvent("#graph", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#graph", "drop", { dataTransfer: transfer });
}

export const isNodeHidden = (page: Page, key: string) =>
  page.evaluate((k) => window.kgViewer!.renderer.getNodeDisplayData(k)?.hidden ?? null, key);

export const isEdgeHidden = (page: Page, key: string) =>
  page.evaluate((k) => window.kgViewer!.renderer.getEdgeDisplayData(k)?.hidden ?? null, key);

export const urlParams = (page: Page) => new URL(page.url()).searchParams;
