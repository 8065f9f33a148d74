namespace SearchService.Core.Search;

/// <summary>
/// How much a match in each field counts in the keyword score. Tuned on the development queries
/// (benchmarks/README.md has the table); kept coarse so they describe the fields, not the queries.
/// </summary>
public sealed record KeywordWeights
{
    public float Title { get; init; } = 3.0f;
    public float Abstract { get; init; } = 1.0f;
    public float English { get; init; } = 0.6f;
    public float Korean { get; init; } = 1.5f;
    public float Authors { get; init; } = 1.0f;
    /// <summary>
    /// All the text of a paper as one field. It carries most of the score: one length norm for the whole
    /// note ranks better than summing per-field scores, since most notes have only some of the fields.
    /// </summary>
    public float AllText { get; init; } = 4.0f;
    /// <summary>A dictionary equivalent in the other language counts this much of the typed term.</summary>
    public float Expansion { get; init; } = 0.5f;
    /// <summary>
    /// How many of a query's free words a paper must match to count as a match, in Elasticsearch's
    /// <c>minimum_should_match</c> syntax (<see cref="ShouldMatch"/>). Decides which papers match (so <c>total</c> and facets), never their order.
    /// </summary>
    public string MinimumShouldMatch { get; init; } = "1<2";
}
