namespace SearchService.Core;

/// <summary>
/// The source checkout a program runs from, found by walking up from the working directory and from the
/// program's folder: the service takes its default corpus from it, and the tests and benchmarks find the
/// read-only shared data beside it. Every stage may use it; it depends on none.
/// </summary>
public static class Checkout
{
    /// <summary>The checkout (the folder with SearchService.sln and index-data/), or null when not run from one.</summary>
    public static string? Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")) && Directory.Exists(Path.Combine(dir.FullName, "index-data")))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The shared data folder beside the checkout (<c>../shared</c>), or null when either is absent.</summary>
    public static string? Shared() =>
        Root() is { } root && Directory.GetParent(root) is { } parent && Directory.Exists(Path.Combine(parent.FullName, "shared"))
            ? Path.Combine(parent.FullName, "shared")
            : null;
}
