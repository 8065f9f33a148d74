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
/// API write never edits a user's file. A write is committed before it returns, so it survives a crash, and
/// it is all or nothing: when the index or the disk refuses it, nothing of it is shown (<see cref="StorageException"/>).
/// </summary>
/// <param name="records">Where each API record is also kept outside the index, so a rebuilt index gets it back; null keeps them in the index only.</param>
public sealed class PaperWriter(PaperStore store, ApiRecordFolder? records = null)
{
    private const string ApiFolder = "api";
    // API writes are few and short; one at a time keeps a failed write's undo from racing another write.
    private readonly Lock writing = new();

    /// <summary>Adds or replaces the API's record of <paramref name="paper"/>.</summary>
    public WriteResult Upsert(Paper paper)
    {
        var stored = paper with { Sources = [new PaperSource($"{ApiFolder}/{paper.Id}")] };
        Save([stored]);
        return new WriteResult([store.Find(paper.Id) ?? stored], []);
    }

    /// <summary>Parses a raw digest or note as if it were a file named <paramref name="fileName"/>, without storing it.</summary>
    public static ParseResult Parse(string text, string fileName) => NoteParser.Parse(text, $"{ApiFolder}/{fileName}");

    /// <summary>Stores the papers of a parsed digest or note (<see cref="Parse"/>).</summary>
    public WriteResult Ingest(ParseResult result)
    {
        Save(result.Papers);
        return new WriteResult(result.Papers.Select(p => store.Find(p.Id) ?? p).ToList(), result.Warnings);
    }

    /// <summary>Parses and stores a raw digest or note.</summary>
    public WriteResult Ingest(string text, string fileName) => Ingest(Parse(text, fileName));

    /// <summary>
    /// Deletes what the API wrote for a paper; returns false when there is no such paper. When a corpus file
    /// holds the paper too, the API's record goes and the corpus paper stays. A paper only corpus files hold
    /// is refused: the watcher would bring it back, so the file is what to change.
    /// </summary>
    public bool Delete(string id)
    {
        var paper = store.Find(id);
        if (paper is null) return false;
        var key = ApiFileKeys.For(paper.Id);
        if (store.GetFile(key) is null)
        {
            var corpusPaths = paper.Sources.Select(s => s.Path).ToList();
            throw new PaperHeldByCorpusException(paper.Id, corpusPaths);
        }
        Apply([(key, null)]);
        return true;
    }

    private void Save(IEnumerable<Paper> papers)
    {
        var files = papers.Select(paper =>
        {
            var json = JsonSerializer.Serialize(paper, PaperDocument.Json);
            var hash = ContentHash.Of(json);
            return (ApiFileKeys.For(paper.Id), (IngestedFile?)new IngestedFile(ApiFileKeys.For(paper.Id), hash, [paper], []));
        }).ToList();
        Apply(files);
    }

    /// <summary>Saves the records, then the index; when either fails, both are put back as they were.</summary>
    private void Apply(IReadOnlyList<(string Key, IngestedFile? File)> changes)
    {
        lock (writing)
        {
            var previous = changes.Select(c => (c.Key, File: store.GetFile(c.Key))).ToList();
            try
            {
                foreach (var (key, file) in changes) records?.Write(key, file);
                store.CommitChanges(changes);
            }
            catch (Exception e)
            {
                try
                {
                    foreach (var (key, file) in previous) records?.Write(key, file);
                    // The index folder is gone: keep what was acknowledged where the next start restores it from.
                    if (e is StorageException { DiskFull: false }) records?.SaveAll(store);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    // The disk refuses the undo too; the index, which was put back, holds the truth.
                }
                if (e is not (IOException or UnauthorizedAccessException)) throw;
                var fault = StorageException.From(records?.Folder ?? store.Index.Folder ?? "memory", e);
                store.ReportStorageFault(fault.Message);
                throw fault;
            }
        }
    }
}
