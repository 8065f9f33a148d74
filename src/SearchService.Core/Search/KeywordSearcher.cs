using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>BM25 keyword search over the index: ranked page, total, facets and highlights.</summary>
public sealed class KeywordSearcher
{
    private const int FacetSize = 10;
    private static readonly Sort ByDate = new(new SortField(PaperFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE);
    private readonly PaperIndex index;
    private readonly PaperQueryBuilder queries;
    private readonly SnippetHighlighter highlighter;
    private readonly Func<string, Paper?>? papers;

    /// <param name="tagSpellings">The current tag spellings (rebuilt when papers change); without it they are read from the index per query.</param>
    /// <param name="papers">Looks a paper up by id (the store's catalog); without it a hit's record is decoded from the index.</param>
    public KeywordSearcher(PaperIndex index, ITermExpander? expansion = null, KeywordWeights? weights = null,
        Func<TagSpellingIndex>? tagSpellings = null, Func<string, Paper?>? papers = null)
    {
        this.index = index;
        this.papers = papers;
        queries = new PaperQueryBuilder(index.Analyzer, expansion, weights, tagSpellings ?? (() => new TagSpellingIndex(index.Tags())));
        highlighter = new SnippetHighlighter(index.Analyzer);
    }

    /// <summary>Parses and builds <paramref name="query"/> once, for everything one request does with it.</summary>
    /// <param name="wordsToMatch">How many of the words a paper must have (minimum-should-match); null for <see cref="KeywordWeights.MinimumShouldMatch"/>.</param>
    public PreparedQuery Prepare(string query, string? wordsToMatch = null)
    {
        var clauses = QuerySyntax.Parse(query);
        var scoring = queries.BuildScoring(clauses, wordsToMatch);
        return new PreparedQuery
        {
            Clauses = clauses,
            Scoring = scoring,
            Restrictions = queries.BuildRestrictions(clauses),
            FreeText = string.Join(' ', clauses.Where(c => !c.IsExcluded && c.Field is ClauseField.Any or ClauseField.Title or ClauseField.Abstract).Select(c => c.Text)),
            Highlight = HighlightTerms.From(scoring),
        };
    }

    /// <summary>The ranked page; <paramref name="withHighlights"/> false skips snippets when only the ranking is wanted.</summary>
    public SearchResponse Search(SearchRequest request, bool withHighlights = true) => Search(request, Prepare(request.Query, request.MinimumShouldMatch), withHighlights);

    public SearchResponse Search(SearchRequest request, PreparedQuery query, bool withHighlights = true)
    {
        using var lease = index.Lease();
        var searcher = lease.Searcher;
        var terms = new SharedTermStates(searcher.IndexReader);
        var (docs, total, facets) = Run(searcher, terms, request, query, request.Offset, request.Limit);
        var highlight = withHighlights ? query.Highlight : HighlightTerms.None;
        // The query's own term lookups position each hit's postings for its snippets.
        var offsets = new IndexedOffsets(searcher.IndexReader, terms);
        var ids = IdsOf(searcher.IndexReader, docs);
        var hits = new List<SearchHit>(docs.Length);
        for (var i = 0; i < docs.Length; i++)
        {
            var sd = docs[i];
            var paper = (ids[i] is { } id ? papers?.Invoke(id) : null) ?? PaperDocument.FromDocument(searcher.Doc(sd.Doc));
            hits.Add(SearchHit.From(paper, float.IsNaN(sd.Score) ? 0 : sd.Score, highlighter.For(highlight, paper, offsets, sd.Doc)));
        }
        return new SearchResponse(total, request.Offset, request.Limit, hits, facets, nameof(SearchMode.Keyword).ToLowerInvariant());
    }

    /// <summary>The ids and scores of the best <paramref name="depth"/> matches, by relevance, with total and facets; no paper is loaded.</summary>
    /// <param name="withFacets">False skips counting facets, when only the best ids are wanted (semantic feedback).</param>
    public KeywordRanking Rank(SearchRequest request, PreparedQuery query, int depth, bool withFacets = true)
    {
        using var lease = index.Lease();
        var searcher = lease.Searcher;
        var (docs, total, facets) = Run(searcher, new SharedTermStates(searcher.IndexReader), request with { Sort = SearchSort.Relevance }, query, 0, depth, withFacets);
        var ids = IdsOf(searcher.IndexReader, docs);
        var ranked = new List<(string Id, float Score)>(docs.Length);
        for (var i = 0; i < docs.Length; i++)
            ranked.Add((ids[i] ?? searcher.Doc(docs[i].Doc).Get(PaperFields.Id), float.IsNaN(docs[i].Score) ? 0 : docs[i].Score));
        return new KeywordRanking(total, ranked, facets);
    }

    /// <summary>Snippets of each paper for the words of <paramref name="query"/>, from the offsets the index stored.</summary>
    public IReadOnlyList<IReadOnlyList<Highlight>> Highlights(PreparedQuery query, IReadOnlyList<Paper> page)
    {
        if (query.Highlight.IsEmpty || page.Count == 0) return page.Select(_ => (IReadOnlyList<Highlight>)[]).ToList();
        using var lease = index.Lease();
        var searcher = lease.Searcher;
        var ids = new KeyLookup(searcher.IndexReader, PaperFields.Id);
        var offsets = new IndexedOffsets(searcher.IndexReader);
        return page.Select(paper => highlighter.For(query.Highlight, paper, offsets, ids.DocOf(paper.Id))).ToList();
    }

    /// <summary>
    /// Ids of the papers that pass the request's filters and its required and excluded clauses (phrases,
    /// field prefixes, -words), or null when nothing restricts the request: what semantic search may return.
    /// </summary>
    public HashSet<string>? AllowedIds(SearchRequest request, PreparedQuery prepared)
    {
        var restrictions = prepared.Restrictions;
        if (restrictions is null && !PaperQueryBuilder.HasFilters(request)) return null;
        var query = new BooleanQuery { { queries.BuildFilter(request), Occur.MUST } };
        if (restrictions is not null) query.Add(restrictions, Occur.MUST);
        using var lease = index.Lease();
        var collector = new IdCollector();
        lease.Searcher.Search(query, collector);
        return collector.Ids;
    }

    /// <summary>
    /// The matches that are papers in the index now, each with its day (yyyyMMdd, 0 when undated), and facets counted over
    /// all of them, from doc values: a ranking that does not come from one Lucene query (semantic, hybrid) then decodes no
    /// record for its total, order and facets, only the papers of its page.
    /// </summary>
    public (IReadOnlyList<(string Id, double Score, int Day)> Found, SearchFacets Facets) Describe(IEnumerable<(string Id, double Score)> matches)
    {
        using var lease = index.Lease();
        var reader = lease.Searcher.IndexReader;
        var leaves = reader.Leaves;
        var found = new List<(string Id, double Score, int Day)>();
        using var facets = new FacetCollector(reader, PaperFields.FacetTag, PaperFields.FacetYear, PaperFields.FacetAuthor);
        var ids = new KeyLookup(reader, PaperFields.Id);
        foreach (var (id, score) in matches)
        {
            var doc = ids.DocOf(id);
            if (doc < 0) continue;
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            found.Add((id, score, DayOf(leaf.AtomicReader, doc - leaf.DocBase)));
            facets.SetNextReader(leaf);
            facets.Collect(doc - leaf.DocBase);
        }
        return (found, new SearchFacets(facets.Top(PaperFields.FacetTag, FacetSize), facets.Top(PaperFields.FacetYear, FacetSize), facets.Top(PaperFields.FacetAuthor, FacetSize)));
    }

    private static int DayOf(AtomicReader leaf, int doc) =>
        leaf.GetDocsWithField(PaperFields.Date)?.Get(doc) == true ? (int)leaf.GetNumericDocValues(PaperFields.Date).Get(doc) : 0;

    private static readonly SearchFacets NoFacets = new([], [], []);

    private (ScoreDoc[] Docs, int Total, SearchFacets Facets) Run(IndexSearcher searcher, SharedTermStates terms, SearchRequest request, PreparedQuery prepared, int offset, int limit, bool withFacets = true)
    {
        // Only papers hold the fields a scoring query looks in, so one needs a filter only for the request's own
        // (leap-frogging with a filter that keeps every paper cost a tenth of a search). With no words, every paper
        // that passes the filters matches; newest first then reads best.
        var filter = prepared.Scoring is null || PaperQueryBuilder.HasFilters(request) ? new QueryWrapperFilter(terms.Apply(queries.BuildFilter(request))) : null;
        var query = prepared.Scoring is { } scoring ? OrQuery.Of(terms.Apply(scoring)) : new MatchAllDocsQuery();
        var sort = request.Sort == SearchSort.Date || prepared.Scoring is null ? ByDate : Sort.RELEVANCE;
        var wanted = Math.Max(1, offset + limit);
        var reader = searcher.IndexReader;
        var (best, total, counted) = SlicedSearch.Run(searcher, SegmentSlices.Of(reader), query, filter, sort, wanted,
            withFacets ? () => new FacetCollector(reader, PaperFields.FacetTag, PaperFields.FacetYear, PaperFields.FacetAuthor) : null);
        using var facets = counted;
        return (best.Skip(offset).Take(limit).ToArray(), total, facets is null ? NoFacets
            : new SearchFacets(facets.Top(PaperFields.FacetTag, FacetSize), facets.Top(PaperFields.FacetYear, FacetSize), facets.Top(PaperFields.FacetAuthor, FacetSize)));
    }

    /// <summary>The paper id of each hit from doc values (null where a document has none).</summary>
    private static string?[] IdsOf(IndexReader reader, ScoreDoc[] docs)
    {
        var ids = new string?[docs.Length];
        var leaves = reader.Leaves;
        var scratch = new BytesRef();
        for (var i = 0; i < docs.Length; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docs[i].Doc, leaves)];
            var values = leaf.AtomicReader.GetSortedDocValues(PaperFields.Id);
            if (values is null) continue;
            values.Get(docs[i].Doc - leaf.DocBase, scratch);
            if (scratch.Length > 0) ids[i] = scratch.Utf8ToString();
        }
        return ids;
    }
}

/// <summary>The keyword ranking without papers: what hybrid fusion and feedback need.</summary>
public sealed record KeywordRanking(int Total, IReadOnlyList<(string Id, float Score)> Ranked, SearchFacets Facets);
