namespace SearchService.Core.Ingestion;

/// <summary>
/// The note files of the corpus folders, listed without trusting the folders: folder symlinks are not
/// followed (a link into the corpus reaches a folder that is listed at its own place anyway, and a link out
/// of it or back up to it must not be), each real folder is listed once, a file symlink is read only when its
/// target lies inside a corpus folder, and files over <see cref="CorpusLimits"/> are left out. Whatever is left
/// out is counted by kind (<see cref="Skipped"/>), so a log can say it in one line per kind.
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

    private readonly List<(string Root, string File)> files = [];
    private readonly Dictionary<string, SkippedFiles> skipped = new(StringComparer.Ordinal);

    /// <summary>Every file to read with the corpus folder it is under, in a stable order.</summary>
    public IReadOnlyList<(string Root, string File)> Files => files;

    /// <summary>What was left out, by kind, with a count and one example path.</summary>
    public IReadOnlyDictionary<string, SkippedFiles> Skipped => skipped;

    private CorpusListing() { }

    /// <summary>Lists <paramref name="roots"/> (folders that do not exist are passed over).</summary>
    public static CorpusListing Of(IEnumerable<string> roots, CorpusLimits limits)
    {
        var listing = new CorpusListing();
        var existing = roots.Select(Path.GetFullPath).Where(Directory.Exists).ToList();
        var realRoots = existing.Select(r => RealPath(r)).ToList();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in existing)
        {
            var found = new List<string>();
            listing.Walk(root, realRoots, visited, found);
            foreach (var file in found.Order(StringComparer.Ordinal))
            {
                if (SizeOf(file) > limits.MaxFileBytes) listing.Skip(TooLarge, file);
                else if (listing.files.Count >= limits.MaxFiles) listing.Skip(TooManyFiles, file);
                else listing.files.Add((root, file));
            }
        }
        return listing;
    }

    private void Walk(string root, IReadOnlyList<string> realRoots, HashSet<string> visited, List<string> found)
    {
        var folders = new Stack<string>([root]);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        while (folders.TryPop(out var folder))
        {
            // Overlapping corpus folders (one inside another) are listed once.
            if (!visited.Add(RealPath(folder))) continue;
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo dir)
                {
                    if (dir.LinkTarget is not null) Skip(FolderSymlink, dir.FullName);
                    else folders.Push(dir.FullName);
                }
                else if (Extensions.Contains(entry.Extension, StringComparer.OrdinalIgnoreCase))
                {
                    if (entry.LinkTarget is null || LinkStaysInside(entry, realRoots)) found.Add(entry.FullName);
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

/// <summary>Files a corpus pass left out for one reason: how many, and one of them for the log.</summary>
public sealed record SkippedFiles(string Kind, int Count, string Example);
