using Microsoft.ML.Data;

namespace SearchService.Core.Search.Ranking;

/// <summary>One candidate as ML.NET reads it: its features, and for training its label and its query's group.</summary>
public sealed class RankingRow
{
    /// <summary>Length of <see cref="RankingFeatures.Names"/>: ML.NET needs the width as a constant.</summary>
    public const int FeatureCount = 14;

    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = [];

    /// <summary>Relevance grade: 1 for a paper that answers the query, 0 otherwise.</summary>
    public float Label { get; set; }

    /// <summary>The query this candidate belongs to: a ranker compares candidates of one query only.</summary>
    [KeyType(int.MaxValue)]
    public uint Query { get; set; }
}

/// <summary>The ranker's output for one candidate: higher ranks first.</summary>
public sealed class RankingPrediction
{
    public float Score { get; set; }
}
