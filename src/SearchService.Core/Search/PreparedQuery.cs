using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// The <c>q</c> of one request, parsed and built once and shared by everything the request does with it:
/// ranking, the semantic filter, the text the embedding model reads, and highlighting.
/// </summary>
public sealed class PreparedQuery
{
    public required IReadOnlyList<QueryClause> Clauses { get; init; }
    /// <summary>The scoring query; null when there is no positive text to score.</summary>
    public required Query? Scoring { get; init; }
    /// <summary>Phrases and field prefixes that must match and words that must not; null when there are none.</summary>
    public required Query? Restrictions { get; init; }
    /// <summary>The words of the query without operators: what the query is about.</summary>
    public required string FreeText { get; init; }
    public required HighlightTerms Highlight { get; init; }
}
