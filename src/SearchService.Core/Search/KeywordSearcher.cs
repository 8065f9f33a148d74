using Lucene.Net.Search;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>BM25 keyword search over the index: ranked page, total, facets and highlights.</summary>
public sealed class KeywordSearcher
{
    private const int FacetSize = 10;
    private readonly PaperIndex index;
    private readonly PaperQueryBuilder queries;
    private readonly SnippetHighlighter highlighter;

    public KeywordSearcher(PaperIndex index, QueryExpansion? expansion = null, KeywordWeights? weights = null)
    {
        this.index = index;
        queries = new PaperQueryBuilder(index.Analyzer, expansion, weights, index.Tags);
        highlighter = new SnippetHighlighter(index.Analyzer);
    }

    /// <summary>The ranked page; <paramref name="withHighlights"/> false skips snippets when only the ranking is wanted.</summary>
    public SearchResponse Search(SearchRequest request, bool withHighlights = true)
    {
        var clauses = QuerySyntax.Parse(request.Query);
        var scoring = queries.BuildScoring(clauses, request.MinimumShouldMatch);
        var filter = new QueryWrapperFilter(queries.BuildFilter(request));
        // With no words, every paper that passes the filters matches; newest first then reads best.
        var query = scoring ?? new MatchAllDocsQuery();
        var sort = request.Sort == SearchSort.Date || scoring is null
            ? new Sort(new SortField(PaperFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE)
            : Sort.RELEVANCE;

        using var lease = index.Lease();
        var searcher = lease.Searcher;
        var wanted = Math.Max(1, request.Offset + request.Limit);
        var top = TopFieldCollector.Create(sort, wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = new FacetCollector(PaperFields.FacetTag, PaperFields.FacetYear, PaperFields.FacetAuthor);
        searcher.Search(query, filter, MultiCollector.Wrap(top, facets));

        var docs = top.GetTopDocs(request.Offset, request.Limit);
        var hits = docs.ScoreDocs.Select(sd =>
        {
            var paper = PaperDocument.FromDocument(searcher.Doc(sd.Doc));
            var highlights = scoring is null || !withHighlights ? [] : highlighter.For(scoring, paper);
            return SearchHit.From(paper, float.IsNaN(sd.Score) ? 0 : sd.Score, highlights);
        }).ToList();
        return new SearchResponse(top.TotalHits, request.Offset, request.Limit, hits,
            new SearchFacets(facets.Top(PaperFields.FacetTag, FacetSize), facets.Top(PaperFields.FacetYear, FacetSize), facets.Top(PaperFields.FacetAuthor, FacetSize)),
            nameof(SearchMode.Keyword).ToLowerInvariant());
    }

    /// <summary>A function giving snippets of a paper for the words of <paramref name="query"/>; the query is built once for all the papers of a page.</summary>
    public Func<Notes.Paper, IReadOnlyList<Highlight>> Highlighter(string query) =>
        queries.BuildScoring(QuerySyntax.Parse(query)) is { } scoring ? paper => highlighter.For(scoring, paper) : _ => [];

    /// <summary>
    /// Ids of the papers that pass the request's filters and its required and excluded clauses (phrases,
    /// field prefixes, -words), or null when nothing restricts the request: what semantic search may return.
    /// </summary>
    public HashSet<string>? AllowedIds(SearchRequest request)
    {
        var restrictions = queries.BuildRestrictions(QuerySyntax.Parse(request.Query));
        if (restrictions is null && request.Authors.Count == 0 && request.Tags.Count == 0 && request.From is null && request.To is null)
            return null;
        var query = new BooleanQuery { { queries.BuildFilter(request), Occur.MUST } };
        if (restrictions is not null) query.Add(restrictions, Occur.MUST);
        using var lease = index.Lease();
        var collector = new IdCollector();
        lease.Searcher.Search(query, collector);
        return collector.Ids;
    }
}
