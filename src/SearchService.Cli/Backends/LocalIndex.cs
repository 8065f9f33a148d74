using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Cli.Backends;

/// <summary>
/// An index folder opened in this process, as the service would open it: the store, and on demand the
/// embedding model with the stored vectors. Holds the folder's lock, so it cannot be used while a service runs on it.
/// </summary>
public sealed class LocalIndex : IDisposable
{
    public string Folder { get; }
    public PaperStore Store { get; }
    public QueryExpansion Expansion { get; } = new(TerminologyMap.Load([]));
    private PaperVectors? vectors;

    private LocalIndex(string folder, PaperStore store)
    {
        Folder = folder;
        Store = store;
    }

    /// <summary>Opens (or creates, when <paramref name="create"/>) the index in <paramref name="folder"/>.</summary>
    public static LocalIndex Open(string folder, bool create)
    {
        var full = Path.GetFullPath(folder);
        if (!create && !Directory.Exists(full))
            throw new CliError($"no index at {full}: build one with `searchservice ingest <folder> --data {folder}`.");
        try
        {
            return new LocalIndex(full, new PaperStore(PaperIndex.Open(full, PaperAnalyzers.Create())));
        }
        catch (IndexLockedException e)
        {
            throw new CliError($"{e.Message} Use --url to ask the running service instead.");
        }
    }

    /// <summary>The vectors of the default model, where the service with default settings looks for them.</summary>
    public string VectorFolder => Embedders.VectorFolder(Path.Combine(Folder, "vectors"), new SemanticOptions().Model);
    public bool HasVectors => File.Exists(Path.Combine(VectorFolder, VectorStore.FileName));

    /// <summary>
    /// The vectors for the current papers, loading the model the first time; computes those not stored yet
    /// (none after a full <c>ingest</c>). Null when the model cannot load.
    /// </summary>
    public PaperVectors? Vectors()
    {
        if (vectors is not null) return vectors;
        var embedder = Embedders.Create(new SemanticOptions().Model);
        if (!embedder.IsAvailable) return null;
        var store = new VectorStore(VectorFolder, embedder.Dimensions);
        vectors = new PaperVectors(Store, embedder, store, NullLogger<PaperVectors>.Instance, new TermTranslator(Expansion));
        return vectors;
    }

    public void Dispose()
    {
        vectors?.Dispose();
        Store.Dispose();
    }
}
