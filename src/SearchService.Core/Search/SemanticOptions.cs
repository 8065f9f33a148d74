namespace SearchService.Core.Search;

/// <summary>Tuning of semantic and hybrid ranking, bound from the "Semantic" configuration section.</summary>
public sealed record SemanticOptions
{
    public const string Section = "Semantic";

    /// <summary>Whether to load the embedding model and compute vectors at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How many top keyword hits feed back into the query vector.</summary>
    public int FeedbackDocuments { get; init; } = 3;

    /// <summary>Weight of the feedback vector against the query's own (both before normalization).</summary>
    public float FeedbackWeight { get; init; } = 0.5f;

    /// <summary>
    /// Hybrid score = keyword score / best keyword score + this × the cosine rescaled to [0, 1] over the
    /// candidates. Scores rather than ranks: the keyword ranking is the stronger one on our data, and rank
    /// fusion throws away how far ahead its best hit is.
    /// </summary>
    public double SemanticWeight { get; init; } = 1.0;

    /// <summary>How deep each ranking is read before fusion.</summary>
    public int FusionDepth { get; init; } = 100;
}
