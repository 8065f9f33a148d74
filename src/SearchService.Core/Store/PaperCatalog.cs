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
    private readonly NoteNames corpusNoteNames = new();
    private readonly NoteNames apiNoteNames = new();

    public IReadOnlyDictionary<string, IngestedFile> Files => files;
    public IReadOnlyDictionary<string, Paper> Papers => papers;

    /// <summary>
    /// The paper id for a note name (file name without extension), so links and note-taking tools can name
    /// papers. A corpus file wins its note name over an API write of the same name, so an API write can
    /// neither take over a note's name nor, when deleted, hide the note.
    /// </summary>
    public string? IdForNoteName(string noteName) => corpusNoteNames.IdFor(noteName) ?? apiNoteNames.IdFor(noteName);

    /// <summary>Adds or replaces a file; returns the ids whose merged paper changed (look them up in <see cref="Papers"/>; absent means deleted).</summary>
    public IReadOnlyCollection<string> Put(IngestedFile file)
    {
        var affected = Remove(file.Key).ToHashSet(StringComparer.Ordinal);
        files[file.Key] = file;
        NoteNamesOf(file.Key).Add(file);
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
        NoteNamesOf(key).Remove(old);
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

    private NoteNames NoteNamesOf(string key) => key.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal) ? apiNoteNames : corpusNoteNames;

    private void Remerge(string id)
    {
        papers.Remove(id);
        if (!fileKeysById.TryGetValue(id, out var keys)) return;
        var parts = keys.SelectMany(k => files[k].Papers).Where(p => p.Id == id).ToList();
        papers[id] = parts.Count == 1 ? parts[0] : PaperMerger.Merge(parts);
    }

    /// <summary>Note name → ids of the files that give it, counted, so that removing one file never drops a name another still gives.</summary>
    private sealed class NoteNames
    {
        private readonly Dictionary<string, SortedDictionary<string, int>> ids = new(StringComparer.Ordinal);

        public string? IdFor(string noteName) => ids.TryGetValue(noteName, out var found) ? found.Keys.First() : null;

        public void Add(IngestedFile file)
        {
            foreach (var (name, id) in Names(file))
            {
                if (!ids.TryGetValue(name, out var counts)) ids[name] = counts = new(StringComparer.Ordinal);
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        public void Remove(IngestedFile file)
        {
            foreach (var (name, id) in Names(file))
            {
                if (!ids.TryGetValue(name, out var counts) || !counts.TryGetValue(id, out var count)) continue;
                if (count > 1) counts[id] = count - 1;
                else if (counts.Remove(id) && counts.Count == 0) ids.Remove(name);
            }
        }

        private static IEnumerable<(string Name, string Id)> Names(IngestedFile file) =>
            file.Papers.SelectMany(p => p.Sources.Select(s => (s.NoteName, p.Id)));
    }
}
