using SearchService.Core.Analysis.Terminology;

namespace SearchService.Core.Semantic;

/// <summary>
/// Ranks papers by the cosine of their vector to the query's. The model reads English only, so the query
/// is first put into English (<see cref="IQueryTranslator"/>), and the vector is pulled toward the papers
/// the query matches lexically (pseudo-relevance feedback): that is how a Korean query reaches English text.
/// Knows nothing of keyword search: the caller hands in the keyword hits and the filter.
/// </summary>
public sealed class SemanticSearcher(PaperVectors vectors, IQueryTranslator translator, SemanticOptions? options = null)
{
    private readonly SemanticOptions settings = options ?? new SemanticOptions();
    // A query's English text and its embedding never change: a repeated query skips the model.
    private readonly LruCache<string, string> translations = new((options ?? new SemanticOptions()).QueryCacheSize);
    private readonly LruCache<string, float[]?> embeddings = new((options ?? new SemanticOptions()).QueryCacheSize);

    public bool IsReady => vectors.IsAvailable && vectors.Embedded > 0;

    /// <summary>How many top keyword hits the caller should hand to <see cref="QueryVectorAsync"/>.</summary>
    public int FeedbackDocuments => settings.FeedbackDocuments;

    /// <summary>The <paramref name="n"/> nearest papers to <paramref name="query"/> that <paramref name="allowed"/> lets through (all when null).</summary>
    public IReadOnlyList<(string Id, float Score)> Rank(float[] query, int n, Func<string, bool>? allowed) =>
        vectors.Nearest(query, n, allowed);

    /// <summary>The cosine of paper <paramref name="id"/> to <paramref name="query"/>, or null when it has no vector yet.</summary>
    public float? Similarity(float[] query, string id) => vectors.Similarity(query, id);

    /// <summary>
    /// The vector a query is searched with: its words put into English, plus the mean vector of its best
    /// keyword hits (<paramref name="feedbackIds"/>, best first). Null when neither gives a vector.
    /// </summary>
    public async Task<float[]?> QueryVectorAsync(string freeText, IEnumerable<string> feedbackIds)
    {
        var english = translations.GetOrAdd(freeText, translator.ToEnglish);
        var direct = string.IsNullOrWhiteSpace(english) ? null : await EmbeddingOf(english);
        var feedback = FeedbackVector(feedbackIds);
        if (direct is null) return feedback;
        // The cached vector is shared: hand out a copy.
        if (feedback is null) return (float[])direct.Clone();
        var weight = settings.FeedbackWeight;
        return direct.Zip(feedback, (d, f) => d + weight * f).ToArray();
    }

    private async Task<float[]?> EmbeddingOf(string english)
    {
        if (embeddings.TryGet(english, out var cached)) return cached;
        var vector = await vectors.EmbedQueryAsync(english);
        embeddings.Set(english, vector);
        return vector;
    }

    /// <summary>
    /// True when <see cref="QueryVectorAsync"/> takes its feedback from the same papers in <paramref name="first"/>
    /// and <paramref name="second"/>, in whatever order: it then returns the same vector for both.
    /// </summary>
    public bool SameFeedback(IEnumerable<string> first, IEnumerable<string> second) =>
        FeedbackIds(first).SequenceEqual(FeedbackIds(second), StringComparer.Ordinal);

    /// <summary>The papers whose vectors make the feedback, in a fixed order so that their sum does not depend on the ranking's.</summary>
    private IEnumerable<string> FeedbackIds(IEnumerable<string> ranked) =>
        ranked.Take(settings.FeedbackDocuments).Order(StringComparer.Ordinal);

    /// <summary>The mean vector of the top keyword hits, or null when none has a vector.</summary>
    private float[]? FeedbackVector(IEnumerable<string> ids)
    {
        if (settings.FeedbackDocuments <= 0) return null;
        float[]? sum = null;
        var count = 0;
        foreach (var id in FeedbackIds(ids))
        {
            if (!vectors.TryGet(id, out var v)) continue;
            sum ??= new float[v.Length];
            for (var i = 0; i < v.Length; i++) sum[i] += v[i];
            count++;
        }
        return sum?.Select(x => x / count).ToArray();
    }
}
