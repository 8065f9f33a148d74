using System.Globalization;
using SearchService.Core.Notes;

namespace SearchService.Core.Search.Ranking;

/// <summary>
/// The feature vector a learned ranker scores a hybrid candidate by: the signals fusion already computed
/// (scores, ranks, each chunk's cosine) put relative to the other candidates of the query, plus how much of the
/// query (as typed and put into English) the paper's title and tags contain. Cheap: no index or model access.
/// </summary>
public static class RankingFeatures
{
    /// <summary>Feature names, in vector order; the model file is trained on exactly these.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "keyword_score_vs_best", "keyword_reciprocal_rank", "cosine", "cosine_gap_to_best", "semantic_reciprocal_rank",
        "first_chunk_cosine", "last_chunk_cosine", "fused_score_vs_best", "fused_reciprocal_rank",
        "query_words_in_title", "english_words_in_title", "query_words_in_tags", "query_hangul_share", "query_words",
    ];

    /// <summary>One vector per candidate, in the order given.</summary>
    /// <param name="query">The free text of the query, as typed.</param>
    /// <param name="english">The query put into English (what the embedding model read), or the query itself.</param>
    public static float[][] Of(string query, string english, IReadOnlyList<HybridCandidate> candidates, Func<string, Paper?> paper)
    {
        var words = Words(query);
        var englishWords = Words(english);
        var hangul = query.Length == 0 ? 0 : query.Count(IsHangul) / (float)query.Count(c => !char.IsWhiteSpace(c));
        var bestKeyword = Math.Max(candidates.Select(c => c.KeywordScore).DefaultIfEmpty(0).Max(), 1e-9);
        var bestCosine = candidates.Select(c => c.Cosine).DefaultIfEmpty(0).Max();
        var bestFused = Math.Max(candidates.Select(c => c.FusedScore).DefaultIfEmpty(0).Max(), 1e-9);
        return candidates.Select(c =>
        {
            var p = paper(c.Id);
            var title = p?.Title ?? "";
            var tags = p is null ? "" : string.Join(' ', p.Tags);
            return new[]
            {
                (float)(c.KeywordScore / bestKeyword),
                Reciprocal(c.KeywordRank),
                c.Cosine,
                c.Cosine - bestCosine,
                Reciprocal(c.SemanticRank),
                c.ChunkCosines.Count > 0 ? c.ChunkCosines[0] : c.Cosine,
                c.ChunkCosines.Count > 0 ? c.ChunkCosines[^1] : c.Cosine,
                (float)(c.FusedScore / bestFused),
                Reciprocal(c.FusedRank),
                ShareFound(words, title),
                ShareFound(englishWords, title),
                ShareFound(words.Concat(englishWords).Distinct().ToList(), tags),
                hangul,
                words.Count,
            };
        }).ToArray();
    }

    private static float Reciprocal(int? rank) => rank is { } r ? 1f / (r + 1) : 0f;

    /// <summary>
    /// Share of <paramref name="words"/> found inside <paramref name="text"/>. Substring, not token, match: a Korean
    /// query word carries particles ("모델을") that the title's form lacks, and the stem is still found.
    /// </summary>
    private static float ShareFound(IReadOnlyList<string> words, string text)
    {
        if (words.Count == 0 || text.Length == 0) return 0;
        var lower = text.ToLowerInvariant();
        return words.Count(w => lower.Contains(Stem(w), StringComparison.Ordinal)) / (float)words.Count;
    }

    // A Korean word's last syllable is often a particle: compare its first two syllables.
    private static string Stem(string word) => word.Length > 2 && word.All(IsHangul) ? word[..2] : word;

    private static List<string> Words(string text) =>
        text.ToLowerInvariant()
            .Split(c => !char.IsLetterOrDigit(c) && c != '-')
            .Where(w => w.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !separator(text[i])) continue;
            if (i > start) parts.Add(text[start..i]);
            start = i + 1;
        }
        return [.. parts];
    }

    /// <summary>A vector as text, for logs and training-data dumps.</summary>
    public static string Format(float[] features) => string.Join(' ', features.Select(f => f.ToString("0.###", CultureInfo.InvariantCulture)));
}
