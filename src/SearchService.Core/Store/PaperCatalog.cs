using System.Runtime.InteropServices;
using SearchService.Core.Notes;
using SearchService.Core.Indexing;

namespace SearchService.Core.Store;

/// <summary>
/// In-memory view of what is ingested, by identity only: every file with the ids its records have, and which
/// records make up the paper shown under each id. The records themselves stay in the index (see <see cref="PaperStore"/>).
/// The same paper noted in two files is one paper listing both sources: records with the same id merge, and a
/// record without an arXiv id (a digest entry has no URL, so its id is the slug of its title) merges into the one
/// arXiv paper whose title has that slug, under the arXiv id. Not thread-safe on its own: <see cref="PaperStore"/>
/// serializes writes and reads under a lock.
/// </summary>
public sealed class PaperCatalog
{
    private readonly Dictionary<string, FileIdentity> files = new(StringComparer.Ordinal);
    private readonly StringSetMap fileKeysById = new();
    private readonly NoteNames corpusNoteNames = new();
    private readonly NoteNames apiNoteNames = new();
    // A record's own id → the id of the paper it is shown in, and back.
    private readonly Dictionary<string, string> shownIds = new(StringComparer.Ordinal);
    private readonly StringSetMap membersByShownId = new();
    // Title slug → the arXiv ids whose records carry that title, and back: where a slug-id record belongs.
    private readonly StringSetMap arxivIdsByTitle = new();
    private readonly Dictionary<string, string[]> titlesByArxivId = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FileIdentity> Files => files;

    /// <summary>The key string of the file stored under <paramref name="key"/>, or null: lets a listing reuse it.</summary>
    public string? FileKeyOf(ReadOnlySpan<char> key) =>
        files.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var stored, out _) ? stored : null;

    /// <summary>Corpus files (API records not counted), kept as files come and go so that /health does not walk them all.</summary>
    public int CorpusFileCount { get; private set; }

    /// <summary>Parse warnings over all files, kept like <see cref="CorpusFileCount"/>.</summary>
    public int WarningCount { get; private set; }

    /// <summary>The ids of the papers shown (each made of one or more records).</summary>
    public IReadOnlyCollection<string> PaperIds => membersByShownId.Keys;

    public bool HasPaper(string id) => membersByShownId.ContainsKey(id);

    /// <summary>
    /// The paper id for a note name (file name without extension), so links and note-taking tools can name
    /// papers. A corpus file wins its note name over an API write of the same name, so an API write can
    /// neither take over a note's name nor, when deleted, hide the note.
    /// </summary>
    public string? IdForNoteName(string noteName) =>
        (corpusNoteNames.IdFor(noteName) ?? apiNoteNames.IdFor(noteName)) is { } id ? shownIds.GetValueOrDefault(id, id) : null;

    /// <summary>The id a record's own id is shown under: itself, or the arXiv id of the paper it merged into.</summary>
    public IReadOnlyDictionary<string, string> ShownIds => shownIds;

    /// <summary>Where the records of paper <paramref name="shownId"/> are: each record's own id with the files that hold it.</summary>
    public IEnumerable<(string OwnId, IEnumerable<string> FileKeys)> RecordsOf(string shownId) =>
        membersByShownId.Of(shownId).Select(id => (id, (IEnumerable<string>)fileKeysById.Of(id)));

    /// <summary>
    /// The catalog of the files stored at start, built at once: the same maps as putting them one by one, but each
    /// paper's shown id and each title's papers are worked out once at the end instead of after every file. At a
    /// million files that is most of what a start costs before the index can be searched.
    /// </summary>
    public static PaperCatalog Of(IEnumerable<FileIdentity> stored)
    {
        var catalog = new PaperCatalog();
        foreach (var file in stored) catalog.Add(file);
        catalog.ResolveAll();
        return catalog;
    }

    /// <summary>Files a file under its key and ids, leaving the shown ids to <see cref="ResolveAll"/>.</summary>
    private void Add(FileIdentity file)
    {
        // Keys are unique in the index; a repeat replaces, as Put would.
        if (files.ContainsKey(file.Key)) Forget(file.Key);
        File(file);
    }

    /// <summary>Files a file under its key, its note names and each of its ids.</summary>
    private void File(FileIdentity file)
    {
        files[file.Key] = file;
        Count(file, +1);
        NoteNamesOf(file.Key).Add(file);
        foreach (var paper in file.Papers) fileKeysById.Add(paper.Id, file.Key);
    }

    /// <summary>The titles of every arXiv paper, then every record's shown id: what <see cref="Resolve"/> keeps up to date per write.</summary>
    private void ResolveAll()
    {
        // One walk over the records rather than UpdateTitles per arXiv id: the same maps, without its per-id queries.
        var titles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in files.Values.SelectMany(f => f.Papers))
        {
            if (!IsTitle(record.TitleSlug) || !IsArxivId(record.Id)) continue;
            if (!titles.TryGetValue(record.Id, out var own)) titles[record.Id] = own = new List<string>(1);
            if (own.Contains(record.TitleSlug)) continue;
            own.Add(record.TitleSlug);
            arxivIdsByTitle.Add(record.TitleSlug, record.Id);
        }
        foreach (var (id, own) in titles) titlesByArxivId[id] = [.. own];
        foreach (var id in fileKeysById.Keys)
        {
            var shown = ShownIdOf(id);
            shownIds[id] = shown;
            membersByShownId.Add(shown, id);
        }
    }

    /// <summary>Adds or replaces a file; returns the ids whose shown paper changed (absent from <see cref="PaperIds"/> means deleted).</summary>
    public IReadOnlyCollection<string> Put(FileIdentity file)
    {
        var touched = Forget(file.Key);
        File(file);
        foreach (var paper in file.Papers) touched.Add(paper.Id);
        return Resolve(touched);
    }

    /// <summary>Records a new stamp of an unchanged file (same content, so no paper changes).</summary>
    public void Restamp(string key, FileStamp stamp)
    {
        if (files.TryGetValue(key, out var file)) files[key] = file with { Stamp = stamp };
    }

    /// <summary>Forgets a file; returns the ids whose shown paper changed or disappeared.</summary>
    public IReadOnlyCollection<string> Remove(string key) => Resolve(Forget(key));

    /// <summary>Drops a file from the records; returns the own ids of the records it held.</summary>
    private HashSet<string> Forget(string key)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        if (!files.Remove(key, out var old)) return touched;
        Count(old, -1);
        NoteNamesOf(key).Remove(old);
        foreach (var paper in old.Papers)
        {
            fileKeysById.Remove(paper.Id, key);
            touched.Add(paper.Id);
        }
        return touched;
    }

    private void Count(FileIdentity file, int sign)
    {
        if (!file.Key.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal)) CorpusFileCount += sign;
        WarningCount += sign * file.WarningCount;
    }

    private NoteNames NoteNamesOf(string key) => key.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal) ? apiNoteNames : corpusNoteNames;

    /// <summary>Re-files the touched records (and the slug-id records their titles reach) under their shown ids; returns the shown ids that changed.</summary>
    private HashSet<string> Resolve(HashSet<string> touched)
    {
        var rehome = new HashSet<string>(touched, StringComparer.Ordinal);
        foreach (var id in touched.Where(IsArxivId))
            rehome.UnionWith(UpdateTitles(id));
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in rehome)
        {
            if (shownIds.Remove(id, out var before))
            {
                membersByShownId.Remove(before, id);
                shown.Add(before);
            }
            if (!fileKeysById.ContainsKey(id)) continue;
            var after = ShownIdOf(id);
            shownIds[id] = after;
            membersByShownId.Add(after, id);
            shown.Add(after);
        }
        return shown;
    }

    /// <summary>Records the title slugs of arXiv paper <paramref name="id"/>; returns the slugs it had or has now.</summary>
    private IEnumerable<string> UpdateTitles(string id)
    {
        var old = titlesByArxivId.GetValueOrDefault(id) ?? [];
        var now = Records(id).Select(p => p.TitleSlug).Where(IsTitle).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var title in old) arxivIdsByTitle.Remove(title, id);
        foreach (var title in now) arxivIdsByTitle.Add(title, id);
        if (now.Length > 0) titlesByArxivId[id] = now;
        else titlesByArxivId.Remove(id);
        return old.Concat(now);
    }

    /// <summary>A slug that names a title (not a note without one, nor an arXiv id): what a digest entry is matched by.</summary>
    private static bool IsTitle(string slug) => !slug.StartsWith("note-", StringComparison.Ordinal) && !IsArxivId(slug);

    /// <summary>A slug id joins the arXiv paper of the same title when exactly one has it; two candidates stay apart.</summary>
    private string ShownIdOf(string id) =>
        arxivIdsByTitle.Single(id) is { } arxivId && !IsArxivId(id) ? arxivId : id;

    /// <summary>
    /// Whether <paramref name="id"/> is an arXiv id as a user would type it. Called several times a record when the
    /// catalog is built, so the common cases skip the regular expressions: a slug has neither '.' nor '/' (which
    /// every arXiv form needs), and "yymm.nnnnn" is one at sight.
    /// </summary>
    private static bool IsArxivId(string id) =>
        id.AsSpan().IndexOfAny('.', '/') >= 0 && (IsNewStyleArxivId(id) || PaperId.FromArxivReference(id) == id);

    private static bool IsNewStyleArxivId(string id) =>
        id.Length is 9 or 10 && id[4] == '.' && id.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9') is false
        && id.AsSpan(5).ContainsAnyExceptInRange('0', '9') is false;

    private IEnumerable<RecordIdentity> Records(string id) =>
        fileKeysById.Of(id).SelectMany(k => files[k].Papers).Where(p => p.Id == id);

    /// <summary>
    /// Note name → ids of the files that give it, counted, so that removing one file never drops a name another still gives.
    /// A name given once (nearly every name) keeps its id as the string itself: a sorted map per name was 170 MB at a
    /// million papers.
    /// </summary>
    private sealed class NoteNames
    {
        // An id given by one file, or a SortedDictionary<string, int> of ids and how many files give each.
        private readonly Dictionary<string, object> ids = new(StringComparer.Ordinal);

        public string? IdFor(string noteName) => ids.GetValueOrDefault(noteName) switch
        {
            string id => id,
            SortedDictionary<string, int> counts => counts.Keys.First(),
            _ => null,
        };

        public void Add(FileIdentity file)
        {
            foreach (var (name, id) in Names(file))
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, name, out var exists);
                if (!exists)
                {
                    slot = id;
                    continue;
                }
                if (slot is string lone) slot = new SortedDictionary<string, int>(StringComparer.Ordinal) { [lone] = 1 };
                var counts = (SortedDictionary<string, int>)slot!;
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        public void Remove(FileIdentity file)
        {
            foreach (var (name, id) in Names(file))
            {
                switch (ids.GetValueOrDefault(name))
                {
                    case string lone when lone == id:
                        ids.Remove(name);
                        break;
                    case SortedDictionary<string, int> counts when counts.TryGetValue(id, out var count):
                        if (count > 1) counts[id] = count - 1;
                        else counts.Remove(id);
                        if (counts.Count == 1 && counts.First() is { Value: 1 } last) ids[name] = last.Key;
                        else if (counts.Count == 0) ids.Remove(name);
                        break;
                }
            }
        }

        private static IEnumerable<(string Name, string Id)> Names(FileIdentity file) =>
            file.Papers.SelectMany(p => p.NoteNames.Select(n => (n, p.Id)));
    }
}
