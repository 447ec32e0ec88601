/**
 * Helpers for the browser tests: Debian's Chromium through playwright-core
 * (never a downloaded browser), the built viewer, and pixel checks.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const VIEWER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(VIEWER_DIR, "../..");
export const ARTIFACTS_DIR = join(REPO_ROOT, "test-artifacts");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless flags. WebGL works with Chromium's bundled SwiftShader; sigma's
 * WebGL canvases draw with `--use-angle=swiftshader` and
 * `--enable-unsafe-swiftshader` (recent Chromium refuses the software
 * fallback for WebGL without the latter).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Builds the viewer when dist/ is missing (the root pretest builds it too). */
export function ensureViewerBuilt(): void {
  if (existsSync(join(VIEWER_DIR, "dist", "index.html"))) return;
  execFileSync("pnpm", ["--filter", "newskg-viewer", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

/** Collects uncaught page errors and console errors, to assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

export async function waitForState(page: Page, state: "ready" | "error" | "empty"): Promise<void> {
  await page.waitForSelector(`body[data-state="${state}"]`, { timeout: 20_000 });
}

/** Which pixels of a screenshot count: strongly coloured ones, or any darker than the background. */
type PixelRule = { kind: "coloured"; spread: number } | { kind: "inked"; darkerThan: number };

/** Counts the pixels of a screenshot that match the rule, decoding the PNG in the page itself. */
async function countPixels(page: Page, png: Buffer, rule: PixelRule): Promise<number> {
  return page.evaluate(
    async ([b64, r]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const hi = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
        const lo = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
        if (r.kind === "coloured" ? hi - lo > r.spread : hi < r.darkerThan) count++;
      }
      return count;
    },
    [png.toString("base64"), rule] as const,
  );
}

/** Strongly coloured pixels (node colours; labels and edges are grey) in a screenshot of the graph area. */
export const colouredPixels = (page: Page, png: Buffer) => countPixels(page, png, { kind: "coloured", spread: 60 });

/** Pixels darker than the background in a screenshot of the graph (edges, nodes, labels). */
export const inkedPixels = (page: Page, png: Buffer, darkerThan = 240) => countPixels(page, png, { kind: "inked", darkerThan });
