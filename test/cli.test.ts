import { describe, expect, it, afterAll, beforeAll } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { kg, repoRoot, seedArticlesDir, sharedDir } from "./helpers/kg.ts";

// Every folder a test makes lives under one root, removed when the file's tests end.
const scratch = mkdtempSync(join(tmpdir(), "kg-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const tmp = () => mkdtempSync(join(scratch, "t-"));
const lines = (s: string) => s.split("\n").filter(Boolean);

describe("kg extract", () => {
  let out: string;
  let triples: any[];
  beforeAll(() => {
    out = join(tmp(), "t.jsonl");
    const r = kg(["extract", seedArticlesDir, "-o", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/3 article\(s\), \d+ triple\(s\)/);
    triples = lines(readFileSync(out, "utf8")).map((l) => JSON.parse(l));
  });

  it("writes one triple a line in the documented contract", () => {
    expect(triples.length).toBeGreaterThan(20);
    for (const t of triples) {
      expect(t.subject).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), type: expect.any(String) }));
      expect(t.object).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), type: expect.any(String) }));
      expect(typeof t.predicate).toBe("string");
      expect(t.evidence).toEqual(expect.objectContaining({ article: expect.stringMatching(/\.txt$/), text: expect.any(String), start: expect.any(Number), end: expect.any(Number) }));
      expect(t.confidence).toBeGreaterThanOrEqual(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
      if (t.date) expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("finds Vladimir Putin –meet→ Xi Jinping with its sentence, offsets into the file as read", () => {
    const t = triples.find((x) => x.subject.name === "Vladimir Putin" && x.predicate === "meet" && x.object.name === "Xi Jinping");
    expect(t).toBeDefined();
    const file = readFileSync(join(seedArticlesDir, t.evidence.article), "utf8");
    expect(file.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
    expect(t.evidence.text).toContain("met China’s leader Xi Jinping");
    expect(t.date).toBe("2022-02-04");
  });

  it("keeps the inline date header out of the extracted text", () => {
    for (const t of triples) expect(t.evidence.text).not.toMatch(/^\s*date \d{4}/);
    expect(triples.some((t) => t.subject.name.match(/^\d/) || t.object.name.match(/^\d{4}-/))).toBe(false);
  });

  it("writes only JSON Lines to standard output when no -o is given", () => {
    const r = kg(["extract", join(seedArticlesDir, "000_49ebbc21649a1f36.txt")]);
    expect(r.status).toBe(0);
    for (const l of lines(r.stdout)) expect(() => JSON.parse(l)).not.toThrow();
    expect(r.stderr).toContain("1 article(s)");
  });

  it("leaves out the triples less sure than --min-confidence, says how many, and writes every one with 0", () => {
    const article = join(seedArticlesDir, "001_082474588e3d8364.txt");
    const all = lines(kg(["extract", article, "--min-confidence", "0"]).stdout).map((l) => JSON.parse(l));
    const sure = kg(["extract", article, "--min-confidence", "0.8"]);
    const kept = lines(sure.stdout).map((l) => JSON.parse(l));
    const below = all.filter((t) => t.confidence < 0.8);
    expect(below.length).toBeGreaterThan(0);
    expect(kept.length).toBe(all.length - below.length);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((t) => t.confidence >= 0.8)).toBe(true);
    expect(sure.stderr).toContain(`${below.length} triple(s) less sure than --min-confidence 0.8 left out (--min-confidence 0 keeps them all)`);
  });

  it("reads an article from standard input", () => {
    const r = kg(["extract", "-"], { input: "Angela Merkel visited Paris and met Emmanuel Macron.\n" });
    const got = lines(r.stdout).map((l) => JSON.parse(l));
    expect(got.some((t) => t.subject.name === "Angela Merkel" && t.predicate === "meet" && t.object.name === "Emmanuel Macron" && t.evidence.article === "stdin")).toBe(true);
  });

  it("reads JSON Lines articles with their own ids and dates", () => {
    const dir = tmp();
    const file = join(dir, "articles.jsonl");
    writeFileSync(file, JSON.stringify({ id: "a-1", title: "T", date: "2023-11-08", text: "Mr Sunak on Monday visited Kenya." }) + "\nnot json\n");
    const r = kg(["extract", file]);
    const got = lines(r.stdout).map((l) => JSON.parse(l));
    expect(got[0]).toEqual(expect.objectContaining({ predicate: "visit", date: "2023-11-06", evidence: expect.objectContaining({ article: "a-1" }) }));
    expect(r.stderr).toContain("articles.jsonl:2: bad JSON Lines record");
  });

  it("reads JSON Lines articles from standard input, each under its own id", () => {
    const input = [
      { id: "wire-1", date: "2023-11-08", text: "Mr Sunak on Monday visited Kenya." },
      { id: "wire-2", text: "Angela Merkel visited Paris and met Emmanuel Macron." },
    ].map((a) => JSON.stringify(a)).join("\n") + "\n";
    const r = kg(["extract", "-"], { input });
    expect(r.stderr).toContain("2 article(s)");
    const got = lines(r.stdout).map((l) => JSON.parse(l));
    expect(got.find((t) => t.predicate === "visit" && t.object.name === "Kenya")).toEqual(expect.objectContaining({ date: "2023-11-06", evidence: expect.objectContaining({ article: "wire-1" }) }));
    expect(got.some((t) => t.predicate === "meet" && t.evidence.article === "wire-2")).toBe(true);
  });

  it("skips, with a message, a plain-text standard input over --max-size", () => {
    const r = kg(["extract", "-", "--max-size", "1"], { input: "Angela Merkel visited Paris. ".repeat(40_000) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/stdin: over the 1 MB limit for one article, skipped/);
  });
});

describe("bad input", () => {
  it("names each bad file, says what is wrong, and still extracts the rest", () => {
    const dir = tmp();
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("Zo\xe9 Dubois met Emmanuel Macron in Lyon.\n", "latin1"));
    writeFileSync(join(dir, "huge.txt"), "word ".repeat(10 * 1024 * 1024)); // 50 MB
    writeFileSync(join(dir, "page.html"), "<html><body><p>Angela Merkel visited Paris and met Emmanuel Macron.</p><script>alert(1)</script></body></html>");
    writeFileSync(join(dir, "good.txt"), "Canada sent aid to Chile and Peru.\n");
    const r = kg(["extract", dir, "--min-confidence", "0"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/empty\.txt: empty file, skipped/);
    expect(r.stderr).toMatch(/binary\.txt: binary file/);
    expect(r.stderr).toMatch(/latin1\.txt: not valid UTF-8; read as Latin-1/);
    expect(r.stderr).toMatch(/huge\.txt: 50\.0 MB is over the 10 MB limit/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    const got = lines(r.stdout).map((l) => JSON.parse(l));
    expect(got.some((t) => t.evidence.article === "good.txt" && t.object.name === "Peru")).toBe(true);
    expect(got.some((t) => t.evidence.article === "latin1.txt" && t.subject.name === "Zoé Dubois" && t.object.name === "Emmanuel Macron")).toBe(true);
    expect(r.stderr).toMatch(/page\.html: looks like HTML; markup ignored/);
    const html = got.find((t) => t.evidence.article === "page.html" && t.predicate === "meet");
    expect(html).toBeDefined();
    expect(html.evidence.text).toBe("Angela Merkel visited Paris and met Emmanuel Macron.");
  });

  it("skips a folder's README and licence, saying which and why; a README named on its own is read", () => {
    const dir = tmp();
    writeFileSync(join(dir, "README.TXT"), "Consists of 2 documents from a news website.\nAll rights reserved.\n");
    writeFileSync(join(dir, "LICENSE.md"), "Permission is hereby granted, free of charge.\n");
    writeFileSync(join(dir, "story.txt"), "Canada sent aid to Chile and Peru.\n");
    const r = kg(["extract", dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${join(dir, "README.TXT")}: skipped: a README file, not an article`);
    expect(r.stderr).toContain(`${join(dir, "LICENSE.md")}: skipped: a licence file, not an article`);
    expect(r.stderr).toMatch(/^1 article\(s\), \d+ triple\(s\)$/m); // a skipped README is no problem
    const built = kg(["build", dir, "-o", join(dir, "out", "graph.json")]);
    expect(built.stderr).toContain("README.TXT: skipped: a README file, not an article");
    expect(built.stderr).toContain("1 article(s)");
    expect(kg(["extract", join(dir, "README.TXT")]).stderr).toContain("1 article(s)");
  });

  it("names the JSON Lines record (file:line (id)) and writes every problem to --errors as JSON Lines", () => {
    const dir = tmp();
    const file = join(dir, "wire.jsonl");
    writeFileSync(file, [JSON.stringify({ id: "w-1", text: "Canada sent aid to Chile." }), JSON.stringify({ id: "w-2", title: "No body" }), "{not json", ""].join("\n"));
    writeFileSync(join(dir, "empty.txt"), "");
    const errors = join(tmp(), "triage", "errors.jsonl"); // outside the folder read: it is JSON Lines too
    const r = kg(["extract", dir, "--errors", errors]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${file}:2 (w-2): bad JSON Lines record: no text field`);
    expect(r.stderr).toContain(`${file}:3: bad JSON Lines record`);
    const filed = lines(readFileSync(errors, "utf8")).map((l) => JSON.parse(l));
    expect(filed).toEqual([
      { severity: "error", file: join(dir, "empty.txt"), message: "empty file, skipped" },
      { severity: "error", file, line: 2, id: "w-2", message: "bad JSON Lines record: no text field" },
      expect.objectContaining({ severity: "error", file, line: 3, message: expect.stringMatching(/^bad JSON Lines record: /) }),
    ]);
    // build writes the same file, and a clean run leaves it empty
    const b = kg(["build", file, "-o", join(dir, "graph.json"), "--errors", errors]);
    expect(b.status).toBe(0);
    expect(lines(readFileSync(errors, "utf8")).map((l) => JSON.parse(l).line)).toEqual([2, 3]);
    writeFileSync(file, JSON.stringify({ id: "w-1", text: "Canada sent aid to Chile." }) + "\n");
    expect(kg(["extract", file, "--errors", errors]).status).toBe(0);
    expect(readFileSync(errors, "utf8")).toBe("");
  });

  it("extracts hard-wrapped Reuters copy whole: record reut-28 once lost its article to a TypeError", () => {
    const record = readFileSync(join(sharedDir, "bench", "news", "reuters21578", "articles.jsonl"), "utf8")
      .split("\n")
      .find((l) => l.startsWith('{"id": "reut-28"'))!;
    const dir = tmp();
    writeFileSync(join(dir, "r.jsonl"), record + "\n");
    const r = kg(["extract", join(dir, "r.jsonl"), "--errors", join(dir, "errors.jsonl")]);
    expect(r.stderr).toMatch(/^1 article\(s\), \d+ triple\(s\)$/m);
    expect(readFileSync(join(dir, "errors.jsonl"), "utf8")).toBe("");
    const triples = lines(r.stdout).map((l) => JSON.parse(l));
    // a sentence wrapped over two lines: "... board chairman John\nTower, a longtime Reagan supporter ..."
    expect(triples.some((t) => t.evidence.text.includes("\n"))).toBe(true);
    const text = JSON.parse(record).text as string;
    for (const t of triples) expect(text.slice(t.evidence.start, t.evidence.end)).toBe(t.evidence.text);
  });

  it("says so plainly when a path does not exist, and fails when nothing could be read", () => {
    const r = kg(["extract", "no/such/folder"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no/such/folder: no such file or folder");
  });
});

describe("kg build", () => {
  it("writes the graph in every format asked for", () => {
    const dir = tmp();
    const r = kg(["build", seedArticlesDir, "-o", join(dir, "graph.json"), "--format", "json,gexf,graphml,csv"]);
    expect(r.status).toBe(0);
    for (const f of ["graph.json", "graph.gexf", "graph.graphml", "graph-neo4j-import/nodes.csv", "graph-neo4j-import/relationships.csv"]) expect(existsSync(join(dir, f))).toBe(true);
    const g = JSON.parse(readFileSync(join(dir, "graph.json"), "utf8"));
    expect(g.nodes.find((n: any) => n.key === "person:vladimir-putin").attributes.label).toBe("Vladimir Putin");
    expect(g.edges.some((e: any) => e.key === "person:vladimir-putin|meet|person:xi-jinping")).toBe(true);
    expect(g.attributes.articles).toHaveLength(3);
  });

  it("writes a static site (viewer + graph) with --site", () => {
    const dir = tmp();
    const r = kg(["build", seedArticlesDir, "-o", join(dir, "graph.json"), "--site", join(dir, "site")]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "site", "index.html"), "utf8")).toContain("<html");
    expect(readFileSync(join(dir, "site", "graph.json"), "utf8")).toBe(readFileSync(join(dir, "graph.json"), "utf8"));
  });

  it("rejects an unknown format with one clear line and exit code 2", () => {
    const r = kg(["build", seedArticlesDir, "-o", join(tmp(), "g.json"), "--format", "pdf"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("kg: unknown format pdf: choose from json, gexf, graphml, csv");
  });
});

describe("kg openie and kg ner", () => {
  it("openie prints CaRB system-output lines that echo the sentence", () => {
    const dir = tmp();
    const file = join(dir, "s.txt");
    const sentence = "The European Union has accused Hungary of blocking the deal .";
    writeFileSync(file, sentence + "\n");
    const r = kg(["openie", file]);
    expect(r.status).toBe(0);
    const rows = lines(r.stdout).map((l) => l.split("\t"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[0]).toBe(sentence);
      expect(Number(row[1])).toBeGreaterThan(0);
    }
    expect(rows.some((row) => row[2]!.includes("accused") && row[3] === "The European Union" && row[4]!.startsWith("Hungary"))).toBe(true);
  });

  it("ner tags every CoNLL token in order, keeping blank and -DOCSTART- lines", () => {
    const dir = tmp();
    const file = join(dir, "x.conll");
    writeFileSync(file, "-DOCSTART- O\n\nAngela I-PER\nMerkel I-PER\nvisited O\nParis I-LOC\n. O\n\n");
    const r = kg(["ner", "--conll", file]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")).toEqual(["-DOCSTART- O", "", "Angela B-PER", "Merkel I-PER", "visited O", "Paris B-LOC", ". O", "", ""]);
  });
});

it("the shared data the tests read is present", () => {
  expect(existsSync(join(sharedDir, "articles"))).toBe(true);
  mkdirSync(tmp(), { recursive: true });
});

describe("parallel and incremental extraction", () => {
  it("writes the same triples in the same order with one worker or several", () => {
    const one = kg(["extract", seedArticlesDir, "--workers", "1", "--no-cache"]);
    const two = kg(["extract", seedArticlesDir, "--workers", "3", "--no-cache"]);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(lines(one.stdout).length).toBeGreaterThan(20);
  });

  it("re-extracts only what changed, and gives what a clean run gives", () => {
    const dir = tmp();
    const cache = join(dir, "cache");
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in", "a.txt"), "Angela Merkel visited Paris and met Emmanuel Macron.\n");
    writeFileSync(join(dir, "in", "b.txt"), "Canada sent aid to Chile and Peru.\n");
    const first = kg(["extract", join(dir, "in"), "--cache", cache]);
    expect(first.stderr).toContain("2 article(s),");
    const again = kg(["extract", join(dir, "in"), "--cache", cache]);
    expect(again.stderr).toContain("2 article(s) (2 from cache)");
    expect(again.stdout).toBe(first.stdout);
    writeFileSync(join(dir, "in", "b.txt"), "Canada sent aid to Chile and Bolivia.\n");
    const changed = kg(["extract", join(dir, "in"), "--cache", cache]);
    expect(changed.stderr).toContain("2 article(s) (1 from cache)");
    expect(changed.stdout).toBe(kg(["extract", join(dir, "in"), "--no-cache"]).stdout);
    expect(changed.stdout).toContain("Bolivia");
  });
});

describe("incremental build", () => {
  it("reuses the graph when nothing changed, and rebuilds only what changed otherwise", () => {
    const dir = tmp();
    const cache = join(dir, "cache");
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in", "a.txt"), "Angela Merkel visited Paris and met Emmanuel Macron.\n");
    writeFileSync(join(dir, "in", "b.txt"), "Canada sent aid to Chile and Peru.\n");
    const out = join(dir, "graph.json");
    const build = (extra: string[] = ["--cache", cache]) => kg(["build", join(dir, "in"), "-o", out, ...extra]);
    expect(build().stderr).toContain("2 article(s) ->");
    const first = readFileSync(out, "utf8");
    const warm = build();
    expect(warm.stderr).toContain("2 article(s), unchanged since the last build");
    expect(readFileSync(out, "utf8")).toBe(first);
    writeFileSync(join(dir, "in", "b.txt"), "Canada sent aid to Chile and Bolivia.\n");
    expect(build().stderr).toContain("2 article(s) (1 from cache)");
    const incremental = readFileSync(out, "utf8");
    build(["--no-cache"]);
    expect(incremental).toBe(readFileSync(out, "utf8"));
    expect(incremental).toContain("Bolivia");
  });

  it("reads only changed files, sees a change that keeps size and modification time, and gives what a clean run gives", () => {
    const dir = tmp();
    const cache = join(dir, "cache");
    const input = join(dir, "in");
    mkdirSync(input);
    // The seed articles (copied to a temporary folder, never into the repo): their graph has cycles, so the layout cache is used.
    for (const f of readdirSync(seedArticlesDir)) copyFileSync(join(seedArticlesDir, f), join(input, f));
    const out = join(dir, "graph.json");
    const clean = join(dir, "clean.json");
    const build = () => kg(["build", input, "-o", out, "--cache", cache], { env: { KG_TIMINGS: "1" } });
    const cleanBuild = () => {
      expect(kg(["build", input, "-o", clean, "--no-cache"]).status).toBe(0);
      return readFileSync(clean, "utf8");
    };
    expect(build().stderr).toContain("scan (3 of 3 file(s) read)");
    expect(readdirSync(cache).some((f) => f.startsWith("layout-"))).toBe(true);
    const warm = build();
    expect(warm.stderr).toContain("scan (0 of 3 file(s) read)");
    expect(warm.stderr).toContain("3 article(s), unchanged since the last build");
    expect(readFileSync(out, "utf8")).toBe(cleanBuild());

    // The same number of bytes, and the modification time put back.
    const [first] = readdirSync(input).sort();
    const file = join(input, first!);
    const before = statSync(file);
    const text = readFileSync(file, "utf8");
    const edited = text.replace("Russia", "RUSSIA");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    const changed = build();
    expect(changed.stderr).toContain("scan (1 of 3 file(s) read)");
    expect(changed.stderr).toContain("3 article(s) (2 from cache)");
    expect(readFileSync(out, "utf8")).toBe(cleanBuild());

    // An article added, then removed again.
    writeFileSync(join(input, "new.txt"), "Angela Merkel visited Paris and met Emmanuel Macron.\n");
    expect(build().stderr).toContain("4 article(s) (3 from cache)");
    expect(readFileSync(out, "utf8")).toBe(cleanBuild());
    rmSync(join(input, "new.txt"));
    expect(build().stderr).toContain("3 article(s), unchanged since the last build");
    expect(readFileSync(out, "utf8")).toBe(cleanBuild());
  });
});


describe("usage errors exit 2, as documented", () => {
  it.each([
    ["no command", [], /Usage: kg/],
    ["build with no input", ["build"], /^kg: missing required argument 'inputs'/],
    ["an unknown option", ["build", "x", "--bogus"], /^kg: unknown option '--bogus'/],
    ["an unknown command", ["frobnicate"], /^kg: unknown command 'frobnicate'/],
    ["a port that is not a number", ["serve", "--port", "abc"], /^kg: option .* argument 'abc' is invalid/],
  ])("%s", (_name, args, message) => {
    const r = kg(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("help is not an error", () => {
    const r = kg(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: kg");
  });
});

describe("kg serve on a busy port", () => {
  const listen = (port: number) =>
    new Promise<Server | null>((resolve) => {
      const s = createServer();
      s.once("error", () => resolve(null)); // already taken by something else: busy either way
      s.listen(port, "127.0.0.1", () => resolve(s));
    });
  const graphFile = () => {
    const file = join(tmp(), "graph.json");
    writeFileSync(file, JSON.stringify({ attributes: {}, options: { type: "directed", multi: true }, nodes: [], edges: [] }));
    return file;
  };

  it("names the port and suggests --port 0 when the port asked for is taken", async () => {
    const blocker = (await listen(0))!;
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = kg(["serve", graphFile(), "--port", String(port)]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(`kg: port ${port} on 127.0.0.1 is in use: choose another with --port N, or --port 0 for any free port`);
    } finally {
      blocker.close();
    }
  });

  it("moves to the next free port when none was asked for and the default is taken", async () => {
    const blocker = await listen(5173);
    const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(repoRoot, "packages/cli/src/main.ts"), "serve", graphFile()], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let stdout = "";
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding("utf8").on("data", (c: string) => {
          stdout += c;
          const m = /Viewer: (\S+)/.exec(stdout);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`kg serve exited ${code}: ${stderr}`)));
      });
      expect(url).not.toContain(":5173/");
      expect(stderr).toMatch(/port 5173 is in use; serving on \d+ instead/);
      expect((await fetch(new URL("graph.json", url))).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      blocker?.close();
    }
  });
});
