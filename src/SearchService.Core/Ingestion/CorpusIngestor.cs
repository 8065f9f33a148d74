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
public sealed class CorpusIngestor(PaperStore store, IReadOnlyList<string> roots, ILogger<CorpusIngestor> logger, int commitEvery = CorpusIngestor.DefaultCommitEvery, CorpusLimits? limits = null)
{
    public const int DefaultCommitEvery = 1000;
    public const string Unreadable = "unreadable";

    private const int RefreshEvery = 250;
    private readonly CorpusLimits bounds = limits ?? new CorpusLimits();
    private readonly int commitInterval = Math.Max(1, commitEvery);

    private readonly SemaphoreSlim running = new(1, 1);
    // A pass's listing and the paths it saw. Kept from pass to pass (one pass runs at a time): at a million files
    // their tables are large arrays, which only a full collection frees, and an idle service makes none. Made anew
    // each pass, they grew its memory by 0.1-0.3 GiB a pass (benchmarks/README.md, fifteenth pass).
    private readonly CorpusListing listing = new();
    private readonly HashSet<string> present = new(StringComparer.Ordinal);
    // Starts from the last complete pass the index recorded, so a restart knows the index it serves was whole.
    private volatile IngestProgress progress = new(false, 0, 0, 0, store.Index.LastCorpusPass?.Finished, store.Index.LastCorpusPass?.Duration);

    public IngestProgress Progress => progress;

    /// <summary>What the last pass left out (symlinks, files too large or too many, unreadable files), by kind.</summary>
    public IReadOnlyDictionary<string, SkippedFiles> LastSkipped => lastSkipped;
    private volatile IReadOnlyDictionary<string, SkippedFiles> lastSkipped = new Dictionary<string, SkippedFiles>();
    public IReadOnlyList<string> Roots { get; } = roots.Select(Path.GetFullPath).ToList();

    /// <summary>
    /// One pass over every corpus folder. Concurrent calls wait for the running pass. With
    /// <paramref name="listBehindRequests"/> the folders are listed at a lower CPU priority than requests: listing an
    /// unchanged corpus is most of a rescan's work (seconds at a million files), and at normal priority it takes a core
    /// from every search that lands in it.
    /// </summary>
    public async Task RunAsync(CancellationToken ct, bool listBehindRequests = false)
    {
        await running.WaitAsync(ct);
        try { Run(ct, listBehindRequests); }
        finally { running.Release(); }
    }

    private void Run(CancellationToken ct, bool listBehindRequests)
    {
        var clock = Stopwatch.StartNew();
        int seen = 0, parsed = 0, removed = 0;
        foreach (var root in Roots.Where(r => !Directory.Exists(r)))
            logger.LogWarning("Corpus folder {Root} does not exist", root);
        // Listed up front so progress has a total; a listing is cheap next to parsing.
        // Paths already stored are listed as the stored strings: a million new ones would outlive the young generations.
        void List() => listing.List(Roots, bounds, store.StoredFileKey);
        // On a thread of its own that only reads folders and looks keys up, so no thread it starts inherits its priority.
        if (listBehindRequests) DedicatedThread.RunBehindRequests(List).GetAwaiter().GetResult();
        else List();
        progress = progress with { Running = true, FilesSeen = 0, FilesParsed = 0, FilesRemoved = 0, FilesTotal = listing.Files.Count };
        present.Clear();
        present.EnsureCapacity(listing.Files.Count);
        var skipped = listing.Skipped.ToDictionary(StringComparer.Ordinal);
        foreach (var (root, file, stamp) in listing.Files)
        {
            ct.ThrowIfCancellationRequested();
            present.Add(file);
            seen++;
            if (IngestFile(root, file, stamp, skipped)) parsed++;
            if (parsed > 0 && parsed % RefreshEvery == 0) store.Refresh();
            if (parsed > 0 && parsed % commitInterval == 0) store.Commit();
            progress = progress with { FilesSeen = seen, FilesParsed = parsed };
        }
        // Roots looked up once, and only for files the listing did not see: a pass over a million files then makes
        // no status read beyond the listing's own.
        var mounted = MountedRootPrefixes();
        foreach (var key in store.FileKeys(k => !present.Contains(k) && mounted.Any(prefix => k.StartsWith(prefix, StringComparison.Ordinal))))
        {
            store.Remove(key);
            removed++;
        }
        var finished = DateTimeOffset.UtcNow;
        // Saved with the pass's last commit: a start over this index then serves it while checking it again.
        store.Index.RecordCorpusPass(new CorpusPass(finished, clock.Elapsed));
        store.Commit();
        store.Refresh();
        lastSkipped = skipped;
        // One line per kind, however many files: a hostile folder must not flood the log.
        foreach (var skip in skipped.Values)
            logger.LogWarning("Skipped {Count} corpus file(s) ({Kind}), e.g. {Example}", skip.Count, skip.Kind, skip.Example);
        progress = new IngestProgress(false, seen, parsed, removed, finished, clock.Elapsed, listing.Files.Count, FinishedInThisProcess: true);
        logger.LogInformation("Ingest done in {Elapsed} ms: {Seen} files seen, {Parsed} parsed, {Removed} removed, {Papers} papers",
            clock.ElapsedMilliseconds, seen, parsed, removed, store.PaperCount);
        present.Clear();
    }

    /// <summary>Parses and stores one file unless its content is unchanged; returns whether it was parsed.</summary>
    /// <param name="stamp">The file's stamp when it was listed (just before this read), or null for a symlink.</param>
    private bool IngestFile(string root, string path, FileStamp? stamp, Dictionary<string, SkippedFiles> skipped)
    {
        // Unchanged since it was read (same size and modification time, as rsync and make judge; the stamp is stored with
        // the file's record, so this holds across restarts): no need to read and hash it again. A rescan or a start over
        // a large corpus is then a stat per file, not a read of every byte.
        if (stamp is not null && store.FileStampOf(path) == stamp) return false;
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file being written or removed under us, or not ours to read: the next pass sees it again.
            skipped[Unreadable] = skipped.TryGetValue(Unreadable, out var s) ? s with { Count = s.Count + 1 } : new SkippedFiles(Unreadable, 1, $"{path}: {e.Message}");
            return false;
        }
        var hash = ContentHash.Of(bytes);
        if (store.FileHash(path) == hash)
        {
            // The same content under a new stamp (touched, copied, or stored before stamps were kept): keep the stamp.
            if (stamp is not null) store.Restamp(path, stamp.Value);
            return false;
        }
        // Stamped before the read, so a write landing during it changes the stamp and is read on the next pass.
        store.Put(Parse(path, RelativePath(root, path), hash, bytes) with { Stamp = stamp });
        return true;
    }

    /// <summary>A file's path relative to its corpus folder, with '/' separators, as sources record it.</summary>
    public static string RelativePath(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>The note and digest files under <paramref name="root"/>, in a stable order (<see cref="CorpusListing"/> with default limits).</summary>
    public static IEnumerable<string> NoteFiles(string root) => CorpusListing.Of([root], new CorpusLimits()).Files.Select(f => f.File);

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

    /// <summary>Only files under a root that exists now count as deleted: an unmounted folder must not empty the index.</summary>
    private List<string> MountedRootPrefixes() =>
        Roots.Where(Directory.Exists).Select(r => r.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).ToList();
}
