import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_BUILT_MESSAGE, contentType, resolveStaticPath, startViewerServer, type ViewerServer } from "./index.ts";

/** A raw GET, so that paths like /../x reach the server unnormalised. */
function get(url: string, path: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("resolveStaticPath", () => {
  const root = join(tmpdir(), "dist-root");
  it("maps URL paths into the root and refuses to leave it", () => {
    expect(resolveStaticPath(root, "/")).toBe(join(root, "index.html"));
    expect(resolveStaticPath(root, "/assets/a.js")).toBe(join(root, "assets", "a.js"));
    expect(resolveStaticPath(root, "/../secret")).toBeNull();
    expect(resolveStaticPath(root, "/%2e%2e/secret")).toBeNull();
    expect(resolveStaticPath(root, "/assets/..%2f..%2fsecret")).toBeNull();
    expect(resolveStaticPath(root, "/a%00b")).toBeNull();
    expect(resolveStaticPath(root, "/..%5csecret")).toBeNull();
    expect(resolveStaticPath(root, "/%E0%A4%A")).toBeNull();
  });

  it("knows the content types it serves", () => {
    expect(contentType("a.html")).toMatch(/^text\/html/);
    expect(contentType("a.JS")).toMatch(/^text\/javascript/);
    expect(contentType("a.css")).toMatch(/^text\/css/);
    expect(contentType("a.bin")).toBe("application/octet-stream");
  });
});

describe("startViewerServer", () => {
  let tmp: string;
  let dist: string;
  let server: ViewerServer;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "kg-viewer-server-"));
    dist = join(tmp, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>viewer</title>");
    writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(tmp, "secret.txt"), "secret");
    writeFileSync(join(tmp, "graph.json"), JSON.stringify({ nodes: [], edges: [], from: "file" }));
    server = await startViewerServer({ distDir: dist, graphPath: join(tmp, "graph.json") });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("binds to 127.0.0.1 on a free port by default", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves the app with content types", async () => {
    const index = await get(server.url, "/");
    expect(index).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(index.body).toContain("<title>viewer</title>");
    expect(await get(server.url, "/assets/app.js?v=1")).toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
    expect((await get(server.url, "/nope.js")).status).toBe(404);
    expect((await get(server.url, "/assets")).status).toBe(404);
    expect((await get(server.url, "/", "POST")).status).toBe(405);
    expect(await get(server.url, "/", "HEAD")).toMatchObject({ status: 200, body: "" });
  });

  it("serves the graph file, re-read on every request", async () => {
    expect(JSON.parse((await get(server.url, "/graph.json")).body)).toMatchObject({ from: "file" });
    writeFileSync(join(tmp, "graph.json"), JSON.stringify({ nodes: [], edges: [], from: "rebuilt" }));
    const again = await get(server.url, "/graph.json");
    expect(again.type).toBe("application/json; charset=utf-8");
    expect(JSON.parse(again.body)).toMatchObject({ from: "rebuilt" });
  });

  it("does not serve files outside dist", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt"]) {
      const r = await get(server.url, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body).not.toContain("secret");
    }
  });

  it("serves a graph object and reports a missing graph file", async () => {
    const withObject = await startViewerServer({ distDir: dist, graph: { nodes: [{ key: "x" }], edges: [] } });
    const missing = await startViewerServer({ distDir: dist, graphPath: join(tmp, "missing.json") });
    try {
      expect(JSON.parse((await get(withObject.url, "/graph.json")).body).nodes[0].key).toBe("x");
      expect((await get(missing.url, "/graph.json")).status).toBe(404);
    } finally {
      await withObject.close();
      await missing.close();
    }
  });

  it("refuses to start when the viewer is not built", async () => {
    await expect(startViewerServer({ distDir: join(tmp, "no-dist") })).rejects.toThrow(NOT_BUILT_MESSAGE);
  });
});
