namespace SearchService.Benchmarks.Generation;

/// <summary>Draws items with the frequency they had where they were counted (cumulative counts and a binary search).</summary>
public sealed class WeightedSampler<T> where T : notnull
{
    private readonly T[] items;
    private readonly long[] cumulative;

    public WeightedSampler(IEnumerable<KeyValuePair<T, int>> counts)
    {
        var ordered = counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ToList();
        items = ordered.Select(c => c.Key).ToArray();
        cumulative = new long[ordered.Count];
        long total = 0;
        for (var i = 0; i < ordered.Count; i++) cumulative[i] = total += ordered[i].Value;
    }

    /// <summary>An equal-weight sampler over <paramref name="items"/> as listed (repeats count twice).</summary>
    public static WeightedSampler<T> Of(IEnumerable<T> items) =>
        new(items.GroupBy(i => i).Select(g => new KeyValuePair<T, int>(g.Key, g.Count())));

    public int Count => items.Length;

    public T Next(Random random)
    {
        var pick = random.NextInt64(cumulative[^1]);
        var at = Array.BinarySearch(cumulative, pick + 1);
        return items[at >= 0 ? at : ~at];
    }
}
