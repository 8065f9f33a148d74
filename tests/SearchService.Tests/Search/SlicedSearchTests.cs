using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Tests.Search;

public sealed class SlicedSearchTests
{
    private static readonly string[] FacetFields = [PaperFields.FacetTag, PaperFields.FacetYear, PaperFields.FacetAuthor];

    [Theory]
    [InlineData("sparse attention", false)]
    [InlineData("dense", false)]
    [InlineData("sparse", true)]
    [InlineData("", true)]
    public void SearchingRangesOfSegmentsOnEveryCoreFindsWhatOnePassFinds(string words, bool byDate)
    {
        using var store = StoreWithSegments();
        using var lease = store.Index.Lease();
        var searcher = lease.Searcher;
        var reader = searcher.IndexReader;
        Assert.True(reader.Leaves.Count >= 4);
        var prepared = new KeywordSearcher(store.Index).Prepare(words);
        var query = prepared.Scoring ?? new MatchAllDocsQuery();
        var sort = byDate ? new Sort(new SortField(PaperFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE) : Sort.RELEVANCE;

        var onePass = Found(searcher, SegmentSlices.Whole(reader.Leaves), query, sort);
        Assert.NotEmpty(onePass.Docs);
        // Many papers share a title and a day, so their order rests on the tie-break by document number.
        Assert.Contains(onePass.Docs.Zip(onePass.Docs.Skip(1)), pair => pair.First.Score == pair.Second.Score);
        // Few ranges (whole segments), ranges that cut segments, and ranges of a few documents, many with no match.
        foreach (var ranges in new[] { 2, 5, 16, 60 })
        {
            var sliced = Found(searcher, SegmentSlices.Split(reader.Leaves, ranges), query, sort);
            Assert.Equal(onePass.Total, sliced.Total);
            Assert.Equal(onePass.Docs, sliced.Docs);
            Assert.Equal(onePass.Facets, sliced.Facets);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(40)]
    public void SplittingCoversEveryDocumentOnceInRangesOfAboutTheSameSize(int ranges)
    {
        using var store = StoreWithSegments();
        using var lease = store.Index.Lease();
        var leaves = lease.Searcher.IndexReader.Leaves;

        var slices = SegmentSlices.Split(leaves, ranges);

        Assert.True(slices.InParallel);
        var covered = slices.Ranges.SelectMany(r => Enumerable.Range(r.Leaf.DocBase + r.Start, r.End - r.Start)).ToList();
        Assert.Equal(Enumerable.Range(0, lease.Searcher.IndexReader.MaxDoc), covered);
        var size = leaves.Sum(l => l.AtomicReader.MaxDoc) / (double)ranges;
        // A segment smaller than the target size stays whole; a larger one is cut into parts near that size.
        Assert.All(slices.Ranges, r => Assert.True(r.IsWholeSegment || r.End - r.Start <= 1.5 * size + 1, $"{r.End - r.Start} documents for a target of {size}"));
    }

    [Fact]
    public void ASmallIndexIsSearchedWholeOnTheRequestsThread()
    {
        using var store = StoreWithSegments();
        using var lease = store.Index.Lease();

        var slices = SegmentSlices.Of(lease.Searcher.IndexReader);

        Assert.False(slices.InParallel);
        Assert.All(slices.Ranges, r => Assert.True(r.IsWholeSegment));
        Assert.Equal(lease.Searcher.IndexReader.Leaves.Count, slices.Ranges.Length);
    }

    private static (List<(int Doc, float Score)> Docs, int Total, List<IReadOnlyList<FacetValue>> Facets) Found(
        IndexSearcher searcher, SearchSlices slices, Query query, Sort sort)
    {
        var reader = searcher.IndexReader;
        var (best, total, counted) = SlicedSearch.Run(searcher, slices, query, null, sort, 40, () => new FacetCollector(reader, FacetFields));
        using var facets = counted!;
        return (best.Select(d => (d.Doc, d.Score)).ToList(), total, FacetFields.Select(f => facets.Top(f, 10)).ToList());
    }

    /// <summary>150 papers in six segments: few distinct titles, days and tags, so scores and sort values tie often.</summary>
    private static PaperStore StoreWithSegments()
    {
        var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        var random = new Random(7);
        string[] titles = ["sparse attention", "dense models", "sparse dense mixtures", "attention sinks"];
        string[] tags = ["rl", "moe", "diffusion", "agents"];
        for (var i = 0; i < 150; i++)
        {
            var paper = new Paper
            {
                Id = $"p{i}",
                Title = titles[random.Next(titles.Length)],
                Tags = [.. tags.Where(_ => random.Next(3) == 0)],
                Authors = [$"Author {random.Next(12)}"],
                Date = new DateOnly(2021 + random.Next(3), 1 + random.Next(2), 1),
                Sources = [new PaperSource($"p{i}.md")],
            };
            store.Put(new IngestedFile(paper.Id, paper.Id, [paper], []));
            if (i % 25 == 24) store.Commit();
        }
        store.Refresh();
        return store;
    }
}
