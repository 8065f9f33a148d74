using System.Text;
using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>
/// The id rule, one id per paper whatever file it came from:
/// <list type="bullet">
/// <item>a URL on arxiv.org (<c>/abs/</c>, <c>/pdf/</c>, <c>/html/</c>) gives the arXiv id without version or ".pdf":
/// "https://arxiv.org/pdf/2410.19034v2.pdf" → "2410.19034";</item>
/// <item>an old-style id keeps its archive with '/' turned into '_' so the id stays URL-safe and never collides
/// with a slug: "hep-th/9901001" → "hep-th_9901001";</item>
/// <item>anything else is a slug of the title (or note name): accents removed, lower-case ASCII letters, Hangul
/// and digits kept, every other run of characters becomes one '-', at most <see cref="MaxSlugLength"/> characters;
/// a text with nothing to keep gets "note-" and a stable hash.</item>
/// </list>
/// </summary>
public static partial class PaperId
{
    public const int MaxSlugLength = 80;

    /// <summary>The arXiv id when <paramref name="url"/> points at arXiv, else the slug of <paramref name="titleOrName"/>.</summary>
    public static string For(string? url, string titleOrName) => FromArxivUrl(url) ?? Slug(titleOrName);

    /// <summary>The URL-safe arXiv id in <paramref name="url"/>, or null when it is not an arXiv paper URL.</summary>
    public static string? FromArxivUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var match = ArxivUrl().Match(url);
        if (!match.Success) return null;
        return match.Groups["id"].Value.ToLowerInvariant().Replace('/', '_');
    }

    /// <summary>
    /// The id for an arXiv reference as a user types it: "2410.19034", "2410.19034v2", "arXiv:2410.19034" or
    /// an arXiv URL; null when <paramref name="text"/> is not one.
    /// </summary>
    public static string? FromArxivReference(string text)
    {
        var match = ArxivReference().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value.ToLowerInvariant().Replace('/', '_') : FromArxivUrl(text);
    }

    /// <summary>The ids of every arXiv URL in <paramref name="text"/>, in order, without repeats.</summary>
    public static IEnumerable<string> ArxivIdsIn(string text) =>
        ArxivUrl().Matches(text).Select(m => m.Groups["id"].Value.ToLowerInvariant().Replace('/', '_')).Distinct(StringComparer.Ordinal);

    /// <summary>A stable, URL-safe slug of <paramref name="text"/>; see the type summary for the rule.</summary>
    public static string Slug(string text)
    {
        var folded = AuthorNames.Fold(text ?? "");
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var kept = c is >= 'a' and <= 'z' or >= '0' and <= '9' || Script.IsHangul(c);
            if (kept) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > 0 ? cut : MaxSlugLength)];
        }
        return slug.Length > 0 ? slug : "note-" + StableHash(text ?? "");
    }

    /// <summary>FNV-1a: string.GetHashCode changes between runs, an id must not.</summary>
    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash.ToString("x8");
    }

    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf|html)/(?<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex ArxivUrl();

    [GeneratedRegex(@"^(?:arxiv:\s*)?(?<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivReference();
}
