import { describe, expect, it } from "vitest";
import { buildFixtureGraph, withStatementModes } from "../../../e2e/fixtures.ts";
import type { EvidenceItem } from "../types.ts";
import { articleInfo, highlightSentence, neighbourhood, popHistory, pushHistory, relationsOf, type History } from "./index.ts";

const graph = buildFixtureGraph();

describe("relationsOf", () => {
  it("groups by predicate and direction with headings", () => {
    const groups = relationsOf(graph, "person:vladimir-putin");
    const meet = groups.find((g) => g.predicate === "meet" && g.direction === "out")!;
    expect(meet.heading).toBe("meet →");
    expect(meet.items.map((i) => i.otherLabel)).toEqual(["Xi Jinping"]);
    expect(meet.items[0]!.evidence).toHaveLength(2);
    const invited = groups.find((g) => g.predicate === "invite")!;
    expect(invited).toMatchObject({ direction: "in", heading: "← invite" });
    expect(invited.items[0]!.other).toBe("person:xi-jinping");
    const leader = groups.find((g) => g.predicate === "leader of")!;
    expect(leader.heading).toBe("leader of →");
  });

  it("gives each relation its class and how its statements were put", () => {
    const g = withStatementModes();
    const groups = relationsOf(g, "person:xi-jinping");
    const met = groups.find((x) => x.predicate === "meet" && x.direction === "in")!.items[0]!;
    expect(met).toMatchObject({ relation: { id: "CONSULT", label: "meets / consults", cameo: "040", goldstein: 1 }, polarity: "positive", modality: "asserted" });
    expect(met.surface).toEqual(["met", "met again"]);
    const notMet = groups.find((x) => x.predicate === "meet" && x.direction === "out")!.items[0]!;
    expect(notMet).toMatchObject({ other: "person:volodymyr-zelensky", relation: { id: "UNREALISED", group: "other" }, polarity: "negative" });
  });

  it("sorts evidence most confident first and leaves out filtered edges", () => {
    const groups = relationsOf(graph, "person:vladimir-putin", (e) => !e.includes("|meet|"));
    expect(groups.some((g) => g.predicate === "meet" && g.direction === "out")).toBe(false);
    const all = relationsOf(graph, "person:vladimir-putin");
    const ev = all.find((g) => g.predicate === "meet" && g.direction === "out")!.items[0]!.evidence;
    expect(ev[0]!.confidence).toBeGreaterThanOrEqual(ev[1]!.confidence);
  });

  it("lists the neighbourhood", () => {
    const n = neighbourhood(graph, "location:kyiv");
    expect([...n].sort()).toEqual(["equipment:patriot", "location:kyiv", "organization:red-cross", "person:volodymyr-zelensky"]);
  });
});

describe("highlightSentence", () => {
  const base: EvidenceItem = { article: "a", text: "Yesterday Putin met Xi in Beijing.", start: 100, end: 134, confidence: 1 };

  it("places mentions with article offsets relative to the sentence start", () => {
    const segs = highlightSentence({ ...base, subject: { text: "Putin", start: 110, end: 115 }, object: { text: "Xi", start: 120, end: 122 } });
    expect(segs).toEqual([
      { text: "Yesterday ", mark: null },
      { text: "Putin", mark: "subject" },
      { text: " met ", mark: null },
      { text: "Xi", mark: "object" },
      { text: " in Beijing.", mark: null },
    ]);
    expect(segs.map((s) => s.text).join("")).toBe(base.text);
  });

  it("falls back to finding the mention text when offsets do not fit", () => {
    const segs = highlightSentence({ ...base, subject: { text: "Putin", start: 5, end: 10 }, object: { text: "Beijing", start: 9999, end: 10006 } });
    expect(segs.filter((s) => s.mark).map((s) => [s.mark, s.text])).toEqual([
      ["subject", "Putin"],
      ["object", "Beijing"],
    ]);
  });

  it("keeps the text whole when there are no mentions or they overlap", () => {
    expect(highlightSentence(base)).toEqual([{ text: base.text, mark: null }]);
    const segs = highlightSentence({ ...base, subject: { text: "Putin met", start: 110, end: 119 }, object: { text: "met", start: 116, end: 119 } });
    expect(segs.map((s) => s.text).join("")).toBe(base.text);
    expect(segs.filter((s) => s.mark)).toHaveLength(1);
  });

  it("keeps HTML in sentences as plain text", () => {
    const text = "<b>x</b> met <img src=x onerror=alert(1)>";
    const segs = highlightSentence({ ...base, text, start: 0, end: text.length, object: { text: "<img src=x onerror=alert(1)>", start: 13, end: 41 } });
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs[1]).toEqual({ text: "<img src=x onerror=alert(1)>", mark: "object" });
  });
});

describe("history", () => {
  it("pushes the previous selection and pops it back", () => {
    let h: History = { stack: [] };
    h = pushHistory(h, null, { kind: "node", key: "a" });
    expect(h.stack).toEqual([]);
    h = pushHistory(h, { kind: "node", key: "a" }, { kind: "node", key: "b" });
    h = pushHistory(h, { kind: "node", key: "b" }, { kind: "node", key: "b" });
    h = pushHistory(h, { kind: "node", key: "b" }, { kind: "edge", key: "e" });
    expect(h.stack).toHaveLength(2);
    const { history, selection } = popHistory(h);
    expect(selection).toEqual({ kind: "node", key: "b" });
    expect(popHistory(history).selection).toEqual({ kind: "node", key: "a" });
    expect(popHistory({ stack: [] }).selection).toBeNull();
  });
});

describe("articleInfo", () => {
  it("finds titles and dates in the graph's article list", () => {
    expect(articleInfo(graph, "fixture-a.txt")).toMatchObject({ title: "Fixture article A", date: "2024-05-16" });
    expect(articleInfo(graph, "unknown")).toEqual({ id: "unknown", title: null, date: null });
  });
});
