// Calls to the service. Errors come back as ProblemDetails; their text is what the user sees.

export class ApiError extends Error {}

export async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(problemText(body) || `${response.status} ${response.statusText}`);
  return body;
}

function problemText(problem) {
  if (!problem) return "";
  const details = Object.values(problem.errors ?? {}).flat();
  return details.length ? details.join(" ") : problem.detail || problem.title || "";
}

export const api = {
  search: (query, signal) => getJson("/search?" + query, signal),
  paper: (id, signal) => getJson("/papers/" + encodeURIComponent(id), signal),
  related: (id, signal) => getJson(`/papers/${encodeURIComponent(id)}/related?limit=10`, signal),
  tags: (prefix, signal) => getJson("/tags?limit=12&prefix=" + encodeURIComponent(prefix), signal),
  authors: (prefix, signal) => getJson("/authors?limit=12&prefix=" + encodeURIComponent(prefix), signal),
  config: () => getJson("/config").catch(() => ({})),
};
