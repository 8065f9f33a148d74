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
    public void SearchingGroupsOfSegmentsAtOnceFindsWhatOnePassFinds(string words, bool byDate)
    {
        using var store = StoreWithSegments();
        using var lease = store.Index.Lease();
        var searcher = lease.Searcher;
        var reader = searcher.IndexReader;
        Assert.True(reader.Leaves.Count >= 4);
        var prepared = new KeywordSearcher(store.Index).Prepare(words);
        var query = prepared.Scoring ?? new MatchAllDocsQuery();
        var sort = byDate ? new Sort(new SortField(PaperFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE) : Sort.RELEVANCE;

        var onePass = Found(searcher, [reader.Leaves], query, sort);
        Assert.NotEmpty(onePass.Docs);
        // Many papers share a title and a day, so their order rests on the tie-break by document number.
        Assert.Contains(onePass.Docs.Zip(onePass.Docs.Skip(1)), pair => pair.First.Score == pair.Second.Score);
        foreach (var groups in new[] { 2, 3, 5 })
        {
            var sliced = Found(searcher, SegmentSlices.Split(reader.Leaves, groups), query, sort);
            Assert.Equal(onePass.Total, sliced.Total);
            Assert.Equal(onePass.Docs, sliced.Docs);
            Assert.Equal(onePass.Facets, sliced.Facets);
        }
    }

    [Fact]
    public void SplittingGivesEachGroupAboutTheSameNumberOfDocuments()
    {
        using var store = StoreWithSegments();
        using var lease = store.Index.Lease();
        var leaves = lease.Searcher.IndexReader.Leaves;

        var groups = SegmentSlices.Split(leaves, 2);

        Assert.Equal(2, groups.Length);
        Assert.Equal(leaves.Select(l => l.Ord).Order(), groups.SelectMany(g => g.Select(l => l.Ord)).Order());
        var sizes = groups.Select(g => g.Sum(l => l.AtomicReader.MaxDoc)).ToArray();
        Assert.True(Math.Abs(sizes[0] - sizes[1]) <= leaves.Max(l => l.AtomicReader.MaxDoc));
        Assert.All(groups, g => Assert.Equal(g.Select(l => l.Ord).Order(), g.Select(l => l.Ord)));
    }

    [Fact]
    public void ASmallIndexIsSearchedAsOneGroup()
    {
        using var store = StoreWithSegments();
        using var lease = store.Index.Lease();

        Assert.Single(SegmentSlices.Of(lease.Searcher.IndexReader));
    }

    private static (List<(int Doc, float Score)> Docs, int Total, List<IReadOnlyList<FacetValue>> Facets) Found(
        IndexSearcher searcher, IList<Lucene.Net.Index.AtomicReaderContext>[] groups, Query query, Sort sort)
    {
        var reader = searcher.IndexReader;
        var (best, total, counted) = SlicedSearch.Run(searcher, groups, query, null, sort, 40, () => new FacetCollector(reader, FacetFields));
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
