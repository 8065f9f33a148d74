using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>
/// The tags of the index arranged so that a tag filter finds every spelling of its tag (<see cref="TagSpellings"/>)
/// without going through every tag: tags by compact form, and each compact form under every string one
/// deletion away from it, so that the candidates one edit away are a few dictionary look-ups. Built when
/// papers change, not per query.
/// </summary>
public sealed class TagSpellingIndex
{
    private readonly Dictionary<string, List<string>> tagsByCompact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> compactsByDeletion = new(StringComparer.Ordinal);

    public TagSpellingIndex(IEnumerable<string> indexedTags)
    {
        foreach (var tag in indexedTags.Distinct(StringComparer.Ordinal))
        {
            var compact = TagNormalizer.Compact(tag);
            if (!tagsByCompact.TryGetValue(compact, out var tags))
            {
                tagsByCompact[compact] = tags = [];
                if (compact.Length + 1 >= TagSpellings.MinLengthForTypos)
                    foreach (var key in Deletions(compact).Append(compact).Distinct(StringComparer.Ordinal)) Add(compactsByDeletion, key, compact);
            }
            tags.Add(tag);
        }
    }

    /// <summary>The indexed spellings of <paramref name="tag"/> (and its normalized form, indexed or not).</summary>
    public IReadOnlyList<string> Of(string tag)
    {
        var normalized = TagNormalizer.Normalize(tag);
        var compact = TagNormalizer.Compact(normalized);
        var spellings = new List<string>(tagsByCompact.GetValueOrDefault(compact) ?? []);
        if (compact.Length >= TagSpellings.MinLengthForTypos)
        {
            // Two strings one edit apart share a string one deletion (or none) away from each; check each candidate.
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in Deletions(compact).Append(compact))
                foreach (var other in compactsByDeletion.GetValueOrDefault(key) ?? []) candidates.Add(other);
            foreach (var other in candidates)
                if (other != compact && TagSpellings.OneEditApart(compact, other)) spellings.AddRange(tagsByCompact[other]);
        }
        // The tag as typed and its separator variants first, then typos, at most MaxSpellings: a query has a clause limit.
        if (!spellings.Contains(normalized)) spellings.Insert(0, normalized);
        return spellings.Count <= TagSpellings.MaxSpellings ? spellings : spellings[..TagSpellings.MaxSpellings];
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++) yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var values)) map[key] = values = [];
        values.Add(value);
    }
}
