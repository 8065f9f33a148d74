using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;
using SearchService.Tests.Api;

namespace SearchService.Tests.Ingestion;

/// <summary>A corpus folder is not trusted: symlink loops, links out of it, huge files and too many files.</summary>
public sealed class CorpusListingTests : IDisposable
{
    private readonly IngestFolders folders = new();

    private CorpusListing List(CorpusLimits? limits = null) => CorpusListing.Of([folders.Corpus], limits ?? new CorpusLimits());

    private string Relative(string path) => CorpusIngestor.RelativePath(folders.Corpus, path);

    [Fact]
    public void FolderSymlinkLoopsAreNotFollowedAndEachFolderIsListedOnce()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        folders.Write("sub/b.md", SampleNotes.Muon);
        Directory.CreateSymbolicLink(folders.PathOf("sub/up"), "..");
        Directory.CreateSymbolicLink(folders.PathOf("self"), ".");
        Directory.CreateSymbolicLink(folders.PathOf("root"), folders.Corpus);

        var listing = List();

        Assert.Equal(["a.md", "sub/b.md"], listing.Files.Select(f => Relative(f.File)));
        Assert.Equal(3, listing.Skipped[CorpusListing.FolderSymlink].Count);
    }

    [Fact]
    public void AKnownPathIsListedAsTheStringAlreadyHeld()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        folders.Write("sub/b.md", SampleNotes.Muon);
        var plain = List();
        // The store's key for a.md, as a string of its own: the listing must hand on that very string.
        var held = new string(plain.Files[0].File.AsSpan());

        var listing = CorpusListing.Of([folders.Corpus], new CorpusLimits(), path => path.SequenceEqual(held) ? held : null);

        Assert.Equal(plain.Files, listing.Files);
        Assert.Same(held, listing.Files[0].File);
        Assert.NotSame(held, plain.Files[0].File);
    }

    [Fact]
    public void AListingUsedAgainHoldsWhatTheNewListingFoundAndNothingOfTheOld()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        folders.Write("b.md", SampleNotes.Parrots + "\nA longer copy.\n");
        var listing = List(new CorpusLimits(MaxFileBytes: new FileInfo(folders.PathOf("a.md")).Length));
        Assert.Equal(["a.md"], listing.Files.Select(f => Relative(f.File)));
        Assert.Equal(1, listing.Skipped[CorpusListing.TooLarge].Count);

        File.Delete(folders.PathOf("a.md"));
        folders.Write("c.md", SampleNotes.Muon);
        listing.List([folders.Corpus], new CorpusLimits());

        Assert.Equal(["b.md", "c.md"], listing.Files.Select(f => Relative(f.File)));
        Assert.Empty(listing.Skipped);
    }

    [Fact]
    public void EachFileIsListedWithTheStampItsStatusGivesAndALinkWithNone()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        File.CreateSymbolicLink(folders.PathOf("inside.md"), folders.PathOf("a.md"));

        var listing = List();

        Assert.Equal(FileStamp.Of(folders.PathOf("a.md")), listing.Files.Single(f => Relative(f.File) == "a.md").Stamp);
        Assert.NotNull(listing.Files.Single(f => Relative(f.File) == "a.md").Stamp);
        Assert.Null(listing.Files.Single(f => Relative(f.File) == "inside.md").Stamp);
    }

    [Fact]
    public void FileSymlinksAreReadOnlyWhenTheirTargetIsInsideTheCorpus()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        var outside = Path.Combine(folders.Root, "outside-secret.md");
        File.WriteAllText(outside, SampleNotes.Muon);
        File.CreateSymbolicLink(folders.PathOf("passwd.md"), "/etc/passwd");
        File.CreateSymbolicLink(folders.PathOf("secret.md"), outside);
        File.CreateSymbolicLink(folders.PathOf("inside.md"), folders.PathOf("a.md"));
        File.CreateSymbolicLink(folders.PathOf("dangling.md"), folders.PathOf("gone.md"));

        var listing = List();

        Assert.Equal(["a.md", "inside.md"], listing.Files.Select(f => Relative(f.File)));
        Assert.Equal(2, listing.Skipped[CorpusListing.SymlinkOutsideCorpus].Count);
        Assert.Equal(1, listing.Skipped[CorpusListing.BrokenSymlink].Count);
    }

    [Fact]
    public void FilesOverTheSizeAndCountLimitsAreSkippedWithANamedWarning()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        folders.Write("b.md", SampleNotes.Muon);
        folders.Write("huge.md", SampleNotes.MarDini + new string('x', 10_000));

        var listing = List(new CorpusLimits(MaxFiles: 1, MaxFileBytes: 5_000));

        Assert.Equal(["a.md"], listing.Files.Select(f => Relative(f.File)));
        Assert.Equal(1, listing.Skipped[CorpusListing.TooLarge].Count);
        Assert.Equal(1, listing.Skipped[CorpusListing.TooManyFiles].Count);
    }

    [Fact]
    public async Task AnIngestOverAHostileCorpusIndexesOnlyTheRealNotesOnce()
    {
        folders.Write("a.md", SampleNotes.Parrots);
        for (var i = 0; i < 20; i++) folders.Write($"n/{i:D2}.md", SampleNotes.Muon.Replace("Muon is Scalable", $"Note {i} is Scalable").Replace("2502.16982", $"2502.{10000 + i}"));
        Directory.CreateSymbolicLink(folders.PathOf("n/self"), ".");
        Directory.CreateSymbolicLink(folders.PathOf("n/up"), "..");
        File.CreateSymbolicLink(folders.PathOf("passwd.md"), "/etc/passwd");

        using var store = new PaperStore(PaperIndex.Open(folders.Data, PaperAnalyzers.Create()));
        var ingestor = new CorpusIngestor(store, [folders.Corpus], NullLogger<CorpusIngestor>.Instance);
        await ingestor.RunAsync(CancellationToken.None);

        Assert.Equal(21, store.FileCount);
        Assert.Equal(21, store.PaperCount);
        Assert.Null(store.Find("passwd"));
        Assert.Equal(2, ingestor.LastSkipped[CorpusListing.FolderSymlink].Count);
        Assert.Equal(1, ingestor.LastSkipped[CorpusListing.SymlinkOutsideCorpus].Count);
    }

    public void Dispose() => folders.Dispose();
}
