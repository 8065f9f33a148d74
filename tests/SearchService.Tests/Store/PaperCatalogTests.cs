using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests.Store;

public sealed class PaperCatalogTests
{
    private static IngestedFile Note(string key, string id, string title, string? url = null) =>
        new(key, "hash-" + key, [new Paper { Id = id, Title = title, Url = url, Sources = [new PaperSource(key)] }], []);

    private static IngestedFile VaultNote(string arxivId = "2401.04088", string title = "Mixtral of Experts") =>
        Note($"notes/{arxivId} {title}.md", arxivId, title, $"https://arxiv.org/abs/{arxivId}");

    private static IngestedFile DigestEntry(string title = "Mixtral of Experts") =>
        Note("digests/2024-01-11.txt", PaperId.Slug(title), title);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DigestEntryWithoutUrlIsOnePaperWithTheArxivNoteOfTheSameTitleInEitherOrder(bool digestFirst)
    {
        var catalog = new PaperCatalog();
        foreach (var file in digestFirst ? new[] { DigestEntry(), VaultNote() } : [VaultNote(), DigestEntry()])
            catalog.Put(FileIdentity.Of(file));

        Assert.Equal("2401.04088", Assert.Single(catalog.PaperIds));
        Assert.Equal("2401.04088", catalog.ShownIds["mixtral-of-experts"]);
        Assert.Equal("2401.04088", catalog.IdForNoteName("2024-01-11"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheStoreShowsTheMergedPaperWithBothSourcesUnderAnyOfItsNames(bool digestFirst)
    {
        using var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        foreach (var file in digestFirst ? new[] { DigestEntry(), VaultNote() } : [VaultNote(), DigestEntry()])
            store.Put(file);

        var paper = Assert.Single(store.Papers());
        Assert.Equal("2401.04088", paper.Id);
        Assert.Equal(["digests/2024-01-11.txt", "notes/2401.04088 Mixtral of Experts.md"], paper.Sources.Select(s => s.Path));
        Assert.Equal("2401.04088", store.Find("mixtral-of-experts")?.Id);
        Assert.Equal("2401.04088", store.Find("2024-01-11")?.Id);
        store.Refresh();
        Assert.Equivalent(paper, store.Find("2401.04088"), strict: true);
        Assert.Single(store.Papers());
    }

    [Fact]
    public void PuttingTheNoteReportsTheDigestIdAsGoneSoTheIndexDropsIt()
    {
        var catalog = new PaperCatalog();
        catalog.Put(FileIdentity.Of(DigestEntry()));

        var changed = catalog.Put(FileIdentity.Of(VaultNote()));

        Assert.Contains("mixtral-of-experts", changed);
        Assert.Contains("2401.04088", changed);
        Assert.False(catalog.HasPaper("mixtral-of-experts"));
    }

    [Fact]
    public void RemovingTheArxivNoteLeavesTheDigestEntryAsAPaperOfItsOwn()
    {
        var catalog = new PaperCatalog();
        catalog.Put(FileIdentity.Of(DigestEntry()));
        var note = VaultNote();
        catalog.Put(FileIdentity.Of(note));

        var changed = catalog.Remove(note.Key);

        Assert.Equal(["2401.04088", "mixtral-of-experts"], changed.Order(StringComparer.Ordinal));
        Assert.Equal("mixtral-of-experts", Assert.Single(catalog.PaperIds));
        Assert.Equal("mixtral-of-experts", catalog.IdForNoteName("2024-01-11"));
    }

    [Fact]
    public void RetitlingTheNoteSeparatesTheDigestEntryAgain()
    {
        var catalog = new PaperCatalog();
        catalog.Put(FileIdentity.Of(DigestEntry()));
        catalog.Put(FileIdentity.Of(VaultNote()));

        catalog.Put(FileIdentity.Of(VaultNote(title: "Something Else Entirely") with { Key = VaultNote().Key }));

        Assert.Equal(["2401.04088", "mixtral-of-experts"], catalog.PaperIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EntryWhoseTitleTwoArxivPapersShareStaysApart()
    {
        var catalog = new PaperCatalog();
        catalog.Put(FileIdentity.Of(VaultNote("2003.04297", "Improved Baselines")));
        catalog.Put(FileIdentity.Of(VaultNote("2003.99999", "Improved Baselines")));
        catalog.Put(FileIdentity.Of(DigestEntry("Improved Baselines")));

        Assert.Equal(3, catalog.PaperIds.Count);
    }

    [Fact]
    public void DifferentTitlesDoNotMerge()
    {
        var catalog = new PaperCatalog();
        catalog.Put(FileIdentity.Of(VaultNote()));
        catalog.Put(FileIdentity.Of(DigestEntry("Mixtral of Experts Revisited")));

        Assert.Equal(2, catalog.PaperIds.Count);
    }
}
