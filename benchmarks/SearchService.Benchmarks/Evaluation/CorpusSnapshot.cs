using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>Every file of a corpus parsed once, to index again under each configuration being compared.</summary>
public sealed class CorpusSnapshot(IReadOnlyList<IngestedFile> files)
{
    public IReadOnlyList<IngestedFile> Files { get; } = files;

    public static CorpusSnapshot Read(string root)
    {
        var files = CorpusIngestor.NoteFiles(root)
            .Select(path =>
            {
                var bytes = File.ReadAllBytes(path);
                return CorpusIngestor.Parse(path, CorpusIngestor.RelativePath(root, path), ContentHash.Of(bytes), bytes);
            })
            .ToList();
        return new CorpusSnapshot(files);
    }

    /// <summary>An in-memory store of the snapshot, indexed with <paramref name="analyzer"/>.</summary>
    public PaperStore Index(Lucene.Net.Analysis.Analyzer analyzer)
    {
        var store = new PaperStore(PaperIndex.InMemory(analyzer));
        foreach (var file in Files) store.Put(file);
        store.Commit();
        store.Refresh();
        return store;
    }
}
