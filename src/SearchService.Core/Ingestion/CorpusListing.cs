using System.IO.Enumeration;
using SearchService.Core.Indexing;

namespace SearchService.Core.Ingestion;

/// <summary>
/// The note files of the corpus folders, listed without trusting the folders: folder symlinks are not
/// followed (a link into the corpus reaches a folder that is listed at its own place anyway, and a link out
/// of it or back up to it must not be), each real folder is listed once, a file symlink is read only when its
/// target lies inside a corpus folder, and files over <see cref="CorpusLimits"/> are left out. Whatever is left
/// out is counted by kind (<see cref="Skipped"/>), so a log can say it in one line per kind.
/// Each file's size and modification time come from the one status read the listing makes of it and are handed on as
/// its <see cref="FileStamp"/>, so a pass over an unchanged corpus costs one status read a file, not three or four.
/// </summary>
public sealed class CorpusListing
{
    /// <summary>Note and digest files; anything else in a corpus folder is ignored.</summary>
    private static readonly string[] Extensions = [".md", ".txt", ".markdown"];

    // Skip kinds: stable names for the log and the warnings.
    public const string FolderSymlink = "folder-symlink";
    public const string SymlinkOutsideCorpus = "symlink-outside-corpus";
    public const string BrokenSymlink = "broken-symlink";
    public const string TooLarge = "file-too-large";
    public const string TooManyFiles = "too-many-files";

    private readonly List<ListedFile> files = [];
    private readonly Dictionary<string, SkippedFiles> skipped = new(StringComparer.Ordinal);
    // A root's files before sorting, and one folder's entries. With the files these are large arrays at a million
    // files, which only a full collection frees: a listing used again (List) reuses them instead.
    private readonly List<Entry> found = [];
    private readonly List<Entry> entries = [];

    /// <summary>Every file to read with the corpus folder it is under and its stamp when listed, in a stable order.</summary>
    public IReadOnlyList<ListedFile> Files => files;

    /// <summary>What was left out, by kind, with a count and one example path.</summary>
    public IReadOnlyDictionary<string, SkippedFiles> Skipped => skipped;

    /// <summary>Lists <paramref name="roots"/> once (<see cref="List"/>).</summary>
    public static CorpusListing Of(IEnumerable<string> roots, CorpusLimits limits, KnownPath? known = null)
    {
        var listing = new CorpusListing();
        listing.List(roots, limits, known);
        return listing;
    }

    /// <summary>
    /// Lists <paramref name="roots"/> (folders that do not exist are passed over) in place of what was listed before.
    /// <paramref name="known"/> gives the string already held for a path, if any, which the listing then uses
    /// instead of a new one.
    /// </summary>
    public void List(IEnumerable<string> roots, CorpusLimits limits, KnownPath? known = null)
    {
        files.Clear();
        skipped.Clear();
        var existing = roots.Select(Path.GetFullPath).Where(Directory.Exists).ToList();
        var realRoots = existing.Select(r => RealPath(r)).ToList();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in existing)
        {
            found.Clear();
            Walk(root, realRoots, visited, known);
            // Sorted in place: a folder lists each path once, so no two entries compare equal.
            found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            files.EnsureCapacity(files.Count + found.Count);
            foreach (var file in found)
            {
                // A link is measured by its target and gets no stamp (its own does not change when the target does).
                var size = file.IsLink ? SizeOf(file.Path) : file.Length;
                if (size > limits.MaxFileBytes) Skip(TooLarge, file.Path);
                else if (files.Count >= limits.MaxFiles) Skip(TooManyFiles, file.Path);
                else files.Add(new ListedFile(root, file.Path, file.IsLink ? null : new FileStamp(file.Length, file.ModifiedTicks)));
            }
        }
        found.Clear();
        entries.Clear();
    }

    /// <summary>A folder entry as listed: whether it is a folder or a symlink, and a file's size and modification time (UTC ticks).</summary>
    private readonly record struct Entry(string Path, bool IsDirectory, bool IsLink, long Length, long ModifiedTicks);

    private static Entry ToEntry(ref FileSystemEntry entry, KnownPath? known)
    {
        var link = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        var plain = !entry.IsDirectory && !link;
        return new Entry(FullPath(ref entry, known), entry.IsDirectory, link, plain ? entry.Length : 0, plain ? entry.LastWriteTimeUtc.UtcTicks : 0);
    }

    /// <summary>
    /// The entry's full path: the string <paramref name="known"/> already holds for it, or a new one (a pass's new
    /// strings would live as long as the pass and outlast the young generations; see <see cref="CorpusIngestor"/>).
    /// </summary>
    private static string FullPath(ref FileSystemEntry entry, KnownPath? known)
    {
        if (known is null) return entry.ToFullPath();
        Span<char> path = stackalloc char[1024];
        // Path.Join's rule, as ToFullPath uses: a separator only where the folder does not end with one. A longer path
        // does not fit the buffer and gets a new string.
        if (!Path.TryJoin(entry.Directory, entry.FileName, path, out var length)) return entry.ToFullPath();
        return known(path[..length]) ?? new string(path[..length]);
    }

    private void Walk(string root, IReadOnlyList<string> realRoots, HashSet<string> visited, KnownPath? known)
    {
        var folders = new Stack<string>([root]);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        while (folders.TryPop(out var folder))
        {
            // Overlapping corpus folders (one inside another) are listed once.
            if (!visited.Add(RealPath(folder))) continue;
            entries.Clear();
            try { entries.AddRange(new FileSystemEnumerable<Entry>(folder, (ref FileSystemEntry e) => ToEntry(ref e, known), options)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                if (entry.IsDirectory)
                {
                    if (entry.IsLink) Skip(FolderSymlink, entry.Path);
                    else folders.Push(entry.Path);
                }
                else if (Extensions.Contains(Path.GetExtension(entry.Path), StringComparer.OrdinalIgnoreCase))
                {
                    if (!entry.IsLink || LinkStaysInside(new FileInfo(entry.Path), realRoots)) found.Add(entry);
                }
            }
        }
    }

    private bool LinkStaysInside(FileSystemInfo link, IReadOnlyList<string> realRoots)
    {
        FileSystemInfo? target;
        try { target = link.ResolveLinkTarget(returnFinalTarget: true); }
        catch (IOException) { target = null; }
        if (target is not FileInfo { Exists: true } file)
        {
            Skip(BrokenSymlink, link.FullName);
            return false;
        }
        var real = RealPath(file.FullName);
        if (realRoots.Any(r => IsUnder(real, r))) return true;
        Skip(SymlinkOutsideCorpus, link.FullName);
        return false;
    }

    private static long SizeOf(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.LinkTarget is null ? info.Length : info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target.Length : 0;
        }
        catch (IOException) { return 0; }
    }

    private void Skip(string kind, string path) =>
        skipped[kind] = skipped.TryGetValue(kind, out var s) ? s with { Count = s.Count + 1 } : new SkippedFiles(kind, 1, path);

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symlink along it resolved, so "inside the corpus" cannot be faked by a link in the middle.</summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            try
            {
                // A link loop (ELOOP) throws here; such a path is left as written and cannot reach a root.
                if (new FileInfo(next).LinkTarget is not null && File.ResolveLinkTarget(next, returnFinalTarget: true) is { } target)
                    next = target.FullName == next || depth > 32 ? next : RealPath(target.FullName, depth + 1);
            }
            catch (IOException) { }
            current = next;
        }
        return current;
    }
}

/// <summary>The string already held for a path equal to <paramref name="path"/>, or null.</summary>
public delegate string? KnownPath(ReadOnlySpan<char> path);

/// <summary>A file to read: the corpus folder it is under, its path, and its stamp when listed (null for a symlink: always read).</summary>
public readonly record struct ListedFile(string Root, string File, FileStamp? Stamp);

/// <summary>Files a corpus pass left out for one reason: how many, and one of them for the log.</summary>
public sealed record SkippedFiles(string Kind, int Count, string Example);
