using SearchService.Core.Ingestion;

namespace SearchService.Core.Search;

/// <summary>
/// The entry point for searches. Chooses the mode (hybrid once vectors exist, keyword before), falls back
/// to keyword with a warning when semantic search cannot answer, and fuses keyword and semantic rankings
/// by score in hybrid mode (<see cref="HybridFusion"/>). In semantic and hybrid mode, <c>total</c> counts the
/// keyword matches plus the nearest papers by meaning that the keywords did not match.
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
        var ranked = semantic.Rank(request, Math.Max(settings.FusionDepth, request.Offset + request.Limit));
        var papers = ranked.Select(r => (Paper: store.Find(r.Id), r.Score)).Where(r => r.Paper is not null).ToList();
        var highlight = keyword.Highlighter(request.Query);
        var page = papers.Skip(request.Offset).Take(request.Limit)
            .Select(r => SearchHit.From(r.Paper!, r.Score, highlight(r.Paper!))).ToList();
        return new SearchResponse(papers.Count, request.Offset, request.Limit, page,
            FacetCounts.Of(papers.Select(p => p.Paper!).ToList(), FacetSize), Name(SearchMode.Semantic));
    }

    private SearchResponse Hybrid(SearchRequest request, SemanticSearcher semantic)
    {
        var depth = Math.Max(settings.FusionDepth, request.Offset + request.Limit);
        var lexical = keyword.Search(request with { Offset = 0, Limit = depth, Sort = SearchSort.Relevance }, withHighlights: false);
        if (semantic.QueryVector(request, lexical.Results) is not { } query) return keyword.Search(request);
        var meaning = semantic.Rank(request, query, depth);
        var fused = HybridFusion.Fuse(lexical.Results, meaning, id => semantic.Similarity(query, id), settings.SemanticWeight);
        if (request.Sort == SearchSort.Date)
            fused = fused.OrderByDescending(f => store.Find(f.Id)?.Date).ToList();
        var highlight = keyword.Highlighter(request.Query);
        var page = fused.Skip(request.Offset).Take(request.Limit)
            .Select(f => (Paper: store.Find(f.Id), f.Score))
            .Where(r => r.Paper is not null)
            .Select(r => SearchHit.From(r.Paper!, (float)r.Score, highlight(r.Paper!))).ToList();
        var lexicalIds = lexical.Results.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var semanticOnly = meaning.Count(m => !lexicalIds.Contains(m.Id));
        return new SearchResponse(lexical.Total + semanticOnly, request.Offset, request.Limit, page, lexical.Facets, Name(SearchMode.Hybrid));
    }

    private static string Name(SearchMode mode) => mode.ToString().ToLowerInvariant();
}
