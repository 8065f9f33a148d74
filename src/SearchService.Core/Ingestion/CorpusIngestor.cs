using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using SearchService.Core.Notes;
using SearchService.Core.Indexing;
using SearchService.Core.Store;

namespace SearchService.Core.Ingestion;

/// <summary>
/// Brings the store in step with the corpus folders: parses new and changed files (by content hash),
/// drops the papers of deleted files and skips everything unchanged, so a restart over an unchanged
/// corpus does no indexing work. A pass commits every <paramref name="commitEvery"/> parsed files, so a
/// crash mid-pass loses at most that much work: the next pass skips whatever the last commit holds.
/// </summary>
public sealed class CorpusIngestor(PaperStore store, IReadOnlyList<string> roots, ILogger<CorpusIngestor> logger, int commitEvery = CorpusIngestor.DefaultCommitEvery)
{
    public const int DefaultCommitEvery = 1000;

    /// <summary>Note and digest files; anything else in a corpus folder is ignored.</summary>
    private static readonly string[] Extensions = [".md", ".txt", ".markdown"];
    private const int RefreshEvery = 250;
    private readonly int commitInterval = Math.Max(1, commitEvery);

    private readonly SemaphoreSlim running = new(1, 1);
    private volatile IngestProgress progress = new(false, 0, 0, 0, null, null);

    public IngestProgress Progress => progress;
    public IReadOnlyList<string> Roots { get; } = roots.Select(Path.GetFullPath).ToList();

    /// <summary>One pass over every corpus folder. Concurrent calls wait for the running pass.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try { Run(ct); }
        finally { running.Release(); }
    }

    private void Run(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int seen = 0, parsed = 0, removed = 0;
        // Listed up front so progress has a total; a listing is cheap next to parsing.
        var files = EnumerateFiles().ToList();
        progress = progress with { Running = true, FilesSeen = 0, FilesParsed = 0, FilesRemoved = 0, FilesTotal = files.Count };
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (root, file) in files)
        {
            ct.ThrowIfCancellationRequested();
            present.Add(file);
            seen++;
            if (IngestFile(root, file)) parsed++;
            if (parsed > 0 && parsed % RefreshEvery == 0) store.Refresh();
            if (parsed > 0 && parsed % commitInterval == 0) store.Commit();
            progress = progress with { FilesSeen = seen, FilesParsed = parsed };
        }
        foreach (var key in store.FileKeys().Where(k => IsUnderRoot(k) && !present.Contains(k)))
        {
            store.Remove(key);
            removed++;
        }
        store.Commit();
        store.Refresh();
        progress = new IngestProgress(false, seen, parsed, removed, DateTimeOffset.UtcNow, clock.Elapsed, files.Count);
        logger.LogInformation("Ingest done in {Elapsed} ms: {Seen} files seen, {Parsed} parsed, {Removed} removed, {Papers} papers",
            clock.ElapsedMilliseconds, seen, parsed, removed, store.PaperCount);
    }

    /// <summary>Parses and stores one file unless its content is unchanged; returns whether it was parsed.</summary>
    private bool IngestFile(string root, string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException e)
        {
            // A file being written or removed under us: the next pass sees it again.
            logger.LogWarning("Skipped {Path}: {Reason}", path, e.Message);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning("Skipped {Path}: {Reason}", path, e.Message);
            return false;
        }
        var hash = ContentHash.Of(bytes);
        if (store.GetFile(path)?.Hash == hash) return false;
        store.Put(Parse(path, RelativePath(root, path), hash, bytes));
        return true;
    }

    /// <summary>A file's path relative to its corpus folder, with '/' separators, as sources record it.</summary>
    public static string RelativePath(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>The note and digest files under <paramref name="root"/>, in a stable order.</summary>
    public static IEnumerable<string> NoteFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Parses file content; undecodable bytes become a named warning and whatever text could be read.</summary>
    public static IngestedFile Parse(string key, string relativePath, string hash, byte[] bytes)
    {
        var warnings = new List<ParseWarning>();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(bytes);
            warnings.Add(new ParseWarning("invalid-utf8", "The file is not valid UTF-8; undecodable bytes were replaced.", relativePath));
        }
        var result = NoteParser.Parse(text.TrimStart('\uFEFF'), relativePath);
        return new IngestedFile(key, hash, result.Papers, [.. warnings, .. result.Warnings]);
    }

    private IEnumerable<(string Root, string File)> EnumerateFiles()
    {
        foreach (var root in Roots)
        {
            if (!Directory.Exists(root))
            {
                logger.LogWarning("Corpus folder {Root} does not exist", root);
                continue;
            }
            foreach (var file in NoteFiles(root)) yield return (root, file);
        }
    }

    /// <summary>Only files under a root that exists now count as deleted: an unmounted folder must not empty the index.</summary>
    private bool IsUnderRoot(string key) =>
        Roots.Where(Directory.Exists).Any(r => key.StartsWith(r.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
