using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SearchService.Client;

/// <summary>
/// A typed client for the SearchService HTTP API over an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the service (e.g. http://127.0.0.1:5000/). Every error the
/// service answers with becomes a <see cref="SearchServiceException"/> holding its ProblemDetails.
/// </summary>
/// <param name="http">The connection; the caller owns it (one per service, reused).</param>
/// <param name="apiKey">Sent as <c>X-Api-Key</c>; writes need it, and reads too when the service protects them.</param>
public sealed class SearchServiceClient(HttpClient http, string? apiKey = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Ranked papers for a query; see <see cref="SearchQuery"/>.</summary>
    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var parameters = new List<(string, string?)> { ("q", query.Q), ("from", query.From), ("to", query.To), ("sort", query.Sort), ("mode", query.Mode) };
        parameters.AddRange(query.Authors.Select(a => ("author", (string?)a)));
        parameters.AddRange(query.Tags.Select(t => ("tag", (string?)t)));
        parameters.Add(("limit", query.Limit?.ToString()));
        parameters.Add(("offset", query.Offset?.ToString()));
        return GetAsync<SearchResults>("search" + QueryString(parameters), ct);
    }

    /// <summary>Ranked papers for <paramref name="q"/>, with the service's defaults for the rest.</summary>
    public Task<SearchResults> SearchAsync(string q, CancellationToken ct = default) => SearchAsync(new SearchQuery { Q = q }, ct);

    /// <summary>A paper by id, arXiv id or note name; null when there is none.</summary>
    public async Task<Paper?> GetPaperAsync(string idOrNoteName, CancellationToken ct = default)
    {
        try { return await GetAsync<Paper>("papers/" + Uri.EscapeDataString(idOrNoteName), ct); }
        catch (SearchServiceException e) when (e.Status == HttpStatusCode.NotFound) { return null; }
    }

    /// <summary>Papers related to a paper (id, arXiv id or note name), each with its reasons.</summary>
    public Task<RelatedResults> RelatedAsync(string idOrNoteName, int? limit = null, CancellationToken ct = default) =>
        GetAsync<RelatedResults>($"papers/{Uri.EscapeDataString(idOrNoteName)}/related" + QueryString([("limit", limit?.ToString())]), ct);

    /// <summary>Papers related to any text, such as an abstract or a draft.</summary>
    public Task<RelatedResults> RelatedToTextAsync(string text, int? limit = null, CancellationToken ct = default) =>
        SendAsync<RelatedResults>(HttpMethod.Post, "related" + QueryString([("limit", limit?.ToString())]),
            new StringContent(text, Encoding.UTF8, "text/plain"), ct);

    /// <summary>Adds or replaces a paper (upsert by id). Needs the API key.</summary>
    public Task<WriteResult> UpsertAsync(NewPaper paper, CancellationToken ct = default) =>
        SendAsync<WriteResult>(HttpMethod.Post, "papers", JsonContent.Create(paper, options: Json), ct);

    /// <summary>Parses a digest or note as if it were a file named <paramref name="fileName"/> and stores its papers. Needs the API key.</summary>
    public Task<WriteResult> IngestAsync(string text, string? fileName = null, CancellationToken ct = default) =>
        SendAsync<WriteResult>(HttpMethod.Post, "ingest" + QueryString([("name", fileName)]),
            new StringContent(text, Encoding.UTF8, "text/markdown"), ct);

    /// <summary>Deletes a paper written through the API; false when there is no such paper. Needs the API key.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Delete, "papers/" + Uri.EscapeDataString(id));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await EnsureSuccessAsync(response, ct);
        return true;
    }

    /// <summary>Keyword indexing and embedding progress.</summary>
    public Task<HealthReport> HealthAsync(CancellationToken ct = default) => GetAsync<HealthReport>("health", ct);

    /// <summary>Parse warnings grouped by file, optionally only those with <paramref name="code"/>.</summary>
    public Task<WarningReport> WarningsAsync(string? code = null, int? limit = null, int? offset = null, CancellationToken ct = default) =>
        GetAsync<WarningReport>("warnings" + QueryString([("code", code), ("limit", limit?.ToString()), ("offset", offset?.ToString())]), ct);

    /// <summary>Authors whose name starts with <paramref name="prefix"/>, with paper counts.</summary>
    public Task<IReadOnlyList<FacetValue>> AuthorsAsync(string? prefix = null, int? limit = null, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<FacetValue>>("authors" + QueryString([("prefix", prefix), ("limit", limit?.ToString())]), ct);

    /// <summary>Tags that start with <paramref name="prefix"/>, with paper counts and merged spellings.</summary>
    public Task<IReadOnlyList<TagCount>> TagsAsync(string? prefix = null, int? limit = null, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<TagCount>>("tags" + QueryString([("prefix", prefix), ("limit", limit?.ToString())]), ct);

    private Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = Request(method, path);
        request.Content = content;
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new SearchServiceException(response.StatusCode, "Empty response", $"{method} {path} answered with no body.");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        // Relative paths keep whatever base path the service sits under (http://host/search-service/ + "search").
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (!string.IsNullOrEmpty(apiKey)) request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        Problem? problem = null;
        try { problem = body.Length > 0 ? JsonSerializer.Deserialize<Problem>(body, Json) : null; }
        catch (JsonException) { }
        // Not every error is a ProblemDetails (a proxy in between, say): keep what the body said.
        var detail = problem?.Detail ?? (problem is null && body.Length > 0 ? body[..Math.Min(body.Length, 500)] : null);
        throw new SearchServiceException(response.StatusCode, problem?.Title ?? response.ReasonPhrase ?? "Error", detail, problem?.Errors);
    }

    private static string QueryString(IEnumerable<(string Name, string? Value)> parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
