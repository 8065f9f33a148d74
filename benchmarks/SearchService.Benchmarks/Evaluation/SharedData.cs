using SearchService.Core;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>
/// Finds the shared data folder beside the checkout (../shared), which the benchmarks that need it skip
/// without, and the checkout itself (for the held-out queries kept in <c>benchmarks/heldout</c>).
/// </summary>
public static class SharedData
{
    public static string? Folder() =>
        Checkout.Shared() is { } shared && Directory.Exists(Path.Combine(shared, "corpus")) && Directory.Exists(Path.Combine(shared, "queries"))
            ? shared
            : null;

    /// <summary>The checkout (the folder with SearchService.sln) above the binaries, else the working directory.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The held-out queries: written apart from dev and never tuned on (see benchmarks/heldout/README.md).</summary>
    public static string HeldOutQueries => Path.Combine(RepositoryRoot(), "benchmarks", "heldout", "queries.jsonl");

    public const string Missing = "skipped: ../shared (corpus and dev queries) was not found beside the checkout.";
}
