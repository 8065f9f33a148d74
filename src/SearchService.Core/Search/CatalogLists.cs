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

    /// <summary>Every normalized tag, for tag queries to find spellings: built in the same walk over the papers.</summary>
    public TagSpellingIndex TagSpellings { get; }

    /// <param name="papers">Every paper, walked once: only the spellings of authors and tags are counted.</param>
    public CatalogLists(IEnumerable<Paper> papers)
    {
        var authorSpellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var tagSpellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var normalizedTags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            normalizedTags.UnionWith(NormalizedTags([paper]));
            foreach (var author in paper.Authors.Distinct(StringComparer.Ordinal))
                Count(authorSpellings, AuthorNames.Fold(author), author);
            foreach (var tag in paper.Tags.DistinctBy(TagNormalizer.Compact))
                Count(tagSpellings, TagNormalizer.Compact(tag), tag);
        }
        authors = authorSpellings
            .Where(a => a.Key.Length > 0)
            .Select(a => (Folded: a.Key, Parts: a.Key.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries), Value: new FacetValue(MostCommon(a.Value), a.Value.Values.Sum())))
            .OrderByDescending(a => a.Value.Count).ThenBy(a => a.Value.Value, StringComparer.Ordinal)
            .ToList();
        tags = tagSpellings.Values
            .Select(spellings => (Value: MostCommon(Normalized(spellings)), Spellings: spellings))
            .Where(t => t.Value.Length > 0)
            .Select(t => new TagCount(t.Value, t.Spellings.Values.Sum(), t.Spellings.Keys.Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal)
            .ToList();
        TagSpellings = new TagSpellingIndex(normalizedTags);
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> counts, string key, string spelling)
    {
        if (!counts.TryGetValue(key, out var spellings)) counts[key] = spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        spellings[spelling] = spellings.GetValueOrDefault(spelling) + 1;
    }

    /// <summary>The counts of raw tag spellings, summed by their normalized form.</summary>
    private static Dictionary<string, int> Normalized(Dictionary<string, int> spellings) =>
        spellings.GroupBy(s => TagNormalizer.Normalize(s.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);

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

    /// <summary>The spelling used most, the first in ordinal order among equals.</summary>
    private static string MostCommon(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
}
