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
        var best = 1f;
        if (lexical.Count > 0)
        {
            best = float.Epsilon;
            foreach (var hit in lexical) best = Math.Max(best, hit.Score);
        }
        // Each candidate once, in first-seen order: its relative keyword score (0 when only the meaning found it), then its cosine.
        var seen = new HashSet<string>(lexical.Count + semantic.Count, StringComparer.Ordinal);
        var candidates = new List<(string Id, double Keyword, double Cosine)>(lexical.Count + semantic.Count);
        foreach (var hit in lexical)
            if (seen.Add(hit.Id)) candidates.Add((hit.Id, hit.Score / (double)best, 0));
        foreach (var hit in semantic)
            if (seen.Add(hit.Id)) candidates.Add((hit.Id, 0, 0));
        if (candidates.Count == 0) return [];
        double low = double.MaxValue, high = double.MinValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            var value = (double)(cosine(candidates[i].Id) ?? 0f);
            candidates[i] = candidates[i] with { Cosine = value };
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }
        var span = Math.Max(high - low, 1e-6);
        var fused = new List<(string Id, double Score)>(candidates.Count);
        foreach (var (id, keyword, value) in candidates)
            fused.Add((id, keyword + semanticWeight * (value - low) / span));
        fused.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.Id, y.Id));
        return fused;
    }
}
