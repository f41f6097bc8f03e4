type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * Creates an element. Text goes in only as text nodes, never as markup, so survey and user text
 * stays inert; attributes with false/null/undefined are left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

let counter = 0;

/** Ids unique in the document, for label and description references inside the shadow root. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `jl-${prefix}-${counter}`;
}
