using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;

namespace SearchService.Tests;

/// <summary>A corpus folder and an index folder of their own in a temp directory, and the Core objects over them.</summary>
public sealed class IngestFolders : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    public string Corpus => Path.Combine(Root, "corpus");
    public string Data => Path.Combine(Root, "index");

    public IngestFolders() => Directory.CreateDirectory(Corpus);

    public string PathOf(string relativePath) => Path.Combine(Corpus, relativePath);

    public void Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void Write(string relativePath, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relativePath))!);
        File.WriteAllBytes(PathOf(relativePath), bytes);
    }

    public (PaperStore Store, CorpusIngestor Ingestor) Open()
    {
        var store = new PaperStore(PaperIndex.Open(Data, PaperAnalyzers.Create()));
        return (store, new CorpusIngestor(store, [Corpus], NullLogger<CorpusIngestor>.Instance));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
