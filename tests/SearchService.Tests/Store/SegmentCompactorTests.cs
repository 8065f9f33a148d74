using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests.Store;

/// <summary>The merge that keeps a keyword search from looking each word up in many segments.</summary>
public sealed class SegmentCompactorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));

    private static IngestedFile FileOf(int n)
    {
        var paper = new Paper { Id = $"2401.{n:D5}", Title = $"Paper number {n} on sparse attention", Tags = ["attention"], Sources = [new PaperSource($"{n}.md")] };
        return new IngestedFile($"/corpus/{n}.md", $"hash-{n}", [paper], []);
    }

    /// <summary>A store whose index holds one segment per commit.</summary>
    private PaperStore StoreInSegments(int segments)
    {
        var store = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create()));
        for (var n = 0; n < segments; n++)
        {
            store.Put(FileOf(n));
            store.Commit();
        }
        store.Refresh();
        return store;
    }

    [Fact]
    public void CompactNowMergesASmallIndexIntoOneSegmentAndKeepsEveryPaper()
    {
        using var store = StoreInSegments(5);
        using var compactor = new SegmentCompactor(store);
        Assert.Equal(5, store.Index.SegmentCount);

        Assert.True(compactor.CompactNow());

        Assert.Equal(1, store.Index.SegmentCount);
        Assert.Equal(5, store.PaperCount);
        using var lease = store.Index.Lease();
        var hits = lease.Searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(PaperFields.Kind, PaperFields.PaperKind)), 10);
        Assert.Equal(5, hits.TotalHits);
    }

    [Fact]
    public void TheMergeIsCommittedSoARestartOpensOneSegment()
    {
        using (var store = StoreInSegments(3))
        using (var compactor = new SegmentCompactor(store))
            compactor.CompactNow();

        using var reopened = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create()));
        Assert.Equal(1, reopened.Index.SegmentCount);
        Assert.Equal(3, reopened.PaperCount);
        Assert.Equal("2401.00002", reopened.Find("2401.00002")?.Id);
    }

    [Fact]
    public void AnIndexAlreadyInOneSegmentIsLeftAlone()
    {
        using var store = StoreInSegments(1);
        using var compactor = new SegmentCompactor(store);
        Assert.False(compactor.CompactNow());
    }

    [Fact]
    public async Task WritesScheduleAMergeOnceTheyPause()
    {
        using var store = StoreInSegments(3);
        using var compactor = new SegmentCompactor(store);
        store.Put(FileOf(3));
        store.Commit();
        store.Refresh();

        var deadline = DateTime.UtcNow + SegmentCompactor.Debounce * 10;
        while (store.Index.SegmentCount > 1 && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(1, store.Index.SegmentCount);
        Assert.Equal(4, store.PaperCount);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
