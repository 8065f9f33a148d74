// The page's state lives in the URL, so every view can be shared and the back button works.
// The same names as GET /search (q, tag, author, from, to, sort, mode), plus page and paper.

export const PAGE_SIZE = 10;

/** Reads the state from a query string such as location.search. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: params.get("q") ?? "",
    tags: params.getAll("tag"),
    authors: params.getAll("author"),
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    sort: params.get("sort") ?? "",
    mode: params.get("mode") ?? "",
    page: Number.isFinite(page) && page > 1 ? page : 1,
    paper: params.get("paper") ?? "",
  };
}

/** The query string for a state, leaving out what is at its default so URLs stay short. */
export function stateQuery(state) {
  const params = searchParams(state);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.paper) params.set("paper", state.paper);
  const text = params.toString();
  return text ? "?" + text : location.pathname;
}

/** The GET /search parameters for a state. */
export function searchQuery(state) {
  const params = searchParams(state);
  params.set("limit", String(PAGE_SIZE));
  if (state.page > 1) params.set("offset", String((state.page - 1) * PAGE_SIZE));
  return params.toString();
}

function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const tag of state.tags) params.append("tag", tag);
  for (const author of state.authors) params.append("author", author);
  for (const name of ["from", "to", "sort", "mode"]) if (state[name]) params.set(name, state[name]);
  return params;
}

/** A copy of the state with changes; any change to the search itself goes back to its first page and closes the paper. */
export function withSearch(state, changes) {
  return { ...state, page: 1, paper: "", ...changes };
}

/** The date range as one year when it covers exactly that year (as the year facet sets it), else null. */
export function singleYear(state) {
  return /^\d{4}$/.test(state.from) && state.from === state.to ? state.from : null;
}
