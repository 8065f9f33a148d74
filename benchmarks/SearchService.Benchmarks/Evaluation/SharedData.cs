using SearchService.Core;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>Finds the shared data folder beside the checkout (../shared); the benchmarks that need it skip without it.</summary>
public static class SharedData
{
    public static string? Folder() =>
        Checkout.Shared() is { } shared && Directory.Exists(Path.Combine(shared, "corpus")) && Directory.Exists(Path.Combine(shared, "queries"))
            ? shared
            : null;

    public const string Missing = "skipped: ../shared (corpus and dev queries) was not found beside the checkout.";
}
