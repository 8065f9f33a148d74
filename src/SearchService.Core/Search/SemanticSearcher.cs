using SearchService.Core.Semantic;

namespace SearchService.Core.Search;

/// <summary>
/// Ranks papers by the cosine of their vector to the query's. The model reads English only, so the query
/// is first put into English (<see cref="IQueryTranslator"/>), and the vector is pulled toward the papers
/// the query matches lexically (pseudo-relevance feedback): that is how a Korean query reaches English text.
/// </summary>
public sealed class SemanticSearcher(PaperVectors vectors, KeywordSearcher keyword, IQueryTranslator translator, SemanticOptions? options = null)
{
    private readonly SemanticOptions settings = options ?? new SemanticOptions();

    public bool IsReady => vectors.IsAvailable && vectors.Embedded > 0;

    /// <summary>The <paramref name="n"/> nearest papers that pass the request's filters and restrictions.</summary>
    public IReadOnlyList<(string Id, float Score)> Rank(SearchRequest request, int n) =>
        QueryVector(request) is { } query ? Rank(request, query, n) : [];

    public IReadOnlyList<(string Id, float Score)> Rank(SearchRequest request, float[] query, int n)
    {
        var allowed = keyword.AllowedIds(request);
        return vectors.Nearest(query, n, allowed is null ? null : allowed.Contains);
    }

    /// <summary>The cosine of paper <paramref name="id"/> to <paramref name="query"/>, or null when it has no vector yet.</summary>
    public float? Similarity(float[] query, string id) => vectors.Similarity(query, id);

    /// <summary>
    /// The vector the request is searched with: its English words plus feedback from its best keyword hits
    /// (<paramref name="keywordHits"/> when the caller already ranked them, else searched here).
    /// </summary>
    public float[]? QueryVector(SearchRequest request, IReadOnlyList<SearchHit>? keywordHits = null)
    {
        var english = translator.ToEnglish(FreeText(request.Query));
        var direct = string.IsNullOrWhiteSpace(english) ? null : vectors.EmbedQuery(english);
        var feedback = FeedbackVector(request, keywordHits);
        if (direct is null) return feedback;
        if (feedback is null) return direct;
        var weight = settings.FeedbackWeight;
        return direct.Zip(feedback, (d, f) => d + weight * f).ToArray();
    }

    /// <summary>The mean vector of the top keyword hits, or null when none has a vector.</summary>
    private float[]? FeedbackVector(SearchRequest request, IReadOnlyList<SearchHit>? keywordHits)
    {
        if (settings.FeedbackDocuments <= 0) return null;
        var top = keywordHits
            ?? keyword.Search(request with { Offset = 0, Limit = settings.FeedbackDocuments, Sort = SearchSort.Relevance }, withHighlights: false).Results;
        float[]? sum = null;
        var count = 0;
        foreach (var hit in top.Take(settings.FeedbackDocuments))
        {
            if (!vectors.TryGet(hit.Id, out var v)) continue;
            sum ??= new float[v.Length];
            for (var i = 0; i < v.Length; i++) sum[i] += v[i];
            count++;
        }
        return sum?.Select(x => x / count).ToArray();
    }

    /// <summary>The words of the query without operators: what the query is about.</summary>
    private static string FreeText(string query) =>
        string.Join(' ', QuerySyntax.Parse(query).Where(c => !c.IsExcluded && c.Field is ClauseField.Any or ClauseField.Title or ClauseField.Abstract).Select(c => c.Text));
}
