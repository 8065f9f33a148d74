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

    [Fact]
    public void AFileKeyIsFoundFromCharactersAsTheStringStored()
    {
        var catalog = new PaperCatalog();
        var note = VaultNote();
        catalog.Put(FileIdentity.Of(note));

        // What a corpus listing asks with the characters of a path it has not made a string of.
        Assert.Same(note.Key, catalog.FileKeyOf(("./" + note.Key).AsSpan(2)));
        Assert.Null(catalog.FileKeyOf("notes/unknown.md"));
    }

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

    [Fact]
    public void ACatalogBuiltAtOnceIsTheOneBuiltFileByFile()
    {
        // Merges both ways round, a title two papers share, an entry that matches nothing, a repeated key (the later wins),
        // and the sample corpus with its digests.
        var files = new List<IngestedFile>
        {
            DigestEntry(), VaultNote(), VaultNote("2003.04297", "Improved Baselines"), DigestEntry("Improved Baselines"),
            VaultNote("2003.99999", "Improved Baselines"), DigestEntry("Mixtral of Experts Revisited"),
            VaultNote("2310.06825", "Mistral 7B"), Note("digests/2024-01-12.txt", "mistral-7b", "Mistral 7B"),
            Note("notes/2310.06825 Mistral 7B.md", "2310.06825", "Mistral 7B retitled", "https://arxiv.org/abs/2310.06825"),
        };
        var root = Path.Combine(SearchService.Core.Checkout.Root()!, "index-data");
        files.AddRange(SearchService.Core.Ingestion.CorpusIngestor.NoteFiles(root).Select(path =>
        {
            var bytes = File.ReadAllBytes(path);
            return SearchService.Core.Ingestion.CorpusIngestor.Parse(path, Path.GetRelativePath(root, path), ContentHash.Of(bytes), bytes);
        }));
        var identities = files.Select(FileIdentity.Of).ToList();

        var oneByOne = new PaperCatalog();
        foreach (var identity in identities) oneByOne.Put(identity);
        var atOnce = PaperCatalog.Of(identities);

        Assert.Equal(oneByOne.PaperIds.Order(StringComparer.Ordinal), atOnce.PaperIds.Order(StringComparer.Ordinal));
        Assert.Equal(oneByOne.ShownIds.OrderBy(p => p.Key, StringComparer.Ordinal), atOnce.ShownIds.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(oneByOne.Files.Keys.Order(StringComparer.Ordinal), atOnce.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((oneByOne.CorpusFileCount, oneByOne.WarningCount), (atOnce.CorpusFileCount, atOnce.WarningCount));
        foreach (var id in oneByOne.PaperIds)
            Assert.Equal(Records(oneByOne, id), Records(atOnce, id));
        var noteNames = identities.SelectMany(f => f.Papers.SelectMany(p => p.NoteNames)).Distinct().ToList();
        Assert.True(noteNames.Count > 30);
        Assert.Equal(noteNames.Select(oneByOne.IdForNoteName), noteNames.Select(atOnce.IdForNoteName));
        Assert.True(atOnce.PaperIds.Count < atOnce.ShownIds.Count, "the files should merge some records");

        static IEnumerable<string> Records(PaperCatalog catalog, string id) =>
            catalog.RecordsOf(id).SelectMany(r => r.FileKeys.Select(k => $"{r.OwnId} {k}")).Order(StringComparer.Ordinal);
    }
}
