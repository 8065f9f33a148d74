using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Search;

/// <summary>
/// A snapshot's segments split into groups of about equal size, one group per core, so that one request over a
/// large index searches its groups at once: at a million papers a keyword search walks four segments of about
/// 250,000 papers each, 35-50 ms on one core. Below <see cref="ParallelFrom"/> papers a snapshot stays one group:
/// a search there takes well under a millisecond and handing half of it to another thread would cost more than it
/// saves. Made once per snapshot, on its first search (a sort of its few dozen segments).
/// </summary>
public static class SegmentSlices
{
    /// <summary>The index size (documents, deleted ones included) from which one search uses several cores.</summary>
    public const int ParallelFrom = 200_000;

    private static readonly ConditionalWeakTable<IndexReader, IList<AtomicReaderContext>[]> Snapshots = new();

    /// <summary>The groups of <paramref name="reader"/>'s segments to search at once (one group for a small index).</summary>
    public static IList<AtomicReaderContext>[] Of(IndexReader reader) =>
        Snapshots.GetValue(reader, r => Split(r.Leaves, r.MaxDoc < ParallelFrom ? 1 : Environment.ProcessorCount));

    /// <summary>
    /// <paramref name="leaves"/> in at most <paramref name="groups"/> groups: the largest segment first, each to the
    /// group with the fewest documents so far. Each group keeps the segments' own order.
    /// </summary>
    public static IList<AtomicReaderContext>[] Split(IList<AtomicReaderContext> leaves, int groups)
    {
        if (groups <= 1 || leaves.Count <= 1) return [leaves];
        var members = Enumerable.Range(0, Math.Min(groups, leaves.Count)).Select(_ => new List<AtomicReaderContext>()).ToArray();
        var sizes = new long[members.Length];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            members[lightest].Add(leaf);
            sizes[lightest] += leaf.AtomicReader.MaxDoc;
        }
        return members.Select(m => (IList<AtomicReaderContext>)m.OrderBy(l => l.Ord).ToList()).ToArray();
    }
}
