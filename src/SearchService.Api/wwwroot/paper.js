// The paper view: the whole note, links to arXiv and to the note itself, and related papers with reasons.
import { element, authorList } from "./dom.js";
import { stateLink, hitItem } from "./results.js";
import { withSearch } from "./state.js";

/** Renders a paper and its related papers; `related` may be null while it is still loading. */
export function renderPaper(article, nav, state, paper, related, config) {
  const back = stateLink(nav, { ...state, paper: "" }, { className: "back" }, "← Back to results");
  const meta = element("p", { className: "meta" },
    paper.authors?.length ? authorList(paper.authors, 6) : null,
    paper.date ? element("span", { className: "date", text: paper.date }) : null);
  const tags = paper.tags?.length
    ? element("p", { className: "tags" }, paper.tags.map(tag =>
        stateLink(nav, withSearch(state, { q: "", tags: [tag], authors: [], from: "", to: "" }), { className: "tag", title: `All papers tagged ${tag}` }, "#" + tag)))
    : null;
  article.replaceChildren(
    element("nav", {}, back),
    element("h2", { id: "paper-title", tabindex: "-1", text: paper.title || paper.id }),
    meta,
    tags,
    links(paper, config),
    section("Abstract", paper.abstract, "en"),
    section("Korean commentary", paper.koreanCommentary, "ko"),
    section("English commentary", paper.englishCommentary, "en"),
    relatedSection(nav, state, related));
  article.setAttribute("aria-labelledby", "paper-title");
}

function section(title, text, lang) {
  if (!text) return null;
  return element("section", {}, element("h3", { text: title }), element("p", { className: "text", lang, text }));
}

function links(paper, config) {
  const list = element("ul", { className: "links", "aria-label": "Links" });
  if (paper.url) list.append(element("li", {}, element("a", { href: paper.url, className: "external", text: "arXiv" })));
  for (const source of paper.sources ?? []) list.append(element("li", {}, noteLink(source, config)));
  return list;
}

/** Opens the note in Obsidian when the service names the vault; otherwise shows where the file is. */
function noteLink(source, config) {
  const where = source.entry ? `${source.path} (entry ${source.entry})` : source.path;
  if (config.obsidianVault && source.path.endsWith(".md")) {
    // Obsidian resolves a bare note name the way a [[link]] does, wherever the note sits in the vault.
    const href = `obsidian://open?vault=${encodeURIComponent(config.obsidianVault)}&file=${encodeURIComponent(source.noteName)}`;
    return element("a", { href, className: "note", title: where, text: "Open note in Obsidian" });
  }
  return element("span", { className: "note" }, "Note: ", element("code", { text: where }));
}

function relatedSection(nav, state, related) {
  const heading = element("h3", { text: "Related papers" });
  if (!related) return element("section", { className: "related" }, heading, element("p", { className: "meta", text: "Loading…" }));
  if (!related.results.length) return element("section", { className: "related" }, heading, element("p", { className: "meta", text: "No related papers found." }));
  return element("section", { className: "related" }, heading,
    element("ol", { id: "related" }, related.results.map(hit => hitItem(nav, state, hit))));
}
