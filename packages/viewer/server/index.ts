/**
 * A small static server for the built viewer: serves `dist/` and the graph at
 * `/graph.json`. Only node:http; binds to 127.0.0.1 unless told otherwise.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface ViewerServerOptions {
  /** A graph.json file, read on every request (so a rebuilt graph shows on reload). */
  graphPath?: string;
  /** A graph object (graphology export), served instead of graphPath. */
  graph?: object;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the viewer is not exposed to the network unless asked. */
  host?: string;
  /** The built viewer; defaults to this package's dist/. */
  distDir?: string;
}

export interface ViewerServer {
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_DIST_DIR = fileURLToPath(new URL("../dist/", import.meta.url));

export const NOT_BUILT_MESSAGE = "viewer is not built: run pnpm --filter newskg-viewer build";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The file under `root` that a URL path names, or null when the path is
 * malformed or would leave `root` (`..`, encoded slashes, NUL bytes).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const relative = decoded.replace(/^\/+/, "") || "index.html";
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...SECURITY_HEADERS });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

export async function startViewerServer(options: ViewerServerOptions = {}): Promise<ViewerServer> {
  const distDir = resolve(options.distDir ?? DEFAULT_DIST_DIR);
  try {
    await stat(join(distDir, "index.html"));
  } catch {
    throw new Error(NOT_BUILT_MESSAGE);
  }
  const host = options.host ?? "127.0.0.1";
  const graphBody = options.graph !== undefined ? JSON.stringify(options.graph) : null;
  const graphPath = options.graphPath ? resolve(options.graphPath) : null;

  const serveGraph = async (res: ServerResponse) => {
    if (graphBody !== null) return send(res, 200, graphBody, CONTENT_TYPES[".json"]);
    if (!graphPath) return send(res, 404, "no graph given to the viewer server");
    let body: Buffer;
    try {
      body = await readFile(graphPath);
    } catch (err) {
      return send(res, 404, `graph not found: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[".json"],
      "content-length": body.length,
      "cache-control": "no-cache",
      ...SECURITY_HEADERS,
    });
    res.end(res.req.method === "HEAD" ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "method not allowed");
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? "/", "http://viewer.invalid").pathname;
    } catch {
      return send(res, 400, "bad request");
    }
    if (pathname === "/graph.json") return serveGraph(res);
    const file = resolveStaticPath(distDir, pathname);
    if (!file) return send(res, 403, "forbidden");
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(res, 404, "not found");
    }
    if (!info.isFile()) return send(res, 404, "not found");
    res.writeHead(200, {
      "content-type": contentType(file),
      "content-length": info.size,
      // Vite's hashed assets never change; index.html must be re-read.
      "cache-control": file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      ...SECURITY_HEADERS,
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "internal error");
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  // A wildcard bind is reachable on loopback; print that rather than 0.0.0.0.
  const shown = address.address === "0.0.0.0" ? "127.0.0.1" : address.address === "::" ? "::1" : address.address;
  const urlHost = shown.includes(":") ? `[${shown}]` : shown;
  return {
    url: `http://${urlHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
export { writeStaticSite } from "./site.ts";
