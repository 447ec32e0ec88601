import { access } from "node:fs/promises";
import { info } from "../log.ts";

/** How many ports after the default one `kg serve` tries when it was not given a port. */
const PORTS_TO_TRY = 20;

const inUse = (err: unknown) => (err as NodeJS.ErrnoException)?.code === "EADDRINUSE";

export async function serveCommand(graphPath: string, opts: { port: number; host: string; portGiven?: boolean }): Promise<number> {
  await access(graphPath).catch(() => {
    throw new Error(`${graphPath}: no such graph file (build one with: pnpm kg build <articles> -o ${graphPath})`);
  });
  const { startViewerServer } = await import("newskg-viewer/server");
  // A port the user chose is theirs: when it is taken, say so. The default one
  // (5173, often held by another dev server) gives way to the next free one.
  const last = opts.portGiven || opts.port === 0 ? opts.port : opts.port + PORTS_TO_TRY;
  let server;
  for (let port = opts.port; ; port++) {
    try {
      server = await startViewerServer({ graphPath, port, host: opts.host });
      if (port !== opts.port) info(`port ${opts.port} is in use; serving on ${port} instead`);
      break;
    } catch (err) {
      if (!inUse(err)) throw err;
      if (opts.portGiven) throw new Error(`port ${opts.port} on ${opts.host} is in use: choose another with --port N, or --port 0 for any free port`);
      if (port >= last) throw new Error(`ports ${opts.port}–${last} on ${opts.host} are in use: choose one with --port N, or --port 0 for any free port`);
    }
  }
  info(`Serving ${graphPath}`);
  process.stdout.write(`Viewer: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
