import { describe, expect, it } from "vitest";
import { createProgress, type ProgressStream } from "./progress.ts";

function fakeTerminal(isTTY: boolean) {
  const lines: string[] = [];
  const stream = { isTTY, write: (s: string) => lines.push(s) > 0 } as unknown as ProgressStream;
  return { stream, lines, last: () => lines.at(-1)?.replace("\r\x1b[2K", "") };
}

describe("progress line", () => {
  it("shows done/total, words per second, ETA and errors on a terminal", () => {
    const term = fakeTerminal(true);
    let now = 0;
    const p = createProgress(true, term.stream, () => now);
    p.setTotal(4);
    now = 1000;
    p.tick(300);
    expect(term.last()).toBe("1/4 articles  300 words/s  ETA 3 s");
    now = 2000;
    p.error();
    expect(term.last()).toBe("1/4 articles  150 words/s  ETA 6 s  1 error(s)");
    now = 4000;
    p.tick(500);
    expect(term.last()).toBe("2/4 articles  200 words/s  ETA 4 s  1 error(s)");
  });

  it("redraws at most every 200 ms, and always at the end without an ETA", () => {
    const term = fakeTerminal(true);
    let now = 0;
    const p = createProgress(true, term.stream, () => now);
    p.setTotal(3);
    now = 500;
    p.tick(10);
    now = 550;
    p.tick(10);
    expect(term.lines).toHaveLength(1);
    now = 1000;
    p.tick(10);
    p.done();
    expect(term.lines.at(-2)).toContain("3/3 articles");
    expect(term.lines.at(-2)).not.toContain("ETA");
    expect(term.lines.at(-1)).toBe("\n");
  });

  it("counts without a total when the input is streamed", () => {
    const term = fakeTerminal(true);
    let now = 0;
    const p = createProgress(true, term.stream, () => now);
    now = 1000;
    p.tick(50);
    expect(term.last()).toBe("1 articles  50 words/s");
  });

  it("writes nothing when not a terminal or with --quiet", () => {
    for (const [enabled, tty] of [[true, false], [false, true]] as const) {
      const term = fakeTerminal(tty);
      let now = 0;
      const p = createProgress(enabled, term.stream, () => now);
      now = 1000;
      p.tick(10);
      p.error();
      p.done();
      expect(term.lines).toEqual([]);
    }
  });
});
