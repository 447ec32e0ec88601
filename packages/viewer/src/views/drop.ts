/**
 * Dropping a file anywhere on the page opens it; while a file is dragged
 * over the window an overlay says so. Dragged text or links are left to the
 * browser.
 */
import { h } from "./dom.ts";

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes("Files");

export function installFileDrop(host: HTMLElement, onFile: (file: File) => void): void {
  const overlay = h(
    "div",
    { class: "drop-overlay", attrs: { "aria-hidden": "true" } },
    h("div", { class: "drop-box" }, h("strong", null, "Drop to open"), h("span", null, "a graph.json or a .gexf file")),
  );
  overlay.hidden = true;
  host.appendChild(overlay);
  // dragenter/dragleave fire for every element crossed: count them to know when the pointer left the window.
  let depth = 0;
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };
  window.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener("dragleave", (e) => {
    if (hasFiles(e) && --depth <= 0) hide();
  });
  window.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allows the drop
    e.dataTransfer!.dropEffect = "copy";
  });
  window.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // never let the browser navigate to the file
    hide();
    const file = e.dataTransfer!.files[0];
    if (file) onFile(file);
  });
}
