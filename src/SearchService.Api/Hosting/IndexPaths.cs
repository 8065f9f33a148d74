using SearchService.Core;
using SearchService.Core.Store;

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

    /// <summary>Where API records are kept: the shared folder of <see cref="IndexOptions.ApiRecords"/>, else the data folder's own.</summary>
    public static ApiRecordFolder ApiRecords(IndexOptions options) =>
        options.ApiRecords is { Length: > 0 } shared ? new ApiRecordFolder(Path.GetFullPath(shared)) : ApiRecordFolder.Beside(DataFolder(options));

    /// <summary>Whether the API records folder is shared with other instances, so each follows it.</summary>
    public static bool FollowsApiRecords(IndexOptions options) => options.ApiRecords is { Length: > 0 };

    private static string SampleRoot() =>
        Checkout.Root() is { } repository ? Path.Combine(repository, "index-data") : Path.GetFullPath("index-data");
}
