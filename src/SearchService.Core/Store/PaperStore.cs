using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Store;

/// <summary>
/// The one place papers are written: keeps the <see cref="PaperCatalog"/> and the <see cref="PaperIndex"/> in step,
/// serializing writers and letting readers look at the catalog under a read lock. The index is the store of
/// records: the catalog holds identities only, <see cref="Find"/> decodes a paper from the index (keeping the
/// recently used ones), and <see cref="Papers"/> walks them one at a time, so memory does not grow with the text of
/// every paper.
/// </summary>
public sealed class PaperStore : IDisposable
{
    /// <summary>How many decoded papers <see cref="Find"/> keeps: ~4 KB each, so ~80 MB; the real corpus fits whole.</summary>
    public const int DefaultCachedPapers = 20_000;

    private readonly ReaderWriterLockSlim gate = new();
    private readonly PaperCatalog catalog;
    private readonly RecentWrites recent = new();
    private readonly LruCache<string, Paper> cache;
    private readonly Lock writeOrder = new();
    // Counts writes under the write lock, so that a paper decoded while a write happened is not cached stale.
    private long writes;

    public PaperIndex Index { get; }

    /// <summary>Raised after papers change, with the ids that were written or deleted.</summary>
    public event Action<IReadOnlyCollection<string>>? PapersChanged;

    public PaperStore(PaperIndex index, int cachedPapers = DefaultCachedPapers)
    {
        Index = index;
        cache = new LruCache<string, Paper>(cachedPapers);
        catalog = PaperCatalog.Of(index.ReadFileIdentities());
    }

    /// <summary>Grows with every write, so caches derived from the papers know when to rebuild.</summary>
    public long Version => Interlocked.Read(ref version);
    private long version;

    public int PaperCount => Read(() => catalog.PaperIds.Count);
    public int FileCount => Read(() => catalog.CorpusFileCount);
    public int WarningCount => Read(() => catalog.WarningCount);

    /// <summary>Every parse warning of every stored file (read from the files that have any), as a snapshot list.</summary>
    public IReadOnlyList<ParseWarning> Warnings()
    {
        var keys = Read(() => catalog.Files.Values.Where(f => f.WarningCount > 0).Select(f => f.Key).ToList());
        return keys.SelectMany(k => GetFile(k)?.Warnings ?? []).ToList();
    }

    /// <summary>The stored record of a file (decoded from the index), or null.</summary>
    public IngestedFile? GetFile(string key)
    {
        FileIdentity? identity;
        gate.EnterReadLock();
        try
        {
            if (!catalog.Files.TryGetValue(key, out identity)) return null;
            if (recent.TryGetFile(key, out var written)) return written;
        }
        finally { gate.ExitReadLock(); }
        return Index.ReadFile(key) is { } stored ? stored with { Stamp = identity.Stamp } : null;
    }

    /// <summary>The content hash of a stored file, or null: what tells a changed file, without decoding its record.</summary>
    public string? FileHash(string key) => Read(() => catalog.Files.GetValueOrDefault(key)?.Hash);

    /// <summary>The size and modification time a stored corpus file had when it was read, or null.</summary>
    public FileStamp? FileStampOf(string key) => Read(() => catalog.Files.GetValueOrDefault(key)?.Stamp);

    /// <summary>The keys of the stored files (those <paramref name="where"/> holds for), copied under the lock.</summary>
    public IReadOnlyList<string> FileKeys(Func<string, bool>? where = null) =>
        Read(() => (where is null ? catalog.Files.Keys : catalog.Files.Keys.Where(where)).ToList());

    /// <summary>The key string of the file stored under <paramref name="key"/>, or null (a <see cref="Ingestion.KnownPath"/> for a corpus listing).</summary>
    public string? StoredFileKey(ReadOnlySpan<char> key)
    {
        // Not through Read: its lambda cannot capture a span.
        gate.EnterReadLock();
        try { return catalog.FileKeyOf(key); }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>
    /// All papers, decoded one at a time from the index as the caller walks them (with the writes not yet refreshed
    /// in their place): keep what you need of each, not the papers.
    /// </summary>
    public IEnumerable<Paper> Papers()
    {
        // The writes first, then the searcher: whatever a refresh moved from one to the other in between is in both.
        var written = Read(recent.Papers);
        foreach (var paper in Index.ReadPapers())
            if (!written.ContainsKey(paper.Id)) yield return paper;
        foreach (var paper in written.Values)
            if (paper is not null) yield return paper;
    }

    /// <summary>Finds a paper by its id (or the id of a record merged into it), its arXiv id (with or without "arXiv:" and version) or a note name.</summary>
    public Paper? Find(string idOrNoteName)
    {
        string? id;
        long seen;
        gate.EnterReadLock();
        try
        {
            id = ShownId(idOrNoteName.Trim());
            if (id is null) return null;
            if (recent.TryGetPaper(id, out var written)) return written;
            if (cache.TryGet(id, out var cached)) return cached;
            seen = writes;
        }
        finally { gate.ExitReadLock(); }
        // Not written since the last refresh, so the current searcher holds it as it is now.
        var paper = Index.ReadPaper(id);
        if (paper is null) return null;
        gate.EnterReadLock();
        try
        {
            if (writes == seen) cache.Set(id, paper);
        }
        finally { gate.ExitReadLock(); }
        return paper;
    }

    private string? ShownId(string key)
    {
        if (catalog.HasPaper(key)) return key;
        if (catalog.ShownIds.TryGetValue(key, out var shown)) return shown;
        if (catalog.IdForNoteName(key) is { } named && catalog.HasPaper(named)) return named;
        return PaperId.FromArxivReference(key) is { } arxiv && catalog.HasPaper(arxiv) ? arxiv : null;
    }

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
        long upTo;
        // Taken between writes, so every write up to here is in the index writer before the searcher reopens.
        lock (writeOrder) upTo = recent.Sequence;
        try { Index.Refresh(); }
        catch (Exception e) when (e is not OutOfMemoryException && (storageFault is not null || !Index.IsFolderIntact))
        {
            // Opening a new reader flushes to disk, which is what is failing; reads go on from the last one.
            return;
        }
        gate.EnterWriteLock();
        try { recent.ForgetUpTo(upTo); }
        finally { gate.ExitWriteLock(); }
    }

    /// <summary>
    /// Records a new stamp of a file whose content is unchanged (touched, copied, or stored before stamps were), so
    /// that the next start does not read it again. No paper changes; the file document is rewritten with the stamp.
    /// </summary>
    public void Restamp(string key, FileStamp stamp)
    {
        lock (writeOrder)
        {
            if (GetFile(key) is not { } file) return;
            gate.EnterWriteLock();
            try { catalog.Restamp(key, stamp); }
            finally { gate.ExitWriteLock(); }
            // The stored record is the same but for the stamp (kept in the catalog), so lookups before the refresh are right.
            Index.PutFile(file with { Stamp = stamp });
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
    /// catalog and merge the papers it touched: analyzing a big note for the index happens outside it, so lookups
    /// and <c>/health</c> answer meanwhile. When the index refuses the file, the catalog is put back: a write is all
    /// or nothing.
    /// </summary>
    private void Write(string key, IngestedFile? file)
    {
        IReadOnlyCollection<string> affected;
        lock (writeOrder)
        {
            var previous = GetFile(key);
            IReadOnlyList<(string Id, Paper? Paper)> merged;
            gate.EnterWriteLock();
            try { (affected, merged) = Apply(key, file); }
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

    /// <summary>Under the write lock: changes the catalog, notes the write until the next refresh, and merges the papers it touched.</summary>
    private (IReadOnlyCollection<string> Affected, IReadOnlyList<(string Id, Paper? Paper)> Merged) Apply(string key, IngestedFile? file)
    {
        var affected = file is null ? catalog.Remove(key) : catalog.Put(FileIdentity.Of(file));
        recent.PutFile(key, file);
        var merged = affected.Select(id => (id, Merge(id))).ToList();
        foreach (var (id, paper) in merged)
        {
            recent.PutPaper(id, paper);
            cache.Remove(id);
        }
        writes++;
        return (affected, merged);
    }

    /// <summary>The paper shown under <paramref name="id"/>, merged from its records in the files that hold them; null when none is left.</summary>
    private Paper? Merge(string id)
    {
        var parts = new List<Paper>();
        foreach (var (ownId, keys) in catalog.RecordsOf(id))
            foreach (var key in keys)
                parts.AddRange(StoredFile(key)?.Papers.Where(p => p.Id == ownId) ?? []);
        if (parts.Count == 0) return null;
        return (parts.Count == 1 ? parts[0] : PaperMerger.Merge(parts)) with { Id = id };
    }

    /// <summary>A file's record as written last: from the writes not yet refreshed, else from the searcher (which then holds it).</summary>
    private IngestedFile? StoredFile(string key) => recent.TryGetFile(key, out var written) ? written : Index.ReadFile(key);

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
            merged = Apply(key, previous).Merged;
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
