import type { EntityType } from "../types.ts";

/** URL- and Cypher-friendly form of a name: "Xi Jinping" -> "xi-jinping". */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return s || "unnamed";
}

/** Stable entity id: the same type and canonical name give the same id on every machine. */
export function entityId(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${slug(name)}`;
}
