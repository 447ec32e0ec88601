/** Messages for people go to standard error; standard output carries data only. */
export function warn(message: string): void {
  process.stderr.write(`kg: ${message}\n`);
}
export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

let lastLap = 0;
/** With KG_TIMINGS set, how long each stage of a command took (the first counts from process start). */
export function lap(stage: string): void {
  if (!process.env.KG_TIMINGS) return;
  const now = performance.now();
  process.stderr.write(`kg timing: ${stage} ${(now - lastLap).toFixed(0)} ms (${now.toFixed(0)} ms since start)\n`);
  lastLap = now;
}
