using SearchService.Core;

namespace SearchService.Api.Hosting;

/// <summary>
/// Resolves the configured folders. Defaults point at the repository's index-data/ (<see cref="Checkout"/>),
/// so <c>dotnet run</c> works from anywhere in the checkout.
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
        Checkout.Root() is { } repository ? Path.Combine(repository, "index-data") : Path.GetFullPath("index-data");
}
