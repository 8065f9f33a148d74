using SearchService.Core;

namespace SearchService.Tests;

/// <summary>
/// The read-only shared data (<c>../shared</c> next to the repository folder, <see cref="Checkout.Shared"/>).
/// Tests over real data skip when it is absent, so the suite also runs on a bare checkout.
/// </summary>
internal static class SharedData
{
    /// <summary>The <c>shared</c> folder, or null when there is none with a <c>seeds</c> folder beside the checkout.</summary>
    public static string? Root { get; } = Checkout.Shared() is { } shared && Directory.Exists(Path.Combine(shared, "seeds")) ? shared : null;

    public static string? SeedDigest => Existing(Root, "seeds", "000_8cc038eb82c5fd0d.txt");

    public static string? Corpus => Existing(Root, "corpus", "arxiv-notes");

    public static string MissingMessage(string what) =>
        $"../shared not found: no 'shared/seeds' folder beside the checkout above {AppContext.BaseDirectory}, so {what} is skipped";

    private static string? Existing(string? root, params string[] parts)
    {
        if (root is null) return null;
        var path = Path.Combine([root, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }
}
