import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanInputs } from "./scan.ts";

const settle = () => new Promise((r) => setTimeout(r, 150));

const scratch = mkdtempSync(join(tmpdir(), "kg-scan-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function corpus() {
  const dir = mkdtempSync(join(scratch, "t-"));
  mkdirSync(join(dir, "in", "sub"), { recursive: true });
  writeFileSync(join(dir, "in", "a.txt"), "Angela Merkel visited Paris.\n");
  writeFileSync(join(dir, "in", "sub", "b.txt"), "Canada sent aid to Chile.\n");
  writeFileSync(join(dir, "in", "empty.txt"), "");
  await settle(); // files written just now are read again next time (see scan.ts)
  const options = { maxBytes: 1024 * 1024, fingerprint: "test", cacheDir: join(dir, "cache") };
  return { dir, input: join(dir, "in"), options, scan: () => scanInputs([join(dir, "in")], options) };
}

describe("scanInputs", () => {
  it("reads a file only when its stat changed, and keys it by content", async () => {
    const { input, scan } = await corpus();
    const first = await scan();
    expect(first.read).toBe(3);
    expect(first.keys).toHaveLength(2);
    expect(first.problems.map((p) => p.message)).toEqual(["empty file, skipped"]);
    const second = await scan();
    expect(second.read).toBe(0);
    expect(second.keys).toEqual(first.keys);
    expect(second.problems).toEqual(first.problems); // problems are reported again without reading

    // Same size, modification time set back: the status-change time still gives it away.
    const file = join(input, "a.txt");
    const before = statSync(file);
    writeFileSync(file, "Angela Merkel visited Lyons.\n");
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const third = await scan();
    expect(third.read).toBe(1);
    expect(third.keys[0]).not.toBe(first.keys[0]);
    expect(third.keys[1]).toBe(first.keys[1]);
  });

  it("sees files added, removed and replaced", async () => {
    const { input, scan } = await corpus();
    const first = await scan();
    await scan();
    writeFileSync(join(input, "c.txt"), "Peru sent aid to Chile.\n");
    const added = await scan();
    expect(added.read).toBe(1);
    expect(added.keys).toHaveLength(3);
    // Replaced by another file with the same name (new inode), then removed.
    writeFileSync(join(input, "c2.txt"), "Peru sent aid to Bolivia.\n");
    renameSync(join(input, "c2.txt"), join(input, "c.txt"));
    const replaced = await scan();
    expect(replaced.read).toBe(1);
    expect(replaced.keys[1]).not.toBe(added.keys[1]);
    rmSync(join(input, "c.txt"));
    expect((await scan()).keys).toEqual(first.keys);
  });

  it("reads everything again for another extractor or size limit, and without a cache folder", async () => {
    const { input, options, scan } = await corpus();
    await scan();
    await scan();
    expect((await scanInputs([input], { ...options, fingerprint: "other" })).read).toBe(3);
    expect((await scanInputs([input], { ...options, maxBytes: 10 })).problems.filter((p) => p.message.includes("limit"))).toHaveLength(2);
    expect((await scanInputs([input], { maxBytes: options.maxBytes, fingerprint: "test" })).read).toBe(3);
  });

  it("does not trust the stat of a file that changed a moment before it was read", async () => {
    const { input, scan } = await corpus();
    await scan();
    // Changed "a moment ago" whatever the machine's speed: a modification time in the future.
    const file = join(input, "a.txt");
    writeFileSync(file, "Angela Merkel visited Berlin.\n");
    const soon = new Date(Date.now() + 60_000);
    utimesSync(file, soon, soon);
    const right = await scan();
    expect(right.read).toBe(1); // read...
    const again = await scan();
    expect(again.read).toBe(1); // ...but not recorded
    expect(again.keys).toEqual(right.keys);
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    await settle();
    expect((await scan()).keys).toEqual(right.keys);
    expect((await scan()).read).toBe(0);
  });
});
