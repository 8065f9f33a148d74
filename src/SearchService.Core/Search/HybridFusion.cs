namespace SearchService.Core.Search;

/// <summary>
/// Fuses a keyword ranking and a semantic ranking by score: each candidate of either list gets its keyword
/// score relative to the best one (0 when it did not match the words) plus a weighted cosine, rescaled to
/// [0, 1] over all candidates. Every candidate's cosine is computed, not only those the semantic list reached.
/// </summary>
public static class HybridFusion
{
    public static List<(string Id, double Score)> Fuse(
        IReadOnlyList<(string Id, float Score)> lexical, IReadOnlyList<(string Id, float Score)> semantic, Func<string, float?> cosine, double semanticWeight)
    {
        var best = lexical.Count > 0 ? Math.Max(lexical.Max(h => h.Score), float.Epsilon) : 1f;
        var keywordScore = lexical.ToDictionary(h => h.Id, h => h.Score / (double)best, StringComparer.Ordinal);
        var candidates = keywordScore.Keys.Concat(semantic.Select(s => s.Id)).Distinct(StringComparer.Ordinal).ToList();
        var cosines = candidates.ToDictionary(id => id, id => (double)(cosine(id) ?? 0f), StringComparer.Ordinal);
        var low = cosines.Values.DefaultIfEmpty(0).Min();
        var span = Math.Max(cosines.Values.DefaultIfEmpty(0).Max() - low, 1e-6);
        return candidates
            .Select(id => (Id: id, Score: keywordScore.GetValueOrDefault(id) + semanticWeight * (cosines[id] - low) / span))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }
}
