using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Search;
using SearchService.Tests.Api;
using SearchService.Core.Store;

namespace SearchService.Tests.Ingestion;

public sealed class CorpusIngestorTests : IDisposable
{
    private readonly IngestFolders folders = new();

    public CorpusIngestorTests()
    {
        foreach (var (path, text) in SampleNotes.All) folders.Write(path, text);
    }

    private (PaperStore Store, CorpusIngestor Ingestor) Open() => folders.Open();

    private static int Total(PaperStore store, string query) =>
        new KeywordSearcher(store.Index).Search(new SearchRequest { Query = query }).Total;

    [Fact]
    public async Task RestartOverUnchangedCorpusParsesNothing()
    {
        var (store, ingestor) = Open();
        using (store) await ingestor.RunAsync(CancellationToken.None);
        Assert.Equal(4, ingestor.Progress.FilesParsed);

        var (again, second) = Open();
        using (again)
        {
            await second.RunAsync(CancellationToken.None);
            Assert.Equal(0, second.Progress.FilesParsed);
            Assert.Equal(5, again.PaperCount);
            Assert.Equal(1, Total(again, "memorization"));
        }
    }

    [Fact]
    public async Task ChangedNewAndDeletedFilesAreFollowed()
    {
        var (store, ingestor) = Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            folders.Write("2025/250224 Muon is Scalable for LLM Training.md", SampleNotes.Muon.Replace("Muon optimizer", "Orthogonalized optimizer"));
            folders.Write("2024/241101 Copy of Parrots.md", SampleNotes.Parrots);
            File.Delete(folders.PathOf("2024/241028 MarDini.md"));
            await ingestor.RunAsync(CancellationToken.None);

            Assert.Equal(2, ingestor.Progress.FilesParsed);
            Assert.Equal(1, ingestor.Progress.FilesRemoved);
            Assert.Equal(1, Total(store, "orthogonalized"));
            Assert.Equal(0, Total(store, "mardini"));
            // The same arXiv paper in two files is one paper listing both.
            Assert.Equal(2, store.Find("2410.19034")!.Sources.Count);
            Assert.Equal(1, Total(store, "memorization"));
        }
    }

    [Fact]
    public async Task ARescanJudgesFilesBySizeAndModificationTimeBeforeReadingThem()
    {
        var (store, ingestor) = Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            var path = folders.PathOf("2025/250224 Muon is Scalable for LLM Training.md");
            var stamp = File.GetLastWriteTimeUtc(path);

            // Same size, same time (as rsync -t or a restore would leave it): taken as unchanged, not read.
            var sameLength = SampleNotes.Muon.Replace("Muon optimizer", "Nuon optimizer");
            File.WriteAllText(path, sameLength);
            File.SetLastWriteTimeUtc(path, stamp);
            await ingestor.RunAsync(CancellationToken.None);
            Assert.Equal(0, ingestor.Progress.FilesParsed);
            Assert.Equal(0, Total(store, "nuon"));

            // A new modification time: read, and the change is found.
            File.SetLastWriteTimeUtc(path, stamp.AddSeconds(1));
            await ingestor.RunAsync(CancellationToken.None);
            Assert.Equal(1, ingestor.Progress.FilesParsed);
            Assert.Equal(1, Total(store, "nuon"));
        }
    }

    [Fact]
    public async Task ARestartJudgesFilesByTheStampStoredWithTheirRecord()
    {
        var path = folders.PathOf("2025/250224 Muon is Scalable for LLM Training.md");
        var (store, ingestor) = Open();
        using (store) await ingestor.RunAsync(CancellationToken.None);
        var stamp = File.GetLastWriteTimeUtc(path);

        // Same size and time after a restart: the stored stamp says unchanged, so it is not read.
        File.WriteAllText(path, SampleNotes.Muon.Replace("Muon optimizer", "Nuon optimizer"));
        File.SetLastWriteTimeUtc(path, stamp);
        var (again, second) = Open();
        using (again)
        {
            await second.RunAsync(CancellationToken.None);
            Assert.Equal(0, second.Progress.FilesParsed);
            Assert.Equal(0, Total(again, "nuon"));
        }

        // Touched back to the first content: read, found unchanged, and its new stamp stored, so the next start skips it.
        File.WriteAllText(path, SampleNotes.Muon);
        File.SetLastWriteTimeUtc(path, stamp.AddSeconds(1));
        var (third, thirdPass) = Open();
        using (third) await thirdPass.RunAsync(CancellationToken.None);
        Assert.Equal(0, thirdPass.Progress.FilesParsed);
        File.WriteAllText(path, SampleNotes.Muon.Replace("Muon optimizer", "Nuon optimizer"));
        File.SetLastWriteTimeUtc(path, stamp.AddSeconds(1));
        var (fourth, fourthPass) = Open();
        using (fourth)
        {
            await fourthPass.RunAsync(CancellationToken.None);
            Assert.Equal(0, fourthPass.Progress.FilesParsed);
            Assert.Equal(0, Total(fourth, "nuon"));
        }
    }

    [Fact]
    public async Task UndecodableFileIsKeptWithAWarning()
    {
        folders.Write("broken.md", [0x68, 0x74, 0xFF, 0xFE, 0x0A, 0xC3]);
        var (store, ingestor) = Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            var file = store.GetFile(folders.PathOf("broken.md"));
            Assert.NotNull(file);
            Assert.Contains(file.Warnings, w => w.Code == "invalid-utf8");
            Assert.Equal(1, Total(store, "memorization"));
        }
    }

    [Fact]
    public async Task AFolderThatVanishesKeepsItsPapersWhileFilesDeletedFromAnotherAreDropped()
    {
        // Two corpus folders: the sample notes and a second one holding one note; the second then goes away (an
        // unmounted disk, say), and a note is deleted from the first.
        var second = Path.Combine(folders.Root, "second");
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(second, "241101 Parrots Again.md"),
            SampleNotes.Parrots.Replace("2410.19034", "2411.00001").Replace("memorization", "recollection"));
        using var store = new PaperStore(PaperIndex.Open(folders.Data, PaperAnalyzers.Create()));
        var ingestor = new CorpusIngestor(store, [folders.Corpus, second], NullLogger<CorpusIngestor>.Instance);
        await ingestor.RunAsync(CancellationToken.None);
        Assert.Equal(1, Total(store, "recollection"));

        Directory.Move(second, second + "-unmounted");
        File.Delete(folders.PathOf("2024/241028 MarDini.md"));
        await ingestor.RunAsync(CancellationToken.None);

        Assert.Equal(1, ingestor.Progress.FilesRemoved);
        Assert.Equal(0, Total(store, "mardini"));
        Assert.Equal(1, Total(store, "recollection"));
    }

    [Fact]
    public async Task ARescanListingBehindRequestsFollowsTheFoldersAsAnyPass()
    {
        var (store, ingestor) = Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None, listBehindRequests: true);
            Assert.Equal(4, ingestor.Progress.FilesParsed);
            File.Delete(folders.PathOf("2024/241028 MarDini.md"));
            await ingestor.RunAsync(CancellationToken.None, listBehindRequests: true);

            Assert.Equal(1, ingestor.Progress.FilesRemoved);
            Assert.Equal(0, Total(store, "mardini"));
            Assert.Equal(1, Total(store, "memorization"));
        }
    }

    public void Dispose() => folders.Dispose();
}
