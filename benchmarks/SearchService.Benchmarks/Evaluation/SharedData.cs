namespace SearchService.Benchmarks.Evaluation;

/// <summary>Finds the shared data folder beside the checkout (../shared); the benchmarks that need it skip without it.</summary>
public static class SharedData
{
    public static string? Folder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "corpus")) && Directory.Exists(Path.Combine(candidate, "queries")))
                    return candidate;
            }
        }
        return null;
    }

    public const string Missing = "skipped: ../shared (corpus and dev queries) was not found beside the checkout.";
}
