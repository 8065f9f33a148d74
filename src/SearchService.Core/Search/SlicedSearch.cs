using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Runs one query over a snapshot's groups of segments (<see cref="SegmentSlices"/>), each group on its own thread
/// with collectors of its own, and merges what the groups found. The best documents, the total and the facet
/// counts are those of one pass over every segment, in the same order: ties by document number, as Lucene breaks them.
/// </summary>
public static class SlicedSearch
{
    /// <summary>One query's best <paramref name="wanted"/> documents in <paramref name="sort"/> order, its total and, when <paramref name="newFacets"/> is given, its facet counts (the caller disposes them).</summary>
    public static (ScoreDoc[] Best, int Total, FacetCollector? Facets) Run(IndexSearcher searcher, IList<AtomicReaderContext>[] slices,
        Query query, Filter? filter, Sort sort, int wanted, Func<FacetCollector>? newFacets)
    {
        // What IndexSearcher.Search does before it walks the segments, done once for every group.
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var parts = new Part?[slices.Length];
        try
        {
            if (slices.Length == 1) parts[0] = Collect(weight, slices[0], sort, wanted, newFacets);
            else Parallel.For(0, slices.Length, i => parts[i] = Collect(weight, slices[i], sort, wanted, newFacets));
            var facets = parts[0]!.Facets;
            for (var i = 1; i < parts.Length; i++) facets?.Add(parts[i]!.Facets!);
            var best = parts.Length == 1 ? parts[0]!.Best : Merge(parts.Select(p => p!.Best), sort, wanted);
            return (best, parts.Sum(p => p!.Total), facets);
        }
        catch
        {
            parts[0]?.Facets?.Dispose();
            throw;
        }
        finally
        {
            for (var i = 1; i < parts.Length; i++) parts[i]?.Facets?.Dispose();
        }
    }

    private sealed record Part(ScoreDoc[] Best, int Total, FacetCollector? Facets);

    private static Part Collect(Weight weight, IList<AtomicReaderContext> leaves, Sort sort, int wanted, Func<FacetCollector>? newFacets)
    {
        // In document order: told it may take documents out of order, Lucene tries a bulk scorer for every clause of the
        // query (2,048 buckets each) before it finds the required clause that rules it out, on every search.
        var top = TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var facets = newFacets?.Invoke();
        ICollector collector = facets is null ? top : MultiCollector.Wrap(top, facets);
        try
        {
            foreach (var leaf in leaves)
            {
                collector.SetNextReader(leaf);
                weight.GetBulkScorer(leaf, scoreDocsInOrder: true, leaf.AtomicReader.LiveDocs)?.Score(collector);
            }
        }
        catch
        {
            facets?.Dispose();
            throw;
        }
        return new Part(top.GetTopDocs().ScoreDocs, top.TotalHits, facets);
    }

    /// <summary>The best <paramref name="wanted"/> of the groups' best documents: by the sort's values, then by document number.</summary>
    private static ScoreDoc[] Merge(IEnumerable<ScoreDoc[]> groups, Sort sort, int wanted)
    {
        var fields = sort.GetSort();
        return groups.SelectMany(g => g).Order(Comparer<ScoreDoc>.Create((x, y) => Compare((FieldDoc)x, (FieldDoc)y, fields))).Take(wanted).ToArray();
    }

    private static int Compare(FieldDoc x, FieldDoc y, SortField[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            var order = Comparer<object>.Default.Compare(x.Fields[i], y.Fields[i]);
            // A score sorts highest first unless reversed; any other value lowest first unless reversed.
            if (fields[i].Type == SortFieldType.SCORE) order = -order;
            if (fields[i].IsReverse) order = -order;
            if (order != 0) return order;
        }
        return x.Doc.CompareTo(y.Doc);
    }
}
