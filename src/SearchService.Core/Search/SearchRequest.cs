namespace SearchService.Core.Search;

public enum SearchSort { Relevance, Date }

public enum SearchMode { Keyword, Semantic, Hybrid }

/// <summary>A validated search: free text plus filters, ordering and the page wanted.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";
    /// <summary>Every name must match one of the paper's authors.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>Every tag must be on the paper (compared in normalized form).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>Null lets the service choose: hybrid once vectors exist, keyword before.</summary>
    public SearchMode? Mode { get; init; }
    /// <summary>
    /// How many of the free words a paper must match (<see cref="ShouldMatch"/> syntax); null takes
    /// <see cref="KeywordWeights.MinimumShouldMatch"/>. Set by the engine, not by users.
    /// </summary>
    public string? MinimumShouldMatch { get; init; }
    public int Limit { get; init; } = 10;
    public int Offset { get; init; }
}
