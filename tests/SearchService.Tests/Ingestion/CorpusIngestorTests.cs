using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Search;
using SearchService.Tests.Api;

namespace SearchService.Tests.Ingestion;

public sealed class CorpusIngestorTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    private string Corpus => Path.Combine(root, "corpus");
    private string Data => Path.Combine(root, "index");

    public CorpusIngestorTests()
    {
        foreach (var (path, text) in SampleNotes.All) Write(path, text);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(Corpus, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private (PaperStore Store, CorpusIngestor Ingestor) Open()
    {
        var store = new PaperStore(PaperIndex.Open(Data, PaperAnalyzers.Create()));
        return (store, new CorpusIngestor(store, [Corpus], NullLogger<CorpusIngestor>.Instance));
    }

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
            Write("2025/250224 Muon is Scalable for LLM Training.md", SampleNotes.Muon.Replace("Muon optimizer", "Orthogonalized optimizer"));
            Write("2024/241101 Copy of Parrots.md", SampleNotes.Parrots);
            File.Delete(Path.Combine(Corpus, "2024", "241028 MarDini.md"));
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
    public async Task UndecodableFileIsKeptWithAWarning()
    {
        File.WriteAllBytes(Path.Combine(Corpus, "broken.md"), [0x68, 0x74, 0xFF, 0xFE, 0x0A, 0xC3]);
        var (store, ingestor) = Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            var file = store.GetFile(Path.Combine(Corpus, "broken.md"));
            Assert.NotNull(file);
            Assert.Contains(file.Warnings, w => w.Code == "invalid-utf8");
            Assert.Equal(1, Total(store, "memorization"));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
