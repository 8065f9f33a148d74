namespace SearchService.Core.Search.Ranking;

/// <summary>
/// What hybrid search knows of one candidate once both rankings are fused: the raw signals a learned ranker reads.
/// Ranks count from 0; a null rank means the candidate was not in that ranking's list.
/// </summary>
public sealed record HybridCandidate(
    string Id,
    double KeywordScore,
    int? KeywordRank,
    float Cosine,
    int? SemanticRank,
    IReadOnlyList<float> ChunkCosines,
    double FusedScore,
    int FusedRank);

/// <summary>The candidates of one hybrid query, best fused first, with the query as the embedding model read it.</summary>
public sealed record HybridCandidates(string FreeText, string English, IReadOnlyList<HybridCandidate> Candidates)
{
    /// <summary>Joins the two rankings and their fusion into one record per fused candidate.</summary>
    public static HybridCandidates From(string freeText, string english,
        IReadOnlyList<(string Id, float Score)> lexical, IReadOnlyList<(string Id, float Score)> semantic,
        IReadOnlyList<(string Id, double Score)> fused, Func<string, IReadOnlyList<float>> chunkCosines)
    {
        var keywordRank = Ranks(lexical.Select(h => h.Id));
        var keywordScore = lexical.ToDictionary(h => h.Id, h => (double)h.Score, StringComparer.Ordinal);
        var semanticRank = Ranks(semantic.Select(h => h.Id));
        var candidates = fused.Select((f, rank) =>
        {
            var cosines = chunkCosines(f.Id);
            return new HybridCandidate(f.Id, keywordScore.GetValueOrDefault(f.Id), Rank(keywordRank, f.Id),
                cosines.Count > 0 ? cosines.Max() : 0f, Rank(semanticRank, f.Id), cosines, f.Score, rank);
        }).ToList();
        return new HybridCandidates(freeText, english, candidates);
    }

    private static Dictionary<string, int> Ranks(IEnumerable<string> ids)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids) ranks.TryAdd(id, ranks.Count);
        return ranks;
    }

    private static int? Rank(Dictionary<string, int> ranks, string id) => ranks.TryGetValue(id, out var rank) ? rank : null;
}
