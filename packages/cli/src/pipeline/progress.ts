/**
 * Progress on a terminal: articles done/total, words per second, ETA and
 * errors so far, redrawn at most a few times a second. Silent when standard
 * error is not a terminal or with --quiet.
 */
export interface Progress {
  tick(words: number): void;
  error(): void;
  setTotal(total: number): void;
  done(): void;
}

/** The part of a terminal stream progress needs (a test passes a fake one). */
export type ProgressStream = Pick<NodeJS.WriteStream, "isTTY" | "write">;

export function createProgress(enabled: boolean, stream: ProgressStream = process.stderr, clock: () => number = () => performance.now()): Progress {
  const on = enabled && stream.isTTY === true;
  const started = clock();
  let total = 0;
  let count = 0;
  let words = 0;
  let errors = 0;
  let lastDraw = 0;
  const draw = (force = false) => {
    if (!on) return;
    const now = clock();
    if (!force && now - lastDraw < 200) return;
    lastDraw = now;
    const secs = (now - started) / 1000;
    const rate = words / Math.max(secs, 1e-3);
    const eta = total && count ? ((total - count) * secs) / count : 0;
    const parts = [`${count}${total ? `/${total}` : ""} articles`, `${Math.round(rate).toLocaleString("en")} words/s`];
    if (total && count < total) parts.push(`ETA ${eta.toFixed(0)} s`);
    if (errors) parts.push(`${errors} error(s)`);
    stream.write(`\r\x1b[2K${parts.join("  ")}`);
  };
  return {
    tick(w) {
      count++;
      words += w;
      draw();
    },
    error() {
      errors++;
      draw();
    },
    setTotal(t) {
      total = t;
    },
    done() {
      if (!on) return;
      draw(true);
      stream.write("\n");
    },
  };
}
