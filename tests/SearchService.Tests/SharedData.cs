namespace SearchService.Tests;

/// <summary>
/// Finds the read-only shared data (<c>../shared</c> next to the repository folder) by walking up from the
/// test binaries. Tests over real data skip when it is absent, so the suite also runs on a bare checkout.
/// </summary>
internal static class SharedData
{
    /// <summary>The <c>shared</c> folder, or null when no ancestor of the test binaries has a <c>shared/seeds</c> child.</summary>
    public static string? Root { get; } = Find();

    public static string? SeedDigest => Existing(Root, "seeds", "000_8cc038eb82c5fd0d.txt");

    public static string? Corpus => Existing(Root, "corpus", "arxiv-notes");

    public static string MissingMessage(string what) =>
        $"../shared not found: no 'shared/seeds' folder above {AppContext.BaseDirectory}, so {what} is skipped";

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return candidate;
        }
        return null;
    }

    private static string? Existing(string? root, params string[] parts)
    {
        if (root is null) return null;
        var path = Path.Combine([root, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }
}
