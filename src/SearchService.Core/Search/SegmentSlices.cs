using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Search;

/// <summary>Documents <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive) of one segment: one piece of a search.</summary>
public readonly record struct SegmentRange(AtomicReaderContext Leaf, int Start, int End)
{
    public bool IsWholeSegment => Start == 0 && End == Leaf.AtomicReader.MaxDoc;
}

/// <summary>How one search walks a snapshot: its pieces, in document order, and whether they run on every core at once.</summary>
public sealed record SearchSlices(SegmentRange[] Ranges, bool InParallel);

/// <summary>
/// A snapshot cut into pieces that the cores take in turn, so that one request over a large index uses them all: at a
/// million papers a keyword search walks four segments of 270,000-680,000 documents, 35-50 ms on one core. Whole
/// segments shared out by size left one core with 1.7 times the other's work (the later segments hold longer notes),
/// so every segment is cut into ranges of about equal size, several per core, and a core that finishes early takes
/// the next. Below <see cref="ParallelFrom"/> documents a snapshot is walked whole on the request's thread: a search
/// there takes well under a millisecond and handing parts of it to other threads would cost more than it saves.
/// Made once per snapshot, on its first search.
/// </summary>
public static class SegmentSlices
{
    /// <summary>The index size (documents, deleted ones included) from which one search uses several cores.</summary>
    public const int ParallelFrom = 200_000;

    /// <summary>Ranges per core: enough that the last one taken leaves the other cores little to wait for.</summary>
    public const int RangesPerCore = 8;

    private static readonly ConditionalWeakTable<IndexReader, SearchSlices> Snapshots = new();

    /// <summary>The pieces of <paramref name="reader"/> to search (its whole segments, in turn, for a small index).</summary>
    public static SearchSlices Of(IndexReader reader) =>
        Snapshots.GetValue(reader, r => r.MaxDoc < ParallelFrom || Environment.ProcessorCount == 1
            ? Whole(r.Leaves)
            : Split(r.Leaves, Environment.ProcessorCount * RangesPerCore));

    /// <summary>Every segment whole, searched in turn.</summary>
    public static SearchSlices Whole(IList<AtomicReaderContext> leaves) =>
        new(leaves.Select(l => new SegmentRange(l, 0, l.AtomicReader.MaxDoc)).ToArray(), InParallel: false);

    /// <summary>
    /// <paramref name="leaves"/> cut into about <paramref name="ranges"/> ranges of about the same number of documents
    /// (a segment gets at least one), in document order, to be searched at once.
    /// </summary>
    public static SearchSlices Split(IList<AtomicReaderContext> leaves, int ranges)
    {
        long total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var size = Math.Max(1, (int)Math.Ceiling(total / (double)Math.Max(1, ranges)));
        var pieces = new List<SegmentRange>();
        foreach (var leaf in leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            // Equal parts of this segment, none much larger than the target size.
            var parts = Math.Max(1, (int)Math.Round(maxDoc / (double)size));
            for (var i = 0; i < parts; i++)
                pieces.Add(new SegmentRange(leaf, (int)((long)maxDoc * i / parts), (int)((long)maxDoc * (i + 1) / parts)));
        }
        return new SearchSlices([.. pieces], InParallel: true);
    }
}
