using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>A tag in normalized form, how many papers carry it, and the spellings seen.</summary>
public sealed record TagCount(string Value, int Count, IReadOnlyList<string> Spellings);

/// <summary>Author and tag lists with counts, for autocompletion and browsing.</summary>
public static class CatalogLists
{
    /// <summary>Authors whose name, or any part of it, starts with <paramref name="prefix"/> (accents and case ignored).</summary>
    public static IReadOnlyList<FacetValue> Authors(IEnumerable<Paper> papers, string? prefix, int limit)
    {
        var wanted = AuthorNames.Fold(prefix ?? "");
        return papers
            .SelectMany(p => p.Authors.Distinct(StringComparer.Ordinal))
            .GroupBy(AuthorNames.Fold)
            .Where(g => g.Key.Length > 0 && (wanted.Length == 0 || StartsWithAnyPart(g.Key, wanted)))
            .Select(g => new FacetValue(MostCommon(g), g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    /// <summary>
    /// Tags whose normalized form starts with the normalized <paramref name="prefix"/>; spellings of one tag
    /// (case, '-', '_', spaces, with or without separators) are merged under the most used normalized form.
    /// </summary>
    public static IReadOnlyList<TagCount> Tags(IEnumerable<Paper> papers, string? prefix, int limit)
    {
        var wanted = TagNormalizer.Normalize(prefix ?? "");
        return papers
            .SelectMany(p => p.Tags.DistinctBy(TagNormalizer.Compact))
            .GroupBy(TagNormalizer.Compact)
            .Select(g => (Value: MostCommon(g.Select(TagNormalizer.Normalize)), Spellings: g.ToList()))
            .Where(g => g.Value.Length > 0 && g.Value.StartsWith(wanted, StringComparison.Ordinal))
            .Select(g => new TagCount(g.Value, g.Spellings.Count, g.Spellings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    private static bool StartsWithAnyPart(string folded, string prefix) =>
        folded.StartsWith(prefix, StringComparison.Ordinal)
        || folded.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Any(part => part.StartsWith(prefix, StringComparison.Ordinal));

    private static string MostCommon(IEnumerable<string> spellings) =>
        spellings.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
