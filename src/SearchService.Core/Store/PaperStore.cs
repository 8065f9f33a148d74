using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Store;

/// <summary>
/// The one place papers are written: keeps the <see cref="PaperCatalog"/> and the <see cref="PaperIndex"/>
/// in step, serializing writers and letting readers look at the catalog under a read lock.
/// </summary>
public sealed class PaperStore : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly PaperCatalog catalog = new();

    public PaperIndex Index { get; }

    /// <summary>Raised after papers change, with the ids that were written or deleted.</summary>
    public event Action<IReadOnlyCollection<string>>? PapersChanged;

    public PaperStore(PaperIndex index)
    {
        Index = index;
        foreach (var file in index.ReadFiles()) catalog.Put(file);
    }

    /// <summary>Grows with every write, so caches derived from the papers know when to rebuild.</summary>
    public long Version => Interlocked.Read(ref version);
    private long version;

    public int PaperCount => Read(() => catalog.Papers.Count);
    public int FileCount => Read(() => catalog.Files.Keys.Count(k => !k.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal)));
    public int WarningCount => Read(() => catalog.Files.Values.Sum(f => f.Warnings.Count));

    public IngestedFile? GetFile(string key) => Read(() => catalog.Files.GetValueOrDefault(key));

    public IReadOnlyList<string> FileKeys() => Read(() => catalog.Files.Keys.ToList());

    /// <summary>All papers, as a snapshot list.</summary>
    public IReadOnlyList<Paper> Papers() => Read(() => catalog.Papers.Values.ToList());

    /// <summary>Finds a paper by its id (or the id of a record merged into it), its arXiv id (with or without "arXiv:" and version) or a note name.</summary>
    public Paper? Find(string idOrNoteName) => Read(() =>
    {
        var key = idOrNoteName.Trim();
        if (catalog.Papers.TryGetValue(key, out var paper)) return paper;
        if (catalog.ShownIds.TryGetValue(key, out var shown)) return catalog.Papers[shown];
        if (catalog.IdsByNoteName.TryGetValue(key, out var id)) return catalog.Papers[id];
        var arxiv = PaperId.FromArxivReference(key);
        return arxiv is not null ? catalog.Papers.GetValueOrDefault(arxiv) : null;
    });

    /// <summary>Adds or replaces a file and its papers in the index (visible after <see cref="Refresh"/>, durable after <see cref="Commit"/>).</summary>
    public void Put(IngestedFile file) => Write(() =>
    {
        Index.PutFile(file);
        return catalog.Put(file);
    });

    public void Remove(string key) => Write(() =>
    {
        Index.DeleteFile(key);
        return catalog.Remove(key);
    });

    public void Commit() => Index.Commit();
    public void Refresh() => Index.Refresh();

    private void Write(Func<IReadOnlyCollection<string>> change)
    {
        IReadOnlyCollection<string> affected;
        gate.EnterWriteLock();
        try
        {
            affected = change();
            Interlocked.Increment(ref version);
            foreach (var id in affected)
            {
                if (catalog.Papers.TryGetValue(id, out var paper)) Index.PutPaper(paper);
                else Index.DeletePaper(id);
            }
        }
        finally { gate.ExitWriteLock(); }
        if (affected.Count > 0) PapersChanged?.Invoke(affected);
    }

    private T Read<T>(Func<T> read)
    {
        gate.EnterReadLock();
        try { return read(); }
        finally { gate.ExitReadLock(); }
    }

    public void Dispose()
    {
        Index.Dispose();
        gate.Dispose();
    }
}
