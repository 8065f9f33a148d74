using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests.Store;

public sealed class PaperStoreTests
{
    private static IngestedFile Note(string title) =>
        new("notes/2401.04088.md", "hash-" + title, [new Paper { Id = "2401.04088", Title = title, Sources = [new PaperSource("notes/2401.04088.md")] }], []);

    [Fact]
    public void FindAnswersTheLatestWriteBeforeAndAfterARefresh()
    {
        using var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()), cachedPapers: 10);
        store.Put(Note("First"));
        store.Refresh();
        Assert.Equal("First", store.Find("2401.04088")?.Title);

        // Cached now; a write must replace it even before the searcher shows it.
        store.Put(Note("Second"));
        Assert.Equal("Second", store.Find("2401.04088")?.Title);
        store.Refresh();
        Assert.Equal("Second", store.Find("2401.04088")?.Title);
        Assert.Equal("Second", Assert.Single(store.Papers()).Title);

        store.Remove("notes/2401.04088.md");
        Assert.Null(store.Find("2401.04088"));
        Assert.Empty(store.Papers());
        store.Refresh();
        Assert.Null(store.Find("2401.04088"));
        Assert.Empty(store.Papers());
    }

    [Fact]
    public void AReopenedStoreFindsPapersAndFilesFromTheIndexAlone()
    {
        var folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var file = Note("Mixtral of Experts") with { Stamp = new FileStamp(42, 7) };
            using (var store = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create())))
            {
                store.Put(file);
                store.Commit();
            }
            using var reopened = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create()));
            Assert.Equal("Mixtral of Experts", reopened.Find("2401.04088")?.Title);
            Assert.Equal(new FileStamp(42, 7), reopened.FileStampOf(file.Key));
            Assert.Equal(file.Hash, reopened.FileHash(file.Key));
            Assert.Equivalent(file, reopened.GetFile(file.Key), strict: true);
            Assert.Equal(1, reopened.PaperCount);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
