/**
 * The control over relations not stated as facts (negated, denied, planned,
 * possible): the viewer shows facts by default; this says how many
 * relations that hides, and why, and shows them. It sits on the canvas
 * below the control for entities with no relation.
 */
import { nonFactBreakdown, type NonFactCounts } from "../core/relations/index.ts";
import { clear, h } from "./dom.ts";

export interface ModesToggle {
  update(counts: NonFactCounts, shown: boolean): void;
}

export function createModesToggle(root: HTMLElement, onToggle: (show: boolean) => void): ModesToggle {
  clear(root);
  const text = h("span", { class: "unrelated-text" });
  const detail = h("span", { class: "modes-detail" });
  let shown = false;
  const button = h("button", { class: "btn small", attrs: { type: "button", "data-testid": "toggle-modes" }, on: { click: () => onToggle(!shown) } });
  root.append(h("span", { class: "modes-text" }, text, detail), button);
  return {
    update(counts, isShown) {
      shown = isShown;
      root.hidden = counts.total === 0;
      const n = counts.total.toLocaleString("en");
      const relations = counts.total === 1 ? "relation" : "relations";
      text.textContent = isShown ? `Showing ${n} ${relations} not stated as fact` : `${n} ${relations} not stated as fact hidden`;
      detail.textContent = nonFactBreakdown(counts);
      root.title = "Facts are relations stated as having happened (or reported so). Negated, denied, planned and possible ones are hidden unless shown here.";
      button.textContent = isShown ? "Hide them" : "Show them";
      button.setAttribute("aria-pressed", String(isShown));
    },
  };
}
