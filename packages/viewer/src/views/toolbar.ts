/** The buttons at the right of the top bar. */
import { h } from "./dom.ts";

export interface ToolbarOptions {
  onFit: () => void;
  onToggleLayout: () => void;
  onExport: () => void;
}

export interface Toolbar {
  setLayoutRunning(running: boolean): void;
  setEnabled(enabled: boolean): void;
}

function button(icon: string, text: string, title: string, onClick: () => void): HTMLButtonElement {
  return h(
    "button",
    { class: "btn", attrs: { type: "button", title, "aria-label": title }, on: { click: onClick } },
    h("span", { class: "btn-icon", attrs: { "aria-hidden": "true" } }, icon),
    h("span", { class: "btn-text" }, text),
  );
}

export function createToolbar(root: HTMLElement, options: ToolbarOptions): Toolbar {
  const fit = button("⤢", "Fit", "Zoom to fit the whole graph", options.onFit);
  const layout = button("▶", "Layout", "Run the ForceAtlas2 layout", options.onToggleLayout);
  layout.setAttribute("aria-pressed", "false");
  layout.dataset.testid = "layout";
  const exportPng = button("⇩", "PNG", "Save the view as a PNG image", options.onExport);
  exportPng.dataset.testid = "export";
  root.append(fit, layout, exportPng);
  const all = [fit, layout, exportPng];
  return {
    setLayoutRunning(running) {
      layout.setAttribute("aria-pressed", String(running));
      layout.querySelector(".btn-icon")!.textContent = running ? "■" : "▶";
      layout.querySelector(".btn-text")!.textContent = running ? "Stop" : "Layout";
      layout.title = running ? "Stop the layout" : "Run the ForceAtlas2 layout";
      layout.setAttribute("aria-label", layout.title);
    },
    setEnabled(enabled) {
      for (const b of all) b.disabled = !enabled;
    },
  };
}
