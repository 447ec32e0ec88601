/**
 * The control over entities with no relation: it says how many there are,
 * hidden or shown, and switches them. It sits on the canvas, not in the
 * legend, so that it is seen on the first view (the legend folds away on
 * phones).
 */
import { clear, h } from "./dom.ts";

export interface UnrelatedToggle {
  update(count: number, shown: boolean): void;
}

export function createUnrelatedToggle(root: HTMLElement, onToggle: (show: boolean) => void): UnrelatedToggle {
  clear(root);
  const text = h("span", { class: "unrelated-text" });
  let shown = false;
  const button = h("button", { class: "btn small", attrs: { type: "button", "data-testid": "toggle-unrelated" }, on: { click: () => onToggle(!shown) } });
  root.append(text, button);
  return {
    update(count, isShown) {
      shown = isShown;
      root.hidden = count === 0;
      const n = count.toLocaleString("en");
      const entities = count === 1 ? "entity" : "entities";
      text.textContent = isShown ? `Showing ${n} ${entities} with no relation` : `${n} ${entities} with no relation hidden`;
      button.textContent = isShown ? "Hide them" : "Show them";
      button.setAttribute("aria-pressed", String(isShown));
    },
  };
}
