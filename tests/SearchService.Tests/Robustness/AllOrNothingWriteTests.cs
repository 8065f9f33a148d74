using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests.Robustness;

/// <summary>A write the index refuses must not show in the catalog either.</summary>
public sealed class AllOrNothingWriteTests
{
    [Fact]
    public void AFileTheIndexRefusesLeavesTheCatalogAsItWas()
    {
        using var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        var good = new Paper { Id = "good", Title = "Good paper", Tags = ["ok"], Sources = [new PaperSource("a.md")] };
        store.Put(new IngestedFile("a.md", "h1", [good], []));
        store.Commit();

        // Past Lucene's 32,766-byte term limit, bypassing the parser's cut: the index itself refuses it.
        var refused = good with { Title = "Changed", Tags = [new string('x', 40_000)] };
        Assert.ThrowsAny<Exception>(() => store.Put(new IngestedFile("a.md", "h2", [refused], [])));
        Assert.ThrowsAny<Exception>(() => store.Put(new IngestedFile("b.md", "h3", [refused with { Id = "new" }], [])));

        Assert.Equal("h1", store.GetFile("a.md")?.Hash);
        Assert.Null(store.GetFile("b.md"));
        Assert.Null(store.Find("new"));
        Assert.Equal("Good paper", store.Find("good")?.Title);
        store.Commit();
        store.Refresh();
        Assert.Equal(["ok"], store.Index.Tags());
    }
}
