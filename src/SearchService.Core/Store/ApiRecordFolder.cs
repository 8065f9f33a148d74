using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SearchService.Core.Indexing;

namespace SearchService.Core.Store;

/// <summary>
/// The durable copy of every paper written through the API, one JSON file per record in <c>{data}/api-records</c>.
/// The corpus can rebuild everything else in the index, but not these, so a damaged index that is moved
/// aside and rebuilt gets them back from here (<see cref="RestoreInto"/>). Each file is written to a temporary
/// name, flushed to disk and renamed, so a crash leaves the old record or the new one, never half of one.
/// </summary>
public sealed class ApiRecordFolder(string folder)
{
    public const string FolderName = "api-records";
    private const string Extension = ".json";

    public string Folder { get; } = folder;

    public static ApiRecordFolder Beside(string dataFolder) => new(Path.Combine(dataFolder, FolderName));

    /// <summary>The record kept for <paramref name="key"/>, or null.</summary>
    public IngestedFile? Read(string key) => ReadFile(PathOf(key));

    /// <summary>Saves (or, for a null file, deletes) the record of <paramref name="key"/>.</summary>
    public void Write(string key, IngestedFile? file)
    {
        var path = PathOf(key);
        if (file is null)
        {
            File.Delete(path);
            return;
        }
        Directory.CreateDirectory(Folder);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, file, PaperDocument.Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Every record kept; unreadable files (a crash mid-write of an older version) are passed over.</summary>
    public IReadOnlyList<IngestedFile> ReadAll() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*" + Extension).Order(StringComparer.Ordinal).Select(ReadFile).OfType<IngestedFile>().ToList()
            : [];

    /// <summary>
    /// Makes the store and this folder agree at start: records missing from the index (a rebuilt index, or a
    /// crash between saving the record and the commit) are put back, and API papers the index has but the
    /// folder lacks (an index from before this folder existed) are saved here. Returns how many were restored.
    /// </summary>
    public int RestoreInto(PaperStore store)
    {
        var restored = 0;
        var kept = ReadAll();
        foreach (var record in kept.Where(r => store.FileHash(r.Key) != r.Hash))
        {
            store.Put(record);
            restored++;
        }
        var keys = kept.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in store.FileKeys().Where(k => k.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal) && !keys.Contains(k)))
            Write(key, store.GetFile(key));
        if (restored > 0)
        {
            store.Commit();
            store.Refresh();
        }
        return restored;
    }

    /// <summary>
    /// Makes the store's API records what this folder holds, for a folder several instances share (one writes
    /// through the API, the others follow): records new or changed here are put, API records the folder no longer
    /// has are removed, in one commit. Returns how many changed. Unlike <see cref="RestoreInto"/>, the folder is
    /// the truth: a record only the index has is dropped, not saved back, so one instance's delete reaches them all.
    /// </summary>
    public int FollowInto(PaperStore store)
    {
        var kept = ReadAll();
        var changes = kept.Where(r => store.FileHash(r.Key) != r.Hash).Select(r => (r.Key, (IngestedFile?)r)).ToList();
        var keys = kept.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(store.FileKeys()
            .Where(k => k.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal) && !keys.Contains(k))
            .Select(k => (k, (IngestedFile?)null)));
        if (changes.Count > 0) store.CommitChanges(changes);
        return changes.Count;
    }

    /// <summary>Saves every API record the store holds (after the index folder was lost, say).</summary>
    public void SaveAll(PaperStore store)
    {
        foreach (var key in store.FileKeys().Where(k => k.StartsWith(ApiFileKeys.Prefix, StringComparison.Ordinal)))
            Write(key, store.GetFile(key));
    }

    /// <summary>A file name from the key's hash: ids may hold characters no file system accepts.</summary>
    private string PathOf(string key) =>
        Path.Combine(Folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + Extension);

    private static IngestedFile? ReadFile(string path)
    {
        try { return JsonSerializer.Deserialize<IngestedFile>(File.ReadAllText(path), PaperDocument.Json); }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }
}
