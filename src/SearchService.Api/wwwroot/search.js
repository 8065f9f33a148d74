// The search page: reads its state from the URL, asks the service, and renders the list or one paper.
// Every change of view is a navigation (history.pushState), so the back button and shared links work.
import { api } from "./api.js";
import { readState, stateQuery, searchQuery, withSearch, PAGE_SIZE } from "./state.js";
import { renderHits, renderPager, renderFacets, renderChips, addOnce } from "./results.js";
import { renderPaper } from "./paper.js";
import { suggest } from "./suggest.js";

const $ = id => document.getElementById(id);
const form = $("search"), status = $("status"), results = $("results"), pager = $("pager");
const facets = $("facets"), chips = $("chips"), list = $("list"), article = $("paper");
const configReady = api.config();

let current = readState(location.search);
let shownSearch = null;   // the /search query whose results are on screen, to skip asking again
let renderCount = 0;       // a newer navigation makes the answers of an older one stale
let controller = null;

const nav = {
  href: state => stateQuery(state),
  go(state, { replace = false } = {}) {
    // Remember where the list was scrolled, so coming back lands there.
    history.replaceState({ scroll: scrollY }, "");
    history[replace ? "replaceState" : "pushState"]({ scroll: 0 }, "", stateQuery(state));
    show(state, { scroll: 0 });
  },
};

async function show(state, { scroll } = {}) {
  const previous = current;
  current = state;
  const mine = ++renderCount;
  controller?.abort();
  controller = new AbortController();
  fillForm(state);
  renderChips(chips, nav, state);
  try {
    if (state.paper) await showPaper(state, mine, controller.signal);
    else await showList(state, previous, mine, controller.signal);
    if (mine === renderCount && scroll !== undefined) scrollTo(0, scroll);
  } catch (error) {
    if (error.name === "AbortError" || mine !== renderCount) return;
    // Results of an earlier search under a refused one would look like its answer.
    if (!state.paper) {
      results.replaceChildren(); pager.replaceChildren(); facets.replaceChildren();
      shownSearch = null;
    }
    status.classList.remove("visually-hidden");
    status.textContent = error.message;
    status.classList.add("error");
  }
}

async function showList(state, previous, mine, signal) {
  status.classList.remove("visually-hidden");
  article.hidden = true;
  list.hidden = false;
  facets.hidden = false;
  const query = searchQuery(state);
  document.title = (state.q ? `${state.q} — ` : "") + "Paper notes";
  if (query !== shownSearch) {
    status.classList.remove("error");
    status.textContent = "Searching…";
    const body = await api.search(query, signal);
    if (mine !== renderCount) return;
    shownSearch = query;
    renderHits(results, nav, state, body.results);
    renderPager(pager, nav, state, body.total);
    renderFacets(facets, nav, state, body.facets);
    status.textContent = summary(body);
  }
  // Back from a paper: put the keyboard where the reader left the list.
  const opened = previous.paper && results.querySelector(`a.open[data-id="${CSS.escape(previous.paper)}"]`);
  if (opened) opened.focus({ preventScroll: true });
}

function summary(body) {
  const first = body.total ? body.offset + 1 : 0;
  const last = Math.min(body.offset + body.results.length, body.total);
  const words = [`${body.total} ${body.total === 1 ? "paper" : "papers"}`];
  if (body.total > PAGE_SIZE) words.push(body.results.length ? `showing ${first}–${last}` : "past the last page");
  if (body.mode) words.push(body.mode);
  if (body.warnings?.length) words.push(body.warnings.join(" "));
  if (!body.total) words.push("try other words or remove a filter");
  return words.join(" · ");
}

async function showPaper(state, mine, signal) {
  status.classList.remove("error");
  status.textContent = "Loading paper…";
  const [paper, config] = await Promise.all([api.paper(state.paper, signal), configReady]);
  if (mine !== renderCount) return;
  list.hidden = true;
  facets.hidden = true;
  article.hidden = false;
  document.title = `${paper.title || paper.id} — Paper notes`;
  renderPaper(article, nav, state, paper, null, config);
  // The heading says the same to the eye; the status line is for screen readers here.
  status.textContent = `Paper: ${paper.title || paper.id}`;
  status.classList.add("visually-hidden");
  $("paper-title").focus({ preventScroll: true });
  const related = await api.related(paper.id, signal).catch(error => {
    if (error.name === "AbortError") throw error;
    return { results: [], error: error.message };
  });
  if (mine !== renderCount) return;
  renderPaper(article, nav, state, paper, related, config);
}

function fillForm(state) {
  form.q.value = state.q;
  form.mode.value = state.mode;
  form.sort.value = state.sort;
  form.from.value = state.from;
  form.to.value = state.to;
}

form.addEventListener("submit", event => {
  event.preventDefault();
  const tag = $("tag-input").value.trim();
  const author = $("author-input").value.trim();
  $("tag-input").value = "";
  $("author-input").value = "";
  nav.go(withSearch(current, {
    q: form.q.value.trim(), mode: form.mode.value, sort: form.sort.value,
    from: form.from.value.trim(), to: form.to.value.trim(),
    tags: tag ? addOnce(current.tags, tag) : current.tags,
    authors: author ? addOnce(current.authors, author) : current.authors,
  }));
});
// Mode and sort act at once, with whatever else has been typed into the form.
for (const select of [form.mode, form.sort]) select.addEventListener("change", () => form.requestSubmit());
suggest($("tag-input"), $("tag-options"), api.tags, tag => {
  $("tag-input").value = "";
  nav.go(withSearch(current, { tags: addOnce(current.tags, tag) }));
});
suggest($("author-input"), $("author-options"), api.authors, author => {
  $("author-input").value = "";
  nav.go(withSearch(current, { authors: addOnce(current.authors, author) }));
});

// Keyboard: "/" focuses the search box, arrows move through the results, Enter opens one, Escape goes back to the list.
document.addEventListener("keydown", event => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target.closest?.("input, select, textarea");
  if (event.key === "/" && !typing) {
    event.preventDefault();
    form.q.focus();
    form.q.select();
    return;
  }
  if (event.key === "Escape" && current.paper && !typing) {
    nav.go({ ...current, paper: "" });
    return;
  }
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  if (typing && event.target !== form.q) return;
  const links = [...document.querySelectorAll("main a.open")].filter(link => link.checkVisibility());
  if (!links.length) return;
  const at = links.indexOf(document.activeElement);
  if (event.target === form.q && event.key === "ArrowUp") return;
  const next = at < 0 ? 0 : Math.max(0, Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)));
  event.preventDefault();
  links[next].focus();
});

addEventListener("popstate", event => show(readState(location.search), { scroll: event.state?.scroll ?? 0 }));
history.scrollRestoration = "manual";
show(current);
