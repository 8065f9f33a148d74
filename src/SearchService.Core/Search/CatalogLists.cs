using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>A tag in normalized form, how many papers carry it, and the spellings seen.</summary>
public sealed record TagCount(string Value, int Count, IReadOnlyList<string> Spellings);

/// <summary>
/// Author and tag lists with counts, for autocompletion and browsing. Grouped and counted once when the
/// papers change (see <see cref="Store.PaperDerivative{T}"/>); a request only filters by prefix.
/// </summary>
public sealed class CatalogLists
{
    private readonly List<(string Folded, string[] Parts, FacetValue Value)> authors;
    private readonly List<TagCount> tags;

    public CatalogLists(IEnumerable<Paper> papers)
    {
        var all = papers as IReadOnlyCollection<Paper> ?? papers.ToList();
        authors = all
            .SelectMany(p => p.Authors.Distinct(StringComparer.Ordinal))
            .GroupBy(AuthorNames.Fold)
            .Where(g => g.Key.Length > 0)
            .Select(g => (Folded: g.Key, Parts: g.Key.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries), Value: new FacetValue(MostCommon(g), g.Count())))
            .OrderByDescending(a => a.Value.Count).ThenBy(a => a.Value.Value, StringComparer.Ordinal)
            .ToList();
        tags = all
            .SelectMany(p => p.Tags.DistinctBy(TagNormalizer.Compact))
            .GroupBy(TagNormalizer.Compact)
            .Select(g => (Value: MostCommon(g.Select(TagNormalizer.Normalize)), Spellings: g.ToList()))
            .Where(g => g.Value.Length > 0)
            .Select(g => new TagCount(g.Value, g.Spellings.Count, g.Spellings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Authors whose name, or any part of it, starts with <paramref name="prefix"/> (accents and case ignored).</summary>
    public IReadOnlyList<FacetValue> Authors(string? prefix, int limit)
    {
        var wanted = AuthorNames.Fold(prefix ?? "");
        return authors
            .Where(a => wanted.Length == 0 || a.Folded.StartsWith(wanted, StringComparison.Ordinal) || a.Parts.Any(part => part.StartsWith(wanted, StringComparison.Ordinal)))
            .Take(limit).Select(a => a.Value).ToList();
    }

    /// <summary>
    /// Tags whose normalized form starts with the normalized <paramref name="prefix"/>; spellings of one tag
    /// (case, '-', '_', spaces, with or without separators) are merged under the most used normalized form.
    /// </summary>
    public IReadOnlyList<TagCount> Tags(string? prefix, int limit)
    {
        var wanted = TagNormalizer.Normalize(prefix ?? "");
        return tags.Where(t => t.Value.StartsWith(wanted, StringComparison.Ordinal)).Take(limit).ToList();
    }

    /// <summary>Every normalized tag that some paper carries: what the index holds in its tag field.</summary>
    public static IEnumerable<string> NormalizedTags(IEnumerable<Paper> papers) =>
        papers.SelectMany(p => p.Tags.Select(TagNormalizer.Normalize)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal);

    private static string MostCommon(IEnumerable<string> spellings) =>
        spellings.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
