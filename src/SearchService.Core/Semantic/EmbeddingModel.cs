namespace SearchService.Core.Semantic;

/// <summary>
/// The sentence-embedding models the service can run, each shipped inside a NuGet package (nothing is
/// downloaded at run time). Chosen with <c>Semantic:Model</c>; measured against each other in benchmarks/README.md.
/// </summary>
public enum EmbeddingModel
{
    /// <summary>all-MiniLM-L6-v2: English, mean pooling, no query prefix.</summary>
    MiniLM,

    /// <summary>snowflake-arctic-embed-xs: English retrieval model, [CLS] pooling, queries carry an instruction prefix.</summary>
    ArcticXs,

    /// <summary>
    /// Both models side by side: each text gets both vectors, joined, so a dot product is the mean of the two
    /// cosines (score fusion of the two models at the cost of embedding everything twice).
    /// </summary>
    MiniLMAndArcticXs,
}
