using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>BM25 keyword search over the index: ranked page, total, facets and highlights.</summary>
public sealed class KeywordSearcher(PaperIndex index)
{
    private const int FacetSize = 10;
    private readonly PaperQueryBuilder queries = new(index.Analyzer);
    private readonly SnippetHighlighter highlighter = new(index.Analyzer);

    public PaperQueryBuilder Queries => queries;

    public SearchResponse Search(SearchRequest request)
    {
        var clauses = QuerySyntax.Parse(request.Query);
        var scoring = queries.BuildScoring(clauses);
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
            var highlights = scoring is null ? [] : highlighter.For(scoring, paper);
            return SearchHit.From(paper, float.IsNaN(sd.Score) ? 0 : sd.Score, highlights);
        }).ToList();
        return new SearchResponse(top.TotalHits, request.Offset, request.Limit, hits,
            new SearchFacets(facets.Top(PaperFields.FacetTag, FacetSize), facets.Top(PaperFields.FacetYear, FacetSize), facets.Top(PaperFields.FacetAuthor, FacetSize)),
            nameof(SearchMode.Keyword).ToLowerInvariant());
    }
}
