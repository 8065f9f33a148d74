// Small helpers for building the page's elements; text always goes in as text, never as HTML.

export function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
  return node;
}

/** "A, B, C et al." with a button that shows every name: 26-author lists would otherwise fill the screen. */
export function authorList(authors, shown = 3) {
  const span = element("span", { className: "authors" });
  if (authors.length <= shown + 1) {
    span.textContent = authors.join(", ");
    return span;
  }
  const rest = authors.length - shown;
  const names = element("span", { text: authors.slice(0, shown).join(", ") + " et al." });
  const more = element("button", { type: "button", className: "link more", title: `Show all ${authors.length} authors`, text: `+${rest} more` });
  more.addEventListener("click", () => {
    names.textContent = authors.join(", ");
    more.remove();
  });
  span.append(names, " ", more);
  return span;
}

/** A service snippet: HTML-escaped by the service except for the <mark> around matched words. */
export function snippet(html) {
  const p = element("p", { className: "snippet" });
  // A snippet cut just after a full stop starts with ". "; show it as the fragment it is.
  const start = html.match(/^[\s.,;:)]+/);
  p.innerHTML = start ? "…" + html.slice(start[0].length) : html;
  return p;
}
