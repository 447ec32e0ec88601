/** Loading, empty and error states shown over the canvas. */
import { clear, h } from "./dom.ts";

export type StatusKind = "loading" | "empty" | "error";

export interface StatusAction {
  label: string;
  onClick: () => void;
}

export function showStatus(root: HTMLElement, kind: StatusKind, title: string, detail?: string, action?: StatusAction): void {
  clear(root);
  root.dataset.state = kind;
  root.appendChild(
    h(
      "div",
      { class: `status-box card ${kind}`, attrs: { "data-testid": `status-${kind}` } },
      kind === "loading" ? h("div", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null,
      h("h2", null, title),
      detail ? h("p", null, detail) : null,
      // Whatever went wrong, another file can be opened.
      kind === "loading" ? null : h("div", { class: "status-hint" }, "Open a graph.json or .gexf file with Open, or drop one on the page."),
      action ? h("button", { class: "btn small", attrs: { type: "button", "data-testid": "status-action" }, on: { click: action.onClick } }, action.label) : null,
    ),
  );
}

export function hideStatus(root: HTMLElement): void {
  clear(root);
  root.dataset.state = "ready";
}
