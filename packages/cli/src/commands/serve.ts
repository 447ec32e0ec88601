import { access } from "node:fs/promises";
import { info } from "../log.ts";

export async function serveCommand(graphPath: string, opts: { port: number; host: string }): Promise<number> {
  await access(graphPath).catch(() => {
    throw new Error(`${graphPath}: no such graph file (build one with: pnpm kg build <articles> -o ${graphPath})`);
  });
  const { startViewerServer } = await import("@kg/viewer/server");
  const server = await startViewerServer({ graphPath, port: opts.port, host: opts.host });
  info(`Serving ${graphPath}`);
  process.stdout.write(`Viewer: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
