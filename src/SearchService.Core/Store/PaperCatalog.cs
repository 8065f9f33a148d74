using SearchService.Core.Notes;
using SearchService.Core.Indexing;

namespace SearchService.Core.Store;

/// <summary>
/// In-memory view of what is ingested: every file with the papers it gave, and the merged paper for each id
/// (the same paper noted in two files is one paper listing both sources). Not thread-safe on its own:
/// <see cref="PaperStore"/> serializes writes and hands out snapshots for reads.
/// </summary>
public sealed class PaperCatalog
{
    private readonly Dictionary<string, IngestedFile> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> fileKeysById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Paper> papers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> idsByNoteName = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IngestedFile> Files => files;
    public IReadOnlyDictionary<string, Paper> Papers => papers;

    /// <summary>The paper id for a note name (file name without extension), so links and note-taking tools can name papers.</summary>
    public IReadOnlyDictionary<string, string> IdsByNoteName => idsByNoteName;

    /// <summary>Adds or replaces a file; returns the ids whose merged paper changed (look them up in <see cref="Papers"/>; absent means deleted).</summary>
    public IReadOnlyCollection<string> Put(IngestedFile file)
    {
        var affected = Remove(file.Key).ToHashSet(StringComparer.Ordinal);
        files[file.Key] = file;
        foreach (var paper in file.Papers)
        {
            if (!fileKeysById.TryGetValue(paper.Id, out var keys))
                fileKeysById[paper.Id] = keys = new HashSet<string>(StringComparer.Ordinal);
            keys.Add(file.Key);
            affected.Add(paper.Id);
        }
        foreach (var id in affected) Remerge(id);
        return affected;
    }

    /// <summary>Forgets a file; returns the ids whose merged paper changed or disappeared.</summary>
    public IReadOnlyCollection<string> Remove(string key)
    {
        if (!files.Remove(key, out var old)) return [];
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in old.Papers)
        {
            if (fileKeysById.TryGetValue(paper.Id, out var keys))
            {
                keys.Remove(key);
                if (keys.Count == 0) fileKeysById.Remove(paper.Id);
            }
            affected.Add(paper.Id);
        }
        foreach (var id in affected) Remerge(id);
        return affected;
    }

    private void Remerge(string id)
    {
        if (papers.Remove(id, out var old))
            foreach (var source in old.Sources) idsByNoteName.Remove(source.NoteName);
        if (!fileKeysById.TryGetValue(id, out var keys)) return;
        var parts = keys.SelectMany(k => files[k].Papers).Where(p => p.Id == id).ToList();
        var merged = parts.Count == 1 ? parts[0] : PaperMerger.Merge(parts);
        papers[id] = merged;
        foreach (var source in merged.Sources) idsByNoteName[source.NoteName] = id;
    }
}
