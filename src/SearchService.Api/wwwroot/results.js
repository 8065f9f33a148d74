// The result list, its facets, the pager and the chips of active filters.
import { element, authorList, snippet } from "./dom.js";
import { PAGE_SIZE, withSearch, singleYear } from "./state.js";

const MAX_SNIPPETS = 2;

/** A link to another state of the page: a real URL (to open in a new tab or copy) that navigates in place on a plain click. */
export function stateLink(nav, state, props, ...children) {
  const link = element("a", { ...props, href: nav.href(state) }, ...children);
  link.addEventListener("click", event => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    nav.go(state);
  });
  return link;
}

/** One paper in a list: title (opens the paper view), authors, date, tags, snippets and, for related papers, why. */
export function hitItem(nav, state, hit) {
  const item = element("li", { className: "hit" });
  item.append(stateLink(nav, { ...state, paper: hit.id }, { className: "title open", "data-id": hit.id }, hit.title || hit.id));
  const meta = element("div", { className: "meta" });
  if (hit.authors?.length) meta.append(authorList(hit.authors));
  if (hit.date) meta.append(element("span", { className: "date", text: hit.date }));
  if (hit.url) meta.append(element("a", { href: hit.url, className: "external", text: "arXiv", "aria-label": `arXiv page of ${hit.title}` }));
  item.append(meta);
  if (hit.tags?.length) {
    item.append(element("div", { className: "tags" }, hit.tags.map(tag =>
      stateLink(nav, withSearch(state, { tags: addOnce(state.tags, tag) }), { className: "tag", title: `Filter by tag ${tag}` }, "#" + tag))));
  }
  // The title is already shown above, so a title snippet would only repeat it; two snippets are enough to tell why it matched.
  const snippets = (hit.highlights ?? []).filter(h => h.field !== "title").slice(0, MAX_SNIPPETS);
  for (const highlight of snippets) item.append(snippet(highlight.snippet));
  if (hit.reasons?.length) item.append(element("div", { className: "reasons", text: "Why: " + hit.reasons.map(r => r.replaceAll("-", " ")).join(", ") }));
  return item;
}

export function renderHits(list, nav, state, hits) {
  list.replaceChildren(...hits.map(hit => hitItem(nav, state, hit)));
}

export function renderPager(pager, nav, state, total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  pager.replaceChildren();
  if (pages <= 1) return;
  const page = Math.min(state.page, pages);
  const step = (to, text) => to < 1 || to > pages
    ? element("span", { className: "disabled", "aria-hidden": "true", text })
    : stateLink(nav, { ...state, page: to, paper: "" }, { rel: to < page ? "prev" : "next" }, text);
  pager.append(
    step(page - 1, "← Previous"),
    element("span", { className: "page", text: `Page ${page} of ${pages}` }),
    step(page + 1, "Next →"));
}

/** Facets are filters: a click adds one (or, on one already active, removes it). Years set the date range to that year. */
export function renderFacets(aside, nav, state, facets) {
  aside.replaceChildren();
  const year = singleYear(state);
  const groups = [
    ["Tags", facets?.tags, v => state.tags.includes(v), v => ({ tags: toggle(state.tags, v) }), "tag"],
    // Years read best in order, newest first, rather than by count.
    ["Years", [...(facets?.years ?? [])].sort((a, b) => b.value.localeCompare(a.value)), v => v === year, v => v === year ? { from: "", to: "" } : { from: v, to: v }, "year"],
    ["Authors", facets?.authors, v => state.authors.includes(v), v => ({ authors: toggle(state.authors, v) }), "author"],
  ];
  for (const [title, values, active, change, kind] of groups) {
    if (!values?.length) continue;
    const list = element("ul", { "aria-label": title });
    for (const { value, count } of values) {
      const on = active(value);
      // The name read out is the visible text plus hidden words around it, so speech and sight agree.
      list.append(element("li", {}, stateLink(nav, withSearch(state, change(value)), {
        className: "facet" + (on ? " active" : ""), "data-kind": kind, "data-value": value, "aria-current": on ? "true" : null,
      }, hidden(on ? `Remove ${kind} filter: ` : `${kind}: `), element("span", { text: value }), " ",
         element("span", { className: "count" }, String(count), hidden(count === 1 ? " paper" : " papers")))));
    }
    aside.append(element("section", {}, element("h2", { text: title }), list));
  }
}

/** Each active filter as a chip that removes it. */
export function renderChips(chips, nav, state) {
  const chip = (label, changes) => element("li", {}, element("button", {
    type: "button", className: "chip", "aria-label": `Remove filter ${label}`,
    onclick: () => nav.go(withSearch(state, changes)),
  }, element("span", { text: label }), element("span", { className: "x", "aria-hidden": "true", text: "×" })));
  const items = [
    ...state.tags.map(tag => chip(`tag: ${tag}`, { tags: state.tags.filter(t => t !== tag) })),
    ...state.authors.map(author => chip(`author: ${author}`, { authors: state.authors.filter(a => a !== author) })),
  ];
  const year = singleYear(state);
  if (year) items.push(chip(`year: ${year}`, { from: "", to: "" }));
  else {
    if (state.from) items.push(chip(`from: ${state.from}`, { from: "" }));
    if (state.to) items.push(chip(`to: ${state.to}`, { to: "" }));
  }
  chips.replaceChildren(...items);
}

function hidden(text) {
  return element("span", { className: "visually-hidden", text });
}

export function addOnce(values, value) {
  return values.some(v => v.toLowerCase() === value.toLowerCase()) ? values : [...values, value];
}

function toggle(values, value) {
  return values.includes(value) ? values.filter(v => v !== value) : [...values, value];
}
