/** The buttons at the right of the top bar. */
import { h } from "./dom.ts";

export interface ToolbarOptions {
  onFit: () => void;
  onToggleLayout: () => void;
  onExport: () => void;
  onExportGexf: () => void;
  /** A file chosen with the Open button (the keyboard's way to what drag-and-drop does). */
  onOpenFile: (file: File) => void;
}

export interface Toolbar {
  setLayoutRunning(running: boolean): void;
  /** The buttons that need a graph; Open always works. */
  setEnabled(enabled: boolean): void;
}

function button(icon: string | SVGElement, text: string, title: string, onClick: () => void): HTMLButtonElement {
  return h(
    "button",
    { class: "btn", attrs: { type: "button", title, "aria-label": title }, on: { click: onClick } },
    h("span", { class: "btn-icon", attrs: { "aria-hidden": "true" } }, icon),
    h("span", { class: "btn-text" }, text),
  );
}

/** A 16 px line icon from fixed path data (no text glyph says "folder" or "graph file" in every font). */
function svgIcon(paths: string[]): SVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [k, v] of Object.entries({ width: "16", height: "16", viewBox: "0 0 16 16", fill: "none", stroke: "currentColor", "stroke-width": "1.5", "stroke-linejoin": "round" })) svg.setAttribute(k, v);
  for (const d of paths) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  }
  return svg;
}

const FOLDER = ["M1.75 3.75h4.5l1.5 1.5h6.5v7.5H1.75z"];
// Three linked nodes: a graph file.
const GRAPH = ["M5.5 5.2 10.5 3.8M5 6.6l1.8 4M11.6 5.4l-2.8 5.4", "M2.5 5.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0", "M10 3.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0", "M5.5 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0"];

export function createToolbar(root: HTMLElement, options: ToolbarOptions): Toolbar {
  const fit = button("⤢", "Fit", "Zoom to fit the whole graph", options.onFit);
  const layout = button("▶", "Layout", "Run the ForceAtlas2 layout", options.onToggleLayout);
  layout.setAttribute("aria-pressed", "false");
  layout.dataset.testid = "layout";
  const exportPng = button("⇩", "PNG", "Save the view as a PNG image", options.onExport);
  exportPng.dataset.testid = "export";
  const exportGexf = button(svgIcon(GRAPH), "GEXF", "Save the graph as shown (filters applied) as GEXF, for Gephi", options.onExportGexf);
  exportGexf.dataset.testid = "export-gexf";

  const picker = h("input", { attrs: { type: "file", accept: ".json,.gexf,application/json,application/xml,text/xml", hidden: "", "data-testid": "file-input" } });
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    picker.value = ""; // the same file chosen again is a new load
    if (file) options.onOpenFile(file);
  });
  const open = button(svgIcon(FOLDER), "Open", "Open a graph.json or GEXF file (or drop one on the page)", () => picker.click());
  open.dataset.testid = "open";

  root.append(open, picker, fit, layout, exportPng, exportGexf);
  const all = [fit, layout, exportPng, exportGexf];
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
