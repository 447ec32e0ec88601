/**
 * A tiny element builder. Text always goes in as text nodes (textContent),
 * never as HTML: names and sentences come from articles.
 */
type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  /** Attributes set with setAttribute (values are plain strings, never HTML). */
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  if (props?.title) el.title = props.title;
  if (props?.attrs) for (const [k, v] of Object.entries(props.attrs)) el.setAttribute(k, v);
  if (props?.dataset) for (const [k, v] of Object.entries(props.dataset)) el.dataset[k] = v;
  if (props?.on) {
    for (const [type, listener] of Object.entries(props.on)) {
      if (listener) el.addEventListener(type, listener as EventListener);
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function swatch(color: string): HTMLSpanElement {
  const s = h("span", { class: "swatch", attrs: { "aria-hidden": "true" } });
  s.style.background = color;
  return s;
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`viewer: missing element ${selector}`);
  return el;
}
