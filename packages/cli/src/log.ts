/** Messages for people go to standard error; standard output carries data only. */
export function warn(message: string): void {
  process.stderr.write(`kg: ${message}\n`);
}
export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}
