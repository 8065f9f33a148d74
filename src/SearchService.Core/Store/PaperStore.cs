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
    private readonly Lock writeOrder = new();

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
    public int FileCount => Read(() => catalog.CorpusFileCount);
    public int WarningCount => Read(() => catalog.WarningCount);

    /// <summary>Every parse warning of every stored file, as a snapshot list.</summary>
    public IReadOnlyList<ParseWarning> Warnings() => Read(() => catalog.Files.Values.SelectMany(f => f.Warnings).ToList());

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
        if (catalog.IdForNoteName(key) is { } id && catalog.Papers.TryGetValue(id, out var named)) return named;
        var arxiv = PaperId.FromArxivReference(key);
        return arxiv is not null ? catalog.Papers.GetValueOrDefault(arxiv) : null;
    });

    /// <summary>Adds or replaces a file and its papers in the index (visible after <see cref="Refresh"/>, durable after <see cref="Commit"/>).</summary>
    public void Put(IngestedFile file) => Write(file.Key, file);

    public void Remove(string key) => Write(key, null);

    /// <summary>Why the last commit failed (disk full, folder gone), or null when the last commit worked.</summary>
    public string? StorageFault => storageFault;
    private volatile string? storageFault;

    /// <summary>Records a storage failure met outside the index (the API records folder, say) until the next commit works.</summary>
    public void ReportStorageFault(string reason) => storageFault = reason;

    /// <summary>Durably saves everything written so far; throws <see cref="StorageException"/> when the disk or folder refuses.</summary>
    public void Commit()
    {
        try
        {
            Index.Commit();
            storageFault = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var fault = StorageException.From(Index.Folder ?? "memory", e);
            storageFault = fault.Message;
            throw fault;
        }
    }

    /// <summary>Makes recent writes visible to searches. While the storage is failing, the searcher of the last refresh keeps answering.</summary>
    public void Refresh()
    {
        try { Index.Refresh(); }
        catch (Exception e) when (e is not OutOfMemoryException && (storageFault is not null || !Index.IsFolderIntact))
        {
            // Opening a new reader flushes to disk, which is what is failing; reads go on from the last one.
        }
    }

    /// <summary>
    /// Puts each file (or removes its key, for a null file) and commits, all or nothing: when the index refuses
    /// a file or the commit fails, every key is put back as it was, so the catalog never shows a write that
    /// is not saved, and the exception is rethrown.
    /// </summary>
    public void CommitChanges(IReadOnlyList<(string Key, IngestedFile? File)> changes)
    {
        var previous = changes.Select(c => (c.Key, File: GetFile(c.Key))).ToList();
        try
        {
            foreach (var (key, file) in changes)
            {
                if (file is null) Remove(key);
                else Put(file);
            }
            Commit();
            Refresh();
        }
        catch
        {
            foreach (var (key, file) in previous)
            {
                try
                {
                    if (file is null) Remove(key);
                    else Put(file);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Best effort: the catalog was already put back by the failed write itself.
                }
            }
            Refresh();
            throw;
        }
    }

    /// <summary>
    /// Writers go one at a time (<see cref="writeOrder"/>), but the catalog's lock is held only to change the
    /// catalog: analyzing a big note for the index happens outside it, so lookups and <c>/health</c> answer
    /// meanwhile. When the index refuses the file, the catalog is put back: a write is all or nothing.
    /// </summary>
    private void Write(string key, IngestedFile? file)
    {
        IReadOnlyCollection<string> affected;
        lock (writeOrder)
        {
            IngestedFile? previous;
            IReadOnlyList<(string Id, Paper? Paper)> merged;
            gate.EnterWriteLock();
            try
            {
                previous = catalog.Files.GetValueOrDefault(key);
                affected = file is null ? catalog.Remove(key) : catalog.Put(file);
                merged = MergedPapers(affected);
            }
            finally { gate.ExitWriteLock(); }
            try
            {
                IndexFile(key, file);
                IndexPapers(merged);
                Interlocked.Increment(ref version);
            }
            catch
            {
                Restore(key, previous);
                throw;
            }
        }
        if (affected.Count > 0) PapersChanged?.Invoke(affected);
    }

    private IReadOnlyList<(string Id, Paper? Paper)> MergedPapers(IEnumerable<string> ids) =>
        ids.Select(id => (id, catalog.Papers.GetValueOrDefault(id))).ToList();

    private void IndexFile(string key, IngestedFile? file)
    {
        if (file is null) Index.DeleteFile(key);
        else Index.PutFile(file);
    }

    private void IndexPapers(IEnumerable<(string Id, Paper? Paper)> papers)
    {
        foreach (var (id, paper) in papers)
        {
            if (paper is not null) Index.PutPaper(paper);
            else Index.DeletePaper(id);
        }
    }

    private void Restore(string key, IngestedFile? previous)
    {
        IReadOnlyList<(string Id, Paper? Paper)> merged;
        gate.EnterWriteLock();
        try
        {
            var undone = previous is null ? catalog.Remove(key) : catalog.Put(previous);
            merged = MergedPapers(undone);
            Interlocked.Increment(ref version);
        }
        finally { gate.ExitWriteLock(); }
        try
        {
            IndexFile(key, previous);
            IndexPapers(merged);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            // The previous state was indexed once, so this only fails when the writer itself is broken; the
            // catalog is back as it was, and the next start reads the last commit.
        }
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
