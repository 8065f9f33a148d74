using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Runs one query over a snapshot's pieces (<see cref="SegmentSlices"/>): in turn for a small index, else on every core
/// at once, each core taking the next range until none is left. The best documents, the total and the facet counts
/// are those of one pass over every segment, in the same order: ties by document number, as Lucene breaks them.
/// </summary>
public static class SlicedSearch
{
    /// <summary>One query's best <paramref name="wanted"/> documents in <paramref name="sort"/> order, its total and, when <paramref name="newFacets"/> is given, its facet counts (the caller disposes them).</summary>
    public static (ScoreDoc[] Best, int Total, FacetCollector? Facets) Run(IndexSearcher searcher, SearchSlices slices,
        Query query, Filter? filter, Sort sort, int wanted, Func<FacetCollector>? newFacets)
    {
        // What IndexSearcher.Search does before it walks the segments, done once for every piece.
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        if (!slices.InParallel)
        {
            var facets = newFacets?.Invoke();
            try
            {
                var (best, total) = Collect(weight, slices.Ranges, sort, wanted, facets);
                return (best, total, facets);
            }
            catch
            {
                facets?.Dispose();
                throw;
            }
        }
        return RunInParallel(weight, slices.Ranges, sort, wanted, newFacets);
    }

    private static (ScoreDoc[] Best, int Total, FacetCollector? Facets) RunInParallel(Weight weight, SegmentRange[] ranges, Sort sort, int wanted, Func<FacetCollector>? newFacets)
    {
        // Each range has its own best documents (a collector's tie-break assumes documents in order, and a core takes
        // ranges out of order); each core counts facets into its own counts, which the order does not change.
        var found = new (ScoreDoc[] Best, int Total)[ranges.Length];
        var facets = new FacetCollector?[Environment.ProcessorCount];
        FacetCollector? counted = null;
        var next = -1;
        try
        {
            Parallel.For(0, facets.Length, core =>
            {
                for (int r; (r = Interlocked.Increment(ref next)) < ranges.Length;)
                    found[r] = Collect(weight, [ranges[r]], sort, wanted, facets[core] ??= newFacets?.Invoke());
            });
            foreach (var part in facets)
            {
                if (part is null) continue;
                if (counted is null) counted = part;
                else counted.Add(part);
            }
            return (Merge(found.Select(f => f.Best), sort, wanted), found.Sum(f => f.Total), counted);
        }
        catch
        {
            counted?.Dispose();
            throw;
        }
        finally
        {
            foreach (var part in facets)
                if (part != counted) part?.Dispose();
        }
    }

    /// <summary>The best documents and the number of matches of <paramref name="ranges"/>, taken in the order given.</summary>
    private static (ScoreDoc[] Best, int Total) Collect(Weight weight, IEnumerable<SegmentRange> ranges, Sort sort, int wanted, FacetCollector? facets)
    {
        // In document order: told it may take documents out of order, Lucene tries a bulk scorer for every clause of the
        // query (2,048 buckets each) before it finds the required clause that rules it out, on every search.
        var top = TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        ICollector collector = facets is null ? top : MultiCollector.Wrap(top, facets);
        foreach (var range in ranges)
        {
            var leaf = range.Leaf;
            collector.SetNextReader(leaf);
            if (range.IsWholeSegment)
            {
                weight.GetBulkScorer(leaf, scoreDocsInOrder: true, leaf.AtomicReader.LiveDocs)?.Score(collector);
                continue;
            }
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer) continue;
            collector.SetScorer(scorer);
            for (var doc = scorer.Advance(range.Start); doc < range.End; doc = scorer.NextDoc()) collector.Collect(doc);
        }
        return (top.GetTopDocs().ScoreDocs, top.TotalHits);
    }

    /// <summary>The best <paramref name="wanted"/> of the pieces' best documents: by the sort's values, then by document number.</summary>
    private static ScoreDoc[] Merge(IEnumerable<ScoreDoc[]> pieces, Sort sort, int wanted)
    {
        var fields = sort.GetSort();
        return pieces.SelectMany(g => g).Order(Comparer<ScoreDoc>.Create((x, y) => Compare((FieldDoc)x, (FieldDoc)y, fields))).Take(wanted).ToArray();
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
