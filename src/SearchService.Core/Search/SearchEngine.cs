using SearchService.Core.Notes;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Core.Search;

/// <summary>
/// The entry point for searches. Chooses the mode (hybrid once vectors exist, keyword before), falls back
/// to keyword with a warning when semantic search cannot answer, and fuses keyword and semantic rankings
/// by score in hybrid mode (<see cref="HybridFusion"/>). In hybrid mode, <c>total</c> counts the keyword
/// matches plus the nearest papers by meaning that the keywords did not match; in semantic mode it counts the
/// papers whose cosine reaches <see cref="SemanticOptions.MinSimilarity"/> among the nearest <see cref="SemanticOptions.SemanticDepth"/>
/// (pages stop there). Neither total depends on the page asked for.
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
        var query = keyword.Prepare(request.Query);
        // Without words there is nothing to compare meanings with: a filter-only request browses by keyword.
        if (mode == SearchMode.Keyword || string.IsNullOrWhiteSpace(request.Query)) return keyword.Search(request, query);
        if (!ready)
        {
            var why = currentSemantic is null ? "semantic search is turned off" : "embeddings are not available (yet)";
            return keyword.Search(request, query) with { Warnings = [$"{Name(mode)} search fell back to keyword search: {why}."] };
        }
        return mode == SearchMode.Semantic ? Semantic(request, query, semantic!) : Hybrid(request, query, semantic!);
    }

    private SearchResponse Semantic(SearchRequest request, PreparedQuery prepared, SemanticSearcher semantic)
    {
        var feedback = semantic.FeedbackDocuments > 0
            ? keyword.Rank(request, prepared, semantic.FeedbackDocuments, withFacets: false).Ranked
            : [];
        if (semantic.QueryVector(prepared.FreeText, feedback.Select(h => h.Id)) is not { } query)
            return keyword.Search(request, prepared) with { Mode = Name(SearchMode.Semantic), Warnings = ["The query has no words the embedding model can read; answered by keyword."] };
        var allowed = keyword.AllowedIds(request, prepared);
        // A fixed depth, not one that grows with the offset: the total must not change as the client pages.
        var matches = semantic.Rank(query, settings.SemanticDepth, allowed is null ? null : allowed.Contains)
            .Where(r => r.Score >= settings.MinSimilarity)
            .Select(r => (Paper: store.Find(r.Id), r.Score))
            .Where(r => r.Paper is not null)
            .Select(r => (Paper: r.Paper!, r.Score))
            .ToList();
        if (request.Sort == SearchSort.Date) matches = [.. ByDate(matches, m => m.Paper)];
        var page = Page(prepared, matches.Skip(request.Offset).Take(request.Limit).Select(m => (m.Paper, (double)m.Score)).ToList());
        return new SearchResponse(matches.Count, request.Offset, request.Limit, page,
            FacetCounts.Of(matches.Select(m => m.Paper).ToList(), FacetSize), Name(SearchMode.Semantic));
    }

    private SearchResponse Hybrid(SearchRequest request, PreparedQuery prepared, SemanticSearcher semantic)
    {
        var depth = Math.Max(settings.FusionDepth, request.Offset + request.Limit);
        var lexical = keyword.Rank(request, prepared, depth);
        if (semantic.QueryVector(prepared.FreeText, lexical.Ranked.Select(h => h.Id)) is not { } query) return keyword.Search(request, prepared);
        var allowed = keyword.AllowedIds(request, prepared);
        var meaning = semantic.Rank(query, depth, allowed is null ? null : allowed.Contains);
        var fused = HybridFusion.Fuse(lexical.Ranked, meaning, id => semantic.Similarity(query, id), settings.SemanticWeight);
        IEnumerable<(Paper Paper, double Score)> ranked;
        if (request.Sort == SearchSort.Date)
            ranked = ByDate(fused.Select(f => (Paper: store.Find(f.Id), f.Score)).Where(f => f.Paper is not null).Select(f => (f.Paper!, f.Score)), f => f.Item1);
        else
            // Only the page's papers are looked up: ranking needs ids and scores alone.
            ranked = fused.Select(f => (Paper: store.Find(f.Id), f.Score)).Where(f => f.Paper is not null).Select(f => (f.Paper!, f.Score));
        var page = Page(prepared, ranked.Skip(request.Offset).Take(request.Limit).ToList());
        // Counted at the fixed fusion depth on both sides, so the total does not change with the offset.
        var lexicalIds = lexical.Ranked.Take(settings.FusionDepth).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var semanticOnly = meaning.Take(settings.FusionDepth).Count(m => !lexicalIds.Contains(m.Id));
        return new SearchResponse(lexical.Total + semanticOnly, request.Offset, request.Limit, page, lexical.Facets, Name(SearchMode.Hybrid));
    }

    /// <summary>The hits of a page, with their snippets.</summary>
    private List<SearchHit> Page(PreparedQuery prepared, IReadOnlyList<(Paper Paper, double Score)> page)
    {
        var highlights = keyword.Highlights(prepared, page.Select(p => p.Paper).ToList());
        return page.Select((p, i) => SearchHit.From(p.Paper, (float)p.Score, highlights[i])).ToList();
    }

    /// <summary>Newest first; undated papers last; the relevance order kept among papers of one date.</summary>
    private static IEnumerable<T> ByDate<T>(IEnumerable<T> ranked, Func<T, Paper> paper) =>
        ranked.OrderByDescending(r => paper(r).Date ?? DateOnly.MinValue);

    private static string Name(SearchMode mode) => mode.ToString().ToLowerInvariant();
}
