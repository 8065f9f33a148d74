using System.Text.Json;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Core.Ingestion;

/// <summary>What a write did: the papers it created or updated and what the parser found odd.</summary>
public sealed record WriteResult(IReadOnlyList<Paper> Papers, IReadOnlyList<ParseWarning> Warnings);

/// <summary>A paper cannot be deleted through the API because a corpus file still holds it.</summary>
public sealed class PaperHeldByCorpusException(string id, IEnumerable<string> paths)
    : Exception($"Paper '{id}' comes from corpus files ({string.Join(", ", paths)}); delete or edit those files instead.");

/// <summary>
/// Writes that come through the API rather than the corpus folders. Each paper is kept as a record of its
/// own (key "api:{id}"), beside the corpus files, so the folder watcher never overwrites an API write and an
/// API write never edits a user's file. A write is committed before it returns: it survives a crash.
/// </summary>
public sealed class PaperWriter(PaperStore store)
{
    private const string ApiFolder = "api";

    /// <summary>Adds or replaces the API's record of <paramref name="paper"/>.</summary>
    public WriteResult Upsert(Paper paper)
    {
        var stored = paper with { Sources = [new PaperSource($"{ApiFolder}/{paper.Id}")] };
        Save([stored]);
        return new WriteResult([store.Find(paper.Id) ?? stored], []);
    }

    /// <summary>Parses a raw digest or note as if it were a file named <paramref name="fileName"/>, and stores its papers.</summary>
    public WriteResult Ingest(string text, string fileName)
    {
        var result = NoteParser.Parse(text, $"{ApiFolder}/{fileName}");
        Save(result.Papers);
        return new WriteResult(result.Papers.Select(p => store.Find(p.Id) ?? p).ToList(), result.Warnings);
    }

    /// <summary>
    /// Deletes a paper written through the API; returns false when there is no such paper. A paper that a
    /// corpus file holds is refused: the watcher would bring it back, so the file is what to change.
    /// </summary>
    public bool Delete(string id)
    {
        var paper = store.Find(id);
        if (paper is null) return false;
        var corpusPaths = paper.Sources.Select(s => s.Path).Where(p => !p.StartsWith(ApiFolder + "/", StringComparison.Ordinal)).ToList();
        if (corpusPaths.Count > 0) throw new PaperHeldByCorpusException(paper.Id, corpusPaths);
        store.Remove(ApiFileKeys.For(paper.Id));
        Persist();
        return true;
    }

    private void Save(IEnumerable<Paper> papers)
    {
        foreach (var paper in papers)
        {
            var json = JsonSerializer.Serialize(paper, PaperDocument.Json);
            var hash = ContentHash.Of(json);
            store.Put(new IngestedFile(ApiFileKeys.For(paper.Id), hash, [paper], []));
        }
        Persist();
    }

    private void Persist()
    {
        store.Commit();
        store.Refresh();
    }
}
