using SearchService.Core.Notes;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Core.Search;

/// <summary>
/// The entry point for searches. Chooses the mode (hybrid once vectors exist, keyword before), falls back
/// to keyword with a warning when semantic search cannot answer, and fuses keyword and semantic rankings
/// by score in hybrid mode (<see cref="HybridFusion"/>). In hybrid mode, <c>total</c> counts the candidates of
/// both rankings whose fused score reaches <see cref="SemanticOptions.HybridCutoff"/> of the best; in semantic
/// mode it counts the papers whose cosine reaches <see cref="SemanticOptions.SemanticCutoff"/> of the best
/// (and at least <see cref="SemanticOptions.MinSimilarity"/>).
/// </summary>
/// <param name="currentSemantic">The semantic searcher once it is loaded; null before, or when semantic search is off.</param>
public sealed class SearchEngine(KeywordSearcher keyword, PaperStore store, Func<SemanticSearcher?>? currentSemantic = null, SemanticOptions? options = null)
{
    private const int FacetSize = 10;
    private readonly SemanticOptions settings = options ?? new SemanticOptions();

    public SearchResponse Search(SearchRequest request)
    {
        var semantic = currentSemantic?.Invoke();
        var ready = semantic?.IsReady == true;
        var mode = request.Mode ?? (ready ? SearchMode.Hybrid : SearchMode.Keyword);
        // Without words there is nothing to compare meanings with: a filter-only request browses by keyword.
        if (mode == SearchMode.Keyword || string.IsNullOrWhiteSpace(request.Query)) return keyword.Search(request);
        if (!ready)
        {
            var why = currentSemantic is null ? "semantic search is turned off" : "embeddings are not available (yet)";
            return keyword.Search(request) with { Warnings = [$"{Name(mode)} search fell back to keyword search: {why}."] };
        }
        return mode == SearchMode.Semantic ? Semantic(request, semantic!) : Hybrid(request, semantic!);
    }

    private SearchResponse Semantic(SearchRequest request, SemanticSearcher semantic)
    {
        var feedback = semantic.FeedbackDocuments > 0
            ? keyword.Search(request with { Offset = 0, Limit = semantic.FeedbackDocuments, Sort = SearchSort.Relevance }, withHighlights: false).Results
            : [];
        if (semantic.QueryVector(FreeText(request.Query), feedback.Select(h => h.Id)) is not { } query)
            return keyword.Search(request) with { Mode = Name(SearchMode.Semantic), Warnings = ["The query has no words the embedding model can read; answered by keyword."] };
        var allowed = keyword.AllowedIds(request);
        var nearest = semantic.Rank(query, Math.Max(settings.SemanticDepth, request.Offset + request.Limit), allowed is null ? null : allowed.Contains);
        // Every paper has some cosine to any query: a match is one near the best, not merely above the floor.
        var bar = Math.Max(settings.MinSimilarity, settings.SemanticCutoff * (nearest.Count > 0 ? nearest[0].Score : 0));
        var matches = nearest
            .Where(r => r.Score >= bar)
            .Select(r => (Paper: store.Find(r.Id), r.Score))
            .Where(r => r.Paper is not null)
            .Select(r => (Paper: r.Paper!, r.Score))
            .ToList();
        if (request.Sort == SearchSort.Date) matches = [.. ByDate(matches, m => m.Paper)];
        var highlight = keyword.Highlighter(request.Query);
        var page = matches.Skip(request.Offset).Take(request.Limit)
            .Select(r => SearchHit.From(r.Paper, r.Score, highlight(r.Paper))).ToList();
        return new SearchResponse(matches.Count, request.Offset, request.Limit, page,
            FacetCounts.Of(matches.Select(m => m.Paper).ToList(), FacetSize), Name(SearchMode.Semantic));
    }

    private SearchResponse Hybrid(SearchRequest request, SemanticSearcher semantic)
    {
        var depth = Math.Max(settings.FusionDepth, request.Offset + request.Limit);
        // Fusion reads every paper sharing a word (a paraphrase may share only one with its paper); the
        // cutoff below, not the keyword rule, decides what counts as a match.
        var lexical = keyword.Search(request with { Offset = 0, Limit = depth, Sort = SearchSort.Relevance, MinimumShouldMatch = "1" }, withHighlights: false);
        if (semantic.QueryVector(FreeText(request.Query), lexical.Results.Select(h => h.Id)) is not { } query) return keyword.Search(request);
        var allowed = keyword.AllowedIds(request);
        var meaning = semantic.Rank(query, depth, allowed is null ? null : allowed.Contains);
        var ranked = HybridFusion.Fuse(lexical.Results, meaning, id => semantic.Similarity(query, id), settings.SemanticWeight);
        // A match is a candidate that scores near the best one: not every paper sharing one word of the
        // query, nor every paper the embedding ranks somewhere.
        var bar = settings.HybridCutoff * (ranked.Count > 0 ? ranked[0].Score : 0);
        ranked = ranked.Where(f => f.Score >= bar).ToList();
        var fused = ranked
            .Select(f => (Paper: store.Find(f.Id), f.Score))
            .Where(f => f.Paper is not null)
            .Select(f => (Paper: f.Paper!, f.Score))
            .ToList();
        if (request.Sort == SearchSort.Date) fused = [.. ByDate(fused, f => f.Paper)];
        var highlight = keyword.Highlighter(request.Query);
        var page = fused.Skip(request.Offset).Take(request.Limit)
            .Select(r => SearchHit.From(r.Paper, (float)r.Score, highlight(r.Paper))).ToList();
        return new SearchResponse(fused.Count, request.Offset, request.Limit, page,
            FacetCounts.Of(fused.Select(f => f.Paper).ToList(), FacetSize), Name(SearchMode.Hybrid));
    }

    /// <summary>Newest first; undated papers last; the relevance order kept among papers of one date.</summary>
    private static IEnumerable<T> ByDate<T>(IEnumerable<T> ranked, Func<T, Paper> paper) =>
        ranked.OrderByDescending(r => paper(r).Date ?? DateOnly.MinValue);

    /// <summary>The words of the query without operators: what the query is about.</summary>
    private static string FreeText(string query) =>
        string.Join(' ', QuerySyntax.Parse(query).Where(c => !c.IsExcluded && c.Field is ClauseField.Any or ClauseField.Title or ClauseField.Abstract).Select(c => c.Text));

    private static string Name(SearchMode mode) => mode.ToString().ToLowerInvariant();
}
