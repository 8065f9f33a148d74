using SearchService.Core.Notes;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Core.Search;

/// <summary>
/// The entry point for searches. Chooses the mode (hybrid once vectors exist, keyword before), falls back
/// to keyword with a warning when semantic search cannot answer, and fuses keyword and semantic rankings
/// by score in hybrid mode (<see cref="HybridFusion"/>). In hybrid mode, <c>total</c> counts the candidates of
/// both rankings whose fused score reaches <see cref="SemanticOptions.HybridCutoff"/> of the best; in semantic
/// mode it counts the papers whose cosine reaches <see cref="SemanticOptions.SemanticCutoffInForce"/> of the best
/// (and at least <see cref="SemanticOptions.MinSimilarity"/>) among the nearest <see cref="SemanticOptions.SemanticDepth"/>
/// (pages stop there). Neither total depends on the page asked for.
/// </summary>
/// <param name="currentSemantic">The semantic searcher once it is loaded; null before, or when semantic search is off.</param>
public sealed class SearchEngine(KeywordSearcher keyword, PaperStore store, Func<SemanticSearcher?>? currentSemantic = null, SemanticOptions? options = null)
{
    private const int FacetSize = 10;
    private readonly SemanticOptions settings = options ?? new SemanticOptions();

    /// <summary>For callers with no thread to give back while a query is embedded (the CLI, tests).</summary>
    public SearchResponse Search(SearchRequest request) => SearchAsync(request).GetAwaiter().GetResult();

    /// <summary>
    /// A keyword search completes at once; a semantic or hybrid one waits for its query's vector, which shares a model run
    /// with the other queries waiting (<see cref="QueryBatcher"/>), without holding a thread.
    /// </summary>
    public async Task<SearchResponse> SearchAsync(SearchRequest request)
    {
        var semantic = currentSemantic?.Invoke();
        var ready = semantic?.IsReady == true;
        var mode = request.Mode ?? (ready ? SearchMode.Hybrid : SearchMode.Keyword);
        // Without words there is nothing to compare meanings with: a filter-only request browses by keyword.
        if (mode == SearchMode.Keyword || string.IsNullOrWhiteSpace(request.Query)) return keyword.Search(request, Prepare(request));
        if (!ready)
        {
            var why = currentSemantic is null ? "semantic search is turned off" : "embeddings are not available (yet)";
            return keyword.Search(request, Prepare(request)) with { Warnings = [$"{Name(mode)} search fell back to keyword search: {why}."] };
        }
        return mode == SearchMode.Semantic ? await Semantic(request, Prepare(request), semantic!) : await Hybrid(request, semantic!);
    }

    private PreparedQuery Prepare(SearchRequest request) => keyword.Prepare(request.Query, request.MinimumShouldMatch);

    private async Task<SearchResponse> Semantic(SearchRequest request, PreparedQuery prepared, SemanticSearcher semantic)
    {
        var feedback = semantic.FeedbackDocuments > 0
            ? keyword.Rank(request, prepared, semantic.FeedbackDocuments, withFacets: false).Ranked
            : [];
        if (await semantic.QueryVectorAsync(prepared.FreeText, feedback.Select(h => h.Id)) is not { } query)
            return keyword.Search(request, prepared) with { Mode = Name(SearchMode.Semantic), Warnings = ["The query has no words the embedding model can read; answered by keyword."] };
        var allowed = keyword.AllowedIds(request, prepared);
        // A fixed depth, not one that grows with the offset: the total must not change as the client pages.
        var nearest = semantic.Rank(query, settings.SemanticDepth, allowed is null ? null : allowed.Contains);
        // Every paper has some cosine to any query: a match is one near the best, not merely above the floor.
        var bar = Math.Max(settings.MinSimilarity, settings.SemanticCutoffInForce * (nearest.Count > 0 ? nearest[0].Score : 0));
        return Matches(request, prepared, nearest.Where(r => r.Score >= bar).Select(r => (r.Id, (double)r.Score)), SearchMode.Semantic);
    }

    private async Task<SearchResponse> Hybrid(SearchRequest request, SemanticSearcher semantic)
    {
        var depth = Math.Max(settings.FusionDepth, request.Offset + request.Limit);
        // Fusion reads every paper sharing a word (a paraphrase may share only one with its paper); the
        // cutoff below, not the keyword rule, decides what counts as a match. The words to match change
        // neither the restrictions, the free text nor the highlighted terms, so this one preparation serves all.
        var prepared = keyword.Prepare(request.Query, wordsToMatch: "1");
        var lexical = keyword.Rank(request, prepared, depth, withFacets: false);
        if (await semantic.QueryVectorAsync(prepared.FreeText, lexical.Ranked.Select(h => h.Id)) is not { } query) return keyword.Search(request, Prepare(request));
        var allowed = keyword.AllowedIds(request, prepared);
        var weight = settings.SemanticWeight + settings.HangulSemanticWeight * Script.HangulShare(prepared.FreeText);
        var ranked = Fuse(lexical.Ranked, semantic, query, depth, allowed, weight);
        // When the fusion's best papers are the keyword ranking's (in any order; about half of all queries), the
        // second vector would be the first and so would the fusion: it is not redone.
        if (settings.FeedbackFromFusion && !semantic.SameFeedback(lexical.Ranked.Select(h => h.Id), ranked.Select(f => f.Id))
            && await semantic.QueryVectorAsync(prepared.FreeText, ranked.Select(f => f.Id)) is { } refined)
            ranked = Fuse(lexical.Ranked, semantic, refined, depth, allowed, weight);
        // A match is a candidate that scores near the best one: not every paper sharing one word of the
        // query, nor every paper the embedding ranks somewhere.
        var bar = settings.HybridCutoff * (ranked.Count > 0 ? ranked[0].Score : 0);
        return Matches(request, prepared, ranked.Where(f => f.Score >= bar), SearchMode.Hybrid);
    }

    /// <summary>The keyword ranking fused with the papers nearest to <paramref name="query"/>, best first.</summary>
    private List<(string Id, double Score)> Fuse(
        IReadOnlyList<(string Id, float Score)> lexical, SemanticSearcher semantic, float[] query, int depth, IReadOnlySet<string>? allowed, double semanticWeight)
    {
        var meaning = semantic.Rank(query, depth, allowed is null ? null : allowed.Contains);
        return HybridFusion.Fuse(lexical, meaning, id => semantic.Similarity(query, id), semanticWeight);
    }

    /// <summary>
    /// The response for ranked matches: the requested page (newest first when sorted by date), with the total and
    /// facets counted over every match from doc values; only the papers of the page are looked up.
    /// </summary>
    private SearchResponse Matches(SearchRequest request, PreparedQuery prepared, IEnumerable<(string Id, double Score)> matches, SearchMode mode)
    {
        var (found, facets) = keyword.Describe(matches);
        // Newest first; undated papers (day 0) last; the relevance order kept among papers of one date.
        var ordered = request.Sort == SearchSort.Date ? found.OrderByDescending(f => f.Day) : found.AsEnumerable();
        var page = ordered.Skip(request.Offset).Take(request.Limit)
            .Select(m => (Paper: store.Find(m.Id), m.Score))
            .Where(m => m.Paper is not null)
            .Select(m => (Paper: m.Paper!, m.Score))
            .ToList();
        return new SearchResponse(found.Count, request.Offset, request.Limit, Page(prepared, page), facets, Name(mode));
    }

    /// <summary>The hits of a page, with their snippets.</summary>
    private List<SearchHit> Page(PreparedQuery prepared, IReadOnlyList<(Paper Paper, double Score)> page)
    {
        var highlights = keyword.Highlights(prepared, page.Select(p => p.Paper).ToList());
        return page.Select((p, i) => SearchHit.From(p.Paper, (float)p.Score, highlights[i])).ToList();
    }

    private static string Name(SearchMode mode) => mode.ToString().ToLowerInvariant();
}
