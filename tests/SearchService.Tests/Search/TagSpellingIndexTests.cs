using SearchService.Core.Notes;
using SearchService.Core.Search;

namespace SearchService.Tests.Search;

public sealed class TagSpellingIndexTests
{
    [Fact]
    public void FindsExactlyTheSpellingsThatComparingEveryTagFinds()
    {
        var random = new Random(7);
        var tags = Enumerable.Range(0, 400).Select(_ => RandomTag(random)).ToList();
        // Near neighbours of real tags, so that the one-edit cases are exercised, not only misses.
        tags.AddRange(tags.Take(100).Select(t => Edit(t, random)));
        var index = new TagSpellingIndex(tags);
        foreach (var query in tags.Take(150).Select(t => Edit(t, random)).Concat(tags.Take(50)))
        {
            var expected = BruteForce(query, tags);
            Assert.Equal(expected.Order(StringComparer.Ordinal), index.Of(query).Distinct().Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Every tag compared with the query, as tag search did before the index.</summary>
    private static List<string> BruteForce(string tag, IEnumerable<string> indexed)
    {
        var normalized = TagNormalizer.Normalize(tag);
        var compact = TagNormalizer.Compact(normalized);
        var found = indexed.Distinct()
            .Where(t => TagNormalizer.Compact(t) is var other && (other == compact || (compact.Length >= TagSpellings.MinLengthForTypos && TagSpellings.OneEditApart(compact, other))))
            .ToList();
        if (!found.Contains(normalized)) found.Add(normalized);
        return found;
    }

    private static string RandomTag(Random random)
    {
        var letters = Enumerable.Range(0, random.Next(3, 12)).Select(_ => (char)('a' + random.Next(6))).ToArray();
        var tag = new string(letters);
        return random.Next(4) == 0 && tag.Length > 4 ? tag[..3] + "-" + tag[3..] : tag;
    }

    private static string Edit(string tag, Random random)
    {
        var i = random.Next(tag.Length);
        return random.Next(3) switch
        {
            0 => tag.Remove(i, 1),
            1 => tag.Insert(i, ((char)('a' + random.Next(6))).ToString()),
            _ => tag[..i] + (char)('a' + random.Next(6)) + tag[(i + 1)..],
        };
    }
}
