// A thin page over GET /search and GET /papers/{id}/related: everything it shows comes from the API.
const form = document.getElementById("search");
const status = document.getElementById("status");
const results = document.getElementById("results");
const facets = document.getElementById("facets");

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderHits(hits) {
  results.replaceChildren(...hits.map(hit => {
    const item = element("li");
    const title = element("a", "title", hit.title || hit.id);
    if (hit.url) title.href = hit.url;
    item.append(title);
    item.append(element("div", "meta", [hit.authors.join(", "), hit.date, hit.tags.map(t => "#" + t).join(" ")].filter(Boolean).join(" · ")));
    for (const highlight of hit.highlights || []) {
      // Snippets are HTML-escaped by the service except for the <mark> around matched words.
      const snippet = element("p", "snippet");
      snippet.innerHTML = highlight.snippet;
      item.append(snippet);
    }
    if (hit.reasons) item.append(element("div", "reasons", "related: " + hit.reasons.join(", ")));
    const related = element("button", "", "related papers");
    related.type = "button";
    related.onclick = () => showRelated(hit.id, hit.title);
    item.append(related);
    return item;
  }));
}

function renderFacets(groups) {
  facets.replaceChildren();
  for (const [name, values] of Object.entries(groups || {})) {
    if (!values.length) continue;
    facets.append(element("h3", "", name));
    for (const value of values) {
      const button = element("button", "", `${value.value} (${value.count})`);
      button.type = "button";
      const prefix = name === "tags" ? "tag" : name === "authors" ? "author" : null;
      if (prefix) button.onclick = () => { form.q.value += ` ${prefix}:"${value.value}"`; form.requestSubmit(); };
      facets.append(button, element("br"));
    }
  }
}

async function call(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
  return body;
}

async function search(event) {
  event?.preventDefault();
  const params = new URLSearchParams({ q: form.q.value, limit: "20" });
  if (form.mode.value) params.set("mode", form.mode.value);
  history.replaceState(null, "", "?" + params);
  try {
    const body = await call("/search?" + params);
    status.textContent = `${body.total} papers · ${body.mode}` + (body.warnings ? " · " + body.warnings.join(" ") : "");
    renderHits(body.results);
    renderFacets(body.facets);
  } catch (error) {
    status.textContent = error.message;
  }
}

async function showRelated(id, title) {
  try {
    const body = await call(`/papers/${encodeURIComponent(id)}/related?limit=20`);
    status.textContent = `Related to ${title || id}`;
    renderHits(body.results);
    facets.replaceChildren();
  } catch (error) {
    status.textContent = error.message;
  }
}

form.addEventListener("submit", search);
const initial = new URLSearchParams(location.search);
if (initial.get("q")) {
  form.q.value = initial.get("q");
  form.mode.value = initial.get("mode") || "";
  search();
}
