namespace SearchService.Client;

// The service's JSON, as the client reads it. Kept apart from SearchService.Core so that a program talking
// to the service needs neither Lucene nor the embedding model; field names follow the OpenAPI document.

/// <summary>What to search for; every part is optional. See <c>GET /search</c> in the API reference.</summary>
public sealed record SearchQuery
{
    /// <summary>Words in Korean, English or both; "phrases", -exclusions and title:/abstract:/author:/tag: prefixes.</summary>
    public string? Q { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Earliest date: yyyy, yyyy-MM or yyyy-MM-dd.</summary>
    public string? From { get; init; }
    /// <summary>Latest date: yyyy, yyyy-MM or yyyy-MM-dd.</summary>
    public string? To { get; init; }
    /// <summary>"relevance" (default) or "date".</summary>
    public string? Sort { get; init; }
    /// <summary>"keyword", "semantic" or "hybrid" (default: hybrid once embeddings exist).</summary>
    public string? Mode { get; init; }
    public int? Limit { get; init; }
    public int? Offset { get; init; }
}

/// <summary>One page of ranked papers with facet counts over every match.</summary>
public sealed record SearchResults(int Total, int Offset, int Limit, IReadOnlyList<PaperHit> Results, SearchFacets Facets, string? Mode, IReadOnlyList<string>? Warnings);

/// <summary>A ranked paper; <see cref="Reasons"/> is set for related papers only.</summary>
public sealed record PaperHit(
    string Id, string Title, IReadOnlyList<string> Authors, IReadOnlyList<string> Tags, DateOnly? Date, string? Url,
    IReadOnlyList<PaperSource> Sources, float Score, IReadOnlyList<Highlight> Highlights, IReadOnlyList<string>? Reasons);

/// <summary>A snippet of <see cref="Field"/> with matched words in &lt;mark&gt;, the rest HTML-escaped.</summary>
public sealed record Highlight(string Field, string Snippet);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchFacets(IReadOnlyList<FacetValue> Tags, IReadOnlyList<FacetValue> Years, IReadOnlyList<FacetValue> Authors);

/// <summary>A tag with its paper count and the spellings merged into it.</summary>
public sealed record TagCount(string Value, int Count, IReadOnlyList<string> Spellings);

/// <summary>Papers related to a paper or a text, each with the reasons it is related.</summary>
public sealed record RelatedResults(IReadOnlyList<PaperHit> Results);

/// <summary>A whole paper record.</summary>
public sealed record Paper(
    string Id, string Title, IReadOnlyList<string> Authors, string Abstract, string KoreanCommentary, string EnglishCommentary,
    IReadOnlyList<string> Tags, DateOnly? Date, string? Url, IReadOnlyList<string> Links, IReadOnlyList<PaperSource> Sources);

/// <summary>Where a paper was read: a file relative to its corpus folder, and the entry number inside a digest.</summary>
public sealed record PaperSource(string Path, int? Entry);

/// <summary>A paper to add or replace with <see cref="SearchServiceClient.UpsertAsync"/>. Only a title (or an id) is required.</summary>
public sealed record NewPaper
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string>? Authors { get; init; }
    public string? Abstract { get; init; }
    public string? KoreanCommentary { get; init; }
    public string? EnglishCommentary { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public DateOnly? Date { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<string>? Links { get; init; }
}

/// <summary>What a write did: the papers it created or updated, and what the parser found odd.</summary>
public sealed record WriteResult(IReadOnlyList<Paper> Papers, IReadOnlyList<ParseWarning> Warnings);

/// <summary>Something odd the parser worked around; <see cref="Code"/> is stable, e.g. "missing-authors".</summary>
public sealed record ParseWarning(string Code, string Message, string Path, int? Line);

/// <summary>
/// <c>GET /health</c>. <see cref="Status"/> is the keyword index ("indexing" on a first ingest, "checking" while a whole
/// index from an earlier start is compared with the corpus folders and searched meanwhile, "warming" for a few seconds after a
/// start while the service warms its request path, then "ready"); <see cref="Semantic"/>
/// the vectors ("loading", "embedding", "ready", "off", "unavailable"): wait for it before relying on semantic search.
/// </summary>
public sealed record HealthReport(
    string Status, int Documents, int Files, int Warnings, DateTimeOffset? LastIngest, double? LastIngestSeconds,
    string Semantic, int Embedded, int FilesSeen, int FilesTotal, int EmbeddingTotal);

/// <summary>One page of parse warnings grouped by file; paging is over files.</summary>
public sealed record WarningReport(int Total, int TotalFiles, int Offset, int Limit, IReadOnlyList<WarningCount> Codes, IReadOnlyList<FileWarnings> Files);

public sealed record WarningCount(string Code, int Count);

public sealed record FileWarnings(string Path, IReadOnlyList<ParseWarning> Warnings);
