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
            catalog.Put(file);

        var paper = Assert.Single(catalog.Papers.Values);
        Assert.Equal("2401.04088", paper.Id);
        Assert.Equal(["digests/2024-01-11.txt", "notes/2401.04088 Mixtral of Experts.md"], paper.Sources.Select(s => s.Path));
        Assert.Equal("2401.04088", catalog.ShownIds["mixtral-of-experts"]);
        Assert.Equal("2401.04088", catalog.IdForNoteName("2024-01-11"));
    }

    [Fact]
    public void PuttingTheNoteReportsTheDigestIdAsGoneSoTheIndexDropsIt()
    {
        var catalog = new PaperCatalog();
        catalog.Put(DigestEntry());

        var changed = catalog.Put(VaultNote());

        Assert.Contains("mixtral-of-experts", changed);
        Assert.Contains("2401.04088", changed);
        Assert.False(catalog.Papers.ContainsKey("mixtral-of-experts"));
    }

    [Fact]
    public void RemovingTheArxivNoteLeavesTheDigestEntryAsAPaperOfItsOwn()
    {
        var catalog = new PaperCatalog();
        catalog.Put(DigestEntry());
        var note = VaultNote();
        catalog.Put(note);

        var changed = catalog.Remove(note.Key);

        Assert.Equal(["2401.04088", "mixtral-of-experts"], changed.Order(StringComparer.Ordinal));
        var paper = Assert.Single(catalog.Papers.Values);
        Assert.Equal("mixtral-of-experts", paper.Id);
        Assert.Equal("mixtral-of-experts", catalog.IdForNoteName("2024-01-11"));
    }

    [Fact]
    public void RetitlingTheNoteSeparatesTheDigestEntryAgain()
    {
        var catalog = new PaperCatalog();
        catalog.Put(DigestEntry());
        catalog.Put(VaultNote());

        catalog.Put(VaultNote(title: "Something Else Entirely") with { Key = VaultNote().Key });

        Assert.Equal(["2401.04088", "mixtral-of-experts"], catalog.Papers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EntryWhoseTitleTwoArxivPapersShareStaysApart()
    {
        var catalog = new PaperCatalog();
        catalog.Put(VaultNote("2003.04297", "Improved Baselines"));
        catalog.Put(VaultNote("2003.99999", "Improved Baselines"));
        catalog.Put(DigestEntry("Improved Baselines"));

        Assert.Equal(3, catalog.Papers.Count);
    }

    [Fact]
    public void DifferentTitlesDoNotMerge()
    {
        var catalog = new PaperCatalog();
        catalog.Put(VaultNote());
        catalog.Put(DigestEntry("Mixtral of Experts Revisited"));

        Assert.Equal(2, catalog.Papers.Count);
    }
}
