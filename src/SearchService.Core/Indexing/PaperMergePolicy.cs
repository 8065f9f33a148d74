using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene's tiered merging, plus one rule for forced merges: a segment written by another codec than
/// <see cref="PaperCodec"/> (an index from before it) is rewritten even when the index already has as few
/// segments as asked for, so an existing index gains the codec's faster snippets at its next compaction
/// instead of only when a merge happens to include it.
/// </summary>
internal sealed class PaperMergePolicy : TieredMergePolicy
{
    public override MergeSpecification? FindForcedMerges(SegmentInfos infos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        if (base.FindForcedMerges(infos, maxSegmentCount, segmentsToMerge) is { } merges) return merges;
        var foreign = infos.Segments.Where(s => segmentsToMerge.ContainsKey(s) && !IsPaperCodec(s)).ToList();
        if (foreign.Count == 0) return null;
        var rewrite = new MergeSpecification();
        rewrite.Add(new OneMerge(foreign));
        return rewrite;
    }

    public static bool IsPaperCodec(SegmentCommitInfo segment) => segment.Info.Codec.Name == PaperCodec.CodecName;
}
