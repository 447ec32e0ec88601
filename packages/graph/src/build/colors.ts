import type { EntityType } from "newskg-extract";

/** One colour per entity type, shared by the files we write and the viewer. */
export const TYPE_COLORS: Record<EntityType, string> = {
  Person: "#e4572e",
  Organization: "#2e86ab",
  Location: "#3bb273",
  Equipment: "#7768ae",
  Event: "#f3a712",
  Group: "#c05299",
  Other: "#8d99ae",
};

export function colorForType(type: EntityType): string {
  // Own keys only: triples read from another tool's JSON Lines may carry a type such as "constructor".
  return Object.hasOwn(TYPE_COLORS, type) ? TYPE_COLORS[type] : TYPE_COLORS.Other;
}
