using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Store;

/// <summary>
/// The files and papers written since the last refresh: the index holds them, but the searcher readers see does
/// not show them yet, so lookups answer from here until a refresh makes them visible. Bounded by how often writers
/// refresh (an ingest every few hundred files). Not thread-safe: <see cref="PaperStore"/> guards it with its lock.
/// </summary>
internal sealed class RecentWrites
{
    private readonly Dictionary<string, (IngestedFile? File, long Sequence)> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Paper? Paper, long Sequence)> papers = new(StringComparer.Ordinal);

    /// <summary>Grows with every write; a refresh forgets what was written up to the value read before it began.</summary>
    public long Sequence { get; private set; }

    /// <summary>Notes a file written (null: deleted).</summary>
    public void PutFile(string key, IngestedFile? file) => files[key] = (file, ++Sequence);

    /// <summary>Notes a paper written (null: deleted).</summary>
    public void PutPaper(string id, Paper? paper) => papers[id] = (paper, ++Sequence);

    /// <summary>Whether <paramref name="key"/> was written since the refresh; <paramref name="file"/> is null when it was deleted.</summary>
    public bool TryGetFile(string key, out IngestedFile? file)
    {
        var found = files.TryGetValue(key, out var entry);
        file = entry.File;
        return found;
    }

    public bool TryGetPaper(string id, out Paper? paper)
    {
        var found = papers.TryGetValue(id, out var entry);
        paper = entry.Paper;
        return found;
    }

    /// <summary>The papers written since the refresh, by id (null: deleted), as a copy.</summary>
    public Dictionary<string, Paper?> Papers() => papers.ToDictionary(p => p.Key, p => p.Value.Paper, StringComparer.Ordinal);

    /// <summary>Forgets what was written up to <paramref name="sequence"/>: a refresh has made it visible.</summary>
    public void ForgetUpTo(long sequence)
    {
        foreach (var key in files.Where(f => f.Value.Sequence <= sequence).Select(f => f.Key).ToList()) files.Remove(key);
        foreach (var id in papers.Where(p => p.Value.Sequence <= sequence).Select(p => p.Key).ToList()) papers.Remove(id);
    }
}
