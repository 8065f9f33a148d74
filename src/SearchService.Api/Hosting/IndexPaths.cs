namespace SearchService.Api.Hosting;

/// <summary>
/// Resolves the configured folders. Defaults point at the repository's index-data/, found by walking up
/// from the working directory and from the program's folder, so <c>dotnet run</c> works from anywhere in the checkout.
/// </summary>
public static class IndexPaths
{
    public static IReadOnlyList<string> CorpusFolders(IndexOptions options) =>
        options.Corpus.Count > 0
            ? options.Corpus.Select(Path.GetFullPath).ToList()
            : [Path.Combine(SampleRoot(), "notes"), Path.Combine(SampleRoot(), "digests")];

    public static string DataFolder(IndexOptions options) =>
        Path.GetFullPath(options.Data ?? Path.Combine(SampleRoot(), "index"));

    private static string SampleRoot() =>
        RepositoryRoot() is { } repository ? Path.Combine(repository, "index-data") : Path.GetFullPath("index-data");

    /// <summary>The checkout this program runs from (the folder with SearchService.sln and index-data/), or null outside one.</summary>
    public static string? RepositoryRoot()
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
}
