import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  ENTITY_LABEL_PATTERN,
  entityLabel,
  FALLBACK_ENTITY_LABEL,
  FALLBACK_RELATIONSHIP_TYPE,
  RELATIONSHIP_TYPE_PATTERN,
  relationshipType,
} from "./identifiers.ts";

describe("relationshipType", () => {
  test.each([
    ["meet", "MEET"],
    ["leader_of", "LEADER_OF"],
    ["take part", "TAKE_PART"],
    ["  sign-with ", "SIGN_WITH"],
    ["meet2", "MEET2"],
  ])("%j -> %s", (predicate, type) => expect(relationshipType(predicate)).toBe(type));

  test.each([
    "",
    "   ",
    "meet`]->(x) MATCH (n) DETACH DELETE n //",
    "a'b",
    'a"b',
    "a{b}",
    "a//b",
    "2meet",
    "_meet",
    "rencontrer_à",
    "встретить",
    "mentions",
    "x".repeat(65),
  ])("%j falls back to RELATED", (predicate) => expect(relationshipType(predicate)).toBe(FALLBACK_RELATIONSHIP_TYPE));

  test("always a safe identifier, whatever the text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => RELATIONSHIP_TYPE_PATTERN.test(relationshipType(text))));
  });
});

describe("entityLabel", () => {
  test.each([
    ["Person", "Person"],
    ["organization", "Organization"],
    ["military unit", "MilitaryUnit"],
    ["GPE", "GPE"],
  ])("%j -> %s", (type, label) => expect(entityLabel(type)).toBe(label));

  test.each(["", "Person`:Admin", "Article", "Entity", "Ort (Stadt)", "Persön"])("%j falls back to Other", (type) =>
    expect(entityLabel(type)).toBe(FALLBACK_ENTITY_LABEL),
  );

  test("always a safe identifier, whatever the text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => ENTITY_LABEL_PATTERN.test(entityLabel(text))));
  });
});
