using System.Globalization;

namespace SearchService.Core.Search;

/// <summary>
/// Elasticsearch's <c>minimum_should_match</c> rule: how many of a query's words a paper must match. A spec is
/// a count ("2"), a share ("75%", rounded down), either negative for how many may be missing ("-1", "-25%"),
/// or conditions "N&lt;spec" (with more than N words apply spec, else require all), several separated by spaces
/// with the largest N that applies winning: "2&lt;75%" requires both of two words and 3 of 4.
/// </summary>
public static class ShouldMatch
{
    /// <summary>The number of <paramref name="words"/> a paper must match under <paramref name="spec"/>, between 1 and <paramref name="words"/> (0 for none).</summary>
    public static int Required(string spec, int words)
    {
        if (words <= 0) return 0;
        var rule = spec.Trim();
        if (rule.Contains('<'))
        {
            var applying = rule.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('<', 2))
                .Select(p => (Above: int.Parse(p[0], CultureInfo.InvariantCulture), Spec: p[1]))
                .Where(c => words > c.Above)
                .OrderByDescending(c => c.Above)
                .FirstOrDefault();
            return applying.Spec is null ? words : Required(applying.Spec, words);
        }
        int required;
        if (rule.EndsWith('%'))
        {
            var percent = int.Parse(rule[..^1], CultureInfo.InvariantCulture);
            var share = (int)Math.Floor(words * Math.Abs(percent) / 100.0);
            required = percent < 0 ? words - share : share;
        }
        else
        {
            var count = int.Parse(rule, CultureInfo.InvariantCulture);
            required = count < 0 ? words + count : count;
        }
        return Math.Clamp(required, 1, words);
    }
}
