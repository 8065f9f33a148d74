using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>One page of ranked results with facet counts over every match.</summary>
public sealed record SearchResponse(
    int Total,
    int Offset,
    int Limit,
    IReadOnlyList<SearchHit> Results,
    SearchFacets Facets,
    string? Mode = null,
    IReadOnlyList<string>? Warnings = null);

/// <summary>A ranked paper. <see cref="Reasons"/> is set by related-paper lookups only.</summary>
public sealed record SearchHit(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    DateOnly? Date,
    string? Url,
    IReadOnlyList<PaperSource> Sources,
    float Score,
    IReadOnlyList<Highlight> Highlights,
    IReadOnlyList<string>? Reasons = null)
{
    public static SearchHit From(Paper paper, float score, IReadOnlyList<Highlight>? highlights = null, IReadOnlyList<string>? reasons = null) =>
        new(paper.Id, paper.Title, paper.Authors, paper.Tags, paper.Date, paper.Url, paper.Sources, score, highlights ?? [], reasons);
}

/// <summary>A short snippet of <see cref="Field"/> with matched words wrapped in &lt;mark&gt; (the rest HTML-escaped).</summary>
public sealed record Highlight(string Field, string Snippet);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchFacets(IReadOnlyList<FacetValue> Tags, IReadOnlyList<FacetValue> Years, IReadOnlyList<FacetValue> Authors);
