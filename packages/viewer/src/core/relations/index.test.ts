import { describe, expect, it } from "vitest";
import { buildFixtureGraph, withStatementModes } from "../../../e2e/fixtures.ts";
import {
  CATCH_ALL,
  countNonFacts,
  displayGroup,
  edgeClass,
  edgeLabelText,
  formatGoldstein,
  groupOf,
  groupState,
  isFact,
  modeTags,
  nonFactBreakdown,
  nonFactKind,
  relationOptions,
  schemaClass,
  toggleGroup,
} from "./index.ts";

describe("relation classes", () => {
  it("reads labels, groups, CAMEO codes and Goldstein scores from the extractor's schema", () => {
    expect(schemaClass("CONSULT")).toEqual({ id: "CONSULT", label: "meets / consults", group: "cooperation", cameo: "040", goldstein: 1 });
    expect(schemaClass("LEADER_OF")).toEqual({ id: "LEADER_OF", label: "leader of", group: "standing" });
    expect(schemaClass(CATCH_ALL)?.group).toBe("catch-all");
    expect(schemaClass("NOT_A_CLASS")).toBeUndefined();
  });

  it("takes an edge's group, code and score from the edge, the label from the schema or the id", () => {
    expect(edgeClass({ relation: "ACCUSE", relationGroup: "conflict", cameo: "112", goldstein: -2 })).toEqual({ id: "ACCUSE", label: "accuses", group: "conflict", cameo: "112", goldstein: -2 });
    // A class of the user's own schema.
    expect(edgeClass({ relation: "SIGN_TRANSFER", relationGroup: "other" })).toEqual({ id: "SIGN_TRANSFER", label: "sign transfer", group: "other" });
    // No class at all (an old graph): the catch-all; a class without a group: the schema's.
    expect(edgeClass({})).toMatchObject({ id: "RELATED", label: "related to", group: "catch-all" });
    expect(edgeClass({ relation: "CONSULT" })).toMatchObject({ group: "cooperation", cameo: "040", goldstein: 1 });
    expect(groupOf({ relation: "ACCUSE" })).toBe("conflict");
    expect(groupOf({ relation: "ANYTHING" })).toBe("catch-all");
  });

  it("shows the catch-all among the other relations, and Goldstein scores signed", () => {
    expect(["cooperation", "conflict", "standing", "other", "catch-all"].map((g) => displayGroup(g as never))).toEqual(["cooperation", "conflict", "standing", "other", "other"]);
    expect([formatGoldstein(7), formatGoldstein(-2), formatGoldstein(0)]).toEqual(["+7.0", "-2.0", "0.0"]);
  });
});

describe("how a statement is put", () => {
  it("counts positive asserted or reported statements as facts", () => {
    expect(isFact({ polarity: "positive", modality: "asserted" })).toBe(true);
    expect(isFact({ polarity: "positive", modality: "reported" })).toBe(true);
    expect(isFact({})).toBe(true);
    for (const modality of ["intended", "hypothetical", "denied"] as const) expect(isFact({ polarity: "positive", modality })).toBe(false);
    expect(isFact({ polarity: "negative", modality: "asserted" })).toBe(false);
  });

  it("tags what is not a plain assertion, a denial without a redundant 'not'", () => {
    const texts = (p: "positive" | "negative", m: "asserted" | "reported" | "intended" | "hypothetical" | "denied") => modeTags(p, m).map((t) => t.text);
    expect(texts("positive", "asserted")).toEqual([]);
    expect(texts("positive", "reported")).toEqual(["reported"]);
    expect(texts("negative", "denied")).toEqual(["denied"]);
    expect(texts("positive", "intended")).toEqual(["planned"]);
    expect(texts("positive", "hypothetical")).toEqual(["possible"]);
    expect(texts("negative", "asserted")).toEqual(["not"]);
    expect(texts("negative", "hypothetical")).toEqual(["possible", "not"]);
    expect(nonFactKind({ polarity: "negative", modality: "hypothetical" })).toBe("not");
    expect(nonFactKind({ polarity: "positive", modality: "reported" })).toBeNull();
  });

  it("labels edges with how they were put", () => {
    const e = (polarity: "positive" | "negative", modality: "asserted" | "reported" | "intended" | "hypothetical" | "denied") => edgeLabelText({ label: "attack", predicate: "attack", polarity, modality });
    expect(e("positive", "asserted")).toBe("attack");
    expect(e("positive", "reported")).toBe("attack");
    expect(e("negative", "denied")).toBe("attack (denied)");
    expect(e("negative", "asserted")).toBe("not attack");
    expect(e("positive", "intended")).toBe("attack (planned)");
    expect(e("negative", "hypothetical")).toBe("not attack (possible)");
  });

  it("counts the relations that are not facts, by kind", () => {
    expect(countNonFacts(buildFixtureGraph())).toEqual({ total: 0, byKind: { denied: 0, not: 0, planned: 0, possible: 0 } });
    expect(countNonFacts(withStatementModes())).toEqual({ total: 4, byKind: { denied: 1, not: 1, planned: 1, possible: 1 } });
    expect(nonFactBreakdown({ total: 1235, byKind: { denied: 1200, not: 0, planned: 30, possible: 5 } })).toBe("1,200 denied, 30 planned, 5 possible");
  });
});

describe("relation class options", () => {
  const groups = relationOptions(withStatementModes());

  it("groups the graph's classes as cooperation, conflict, standing and other, the catch-all last in other", () => {
    expect(groups.map((g) => g.group)).toEqual(["cooperation", "conflict", "standing", "other"]);
    expect(groups.map((g) => g.name)).toEqual(["Cooperation", "Conflict", "Standing relations", "Other"]);
    const other = groups.find((g) => g.group === "other")!;
    expect(other.classes.at(-1)).toMatchObject({ id: "RELATED", label: "related to", catchAll: true });
    const cooperation = groups[0]!;
    // Most frequent first: MAKE_VISIT (2) and CONSULT (2) and APPEAL (2) before the intent (1).
    expect(cooperation.classes.at(-1)!.id).toBe("EXPRESS_INTENT_TO_MEET");
    expect(cooperation.classes.find((c) => c.id === "CONSULT")).toMatchObject({ label: "meets / consults", cameo: "040", goldstein: 1, count: 2, facts: 2 });
  });

  it("counts every relation of a class and, apart, its facts", () => {
    const other = groups.find((g) => g.group === "other")!;
    expect(other.classes.find((c) => c.id === "UNREALISED")).toMatchObject({ count: 2, facts: 0 });
    expect(other.classes.find((c) => c.id === "DENY")).toMatchObject({ count: 1, facts: 0, cameo: "016" });
    const total = groups.reduce((n, g) => n + g.count, 0);
    expect(total).toBe(withStatementModes().size);
    expect(groups.reduce((n, g) => n + g.facts, 0)).toBe(total - 4);
  });

  it("lets a search find a class by the verbs of its relations, as normalised and as written", () => {
    const consult = groups[0]!.classes.find((c) => c.id === "CONSULT")!;
    expect(consult.searchText).toContain("meet");
    expect(consult.searchText).toContain("met again");
    expect(consult.searchText).toContain("040");
  });

  it("names the id beside a label two classes share", () => {
    const g = buildFixtureGraph();
    const a = g.getEdgeAttributes("organization:united-nations|criticise|person:vladimir-putin");
    g.addEdgeWithKey("verbal", "person:xi-jinping", "organization:nato", { ...a, predicate: "slam", relation: "CRITICISE_VERBALLY" });
    const conflict = relationOptions(g).find((o) => o.group === "conflict")!;
    expect(conflict.classes.filter((c) => c.label === "criticises").map((c) => c.detail).sort()).toEqual(["CRITICISE_VERBALLY", "CRITICIZE_OR_DENOUNCE"]);
    expect(conflict.classes.find((c) => c.id === "EXHIBIT_FORCE_POSTURE")!.detail).toBeNull();
  });

  it("ticks or clears a whole group from its heading", () => {
    const cooperation = groups[0]!;
    const ids = cooperation.classes.map((c) => c.id);
    expect(groupState(new Set(), cooperation)).toBe("none");
    const all = toggleGroup(new Set(["LEADER_OF"]), cooperation);
    expect(all).toEqual(new Set(["LEADER_OF", ...ids]));
    expect(groupState(all, cooperation)).toBe("all");
    expect(toggleGroup(all, cooperation)).toEqual(new Set(["LEADER_OF"]));
    const some = new Set([ids[0]!]);
    expect(groupState(some, cooperation)).toBe("some");
    expect(toggleGroup(some, cooperation)).toEqual(new Set(ids));
  });
});
