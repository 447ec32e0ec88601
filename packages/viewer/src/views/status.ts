/** Loading, empty and error states shown over the canvas. */
import { clear, h } from "./dom.ts";

export type StatusKind = "loading" | "empty" | "error";

export function showStatus(root: HTMLElement, kind: StatusKind, title: string, detail?: string): void {
  clear(root);
  root.dataset.state = kind;
  root.appendChild(
    h(
      "div",
      { class: `status-box card ${kind}`, attrs: { "data-testid": `status-${kind}` } },
      kind === "loading" ? h("div", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null,
      h("h2", null, title),
      detail ? h("p", null, detail) : null,
    ),
  );
}

export function hideStatus(root: HTMLElement): void {
  clear(root);
  root.dataset.state = "ready";
}
