using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// A min-heap of scorers by their current document, kept as (scorer, document) pairs: a document is read from its pair,
/// not asked for through a virtual call, and storing a pair is not type-checked as storing a <see cref="Scorer"/> into
/// Lucene's covariant arrays is. Moves are Lucene's (heapAdjust, ties included), so a disjunction that sums over it
/// sums in Lucene's order.
/// </summary>
internal static class ScorerHeap
{
    public struct Entry
    {
        public Scorer Scorer;
        public int Doc;
    }

    /// <summary>A heap of <paramref name="scorers"/> at their current documents.</summary>
    public static Entry[] Of(IEnumerable<Scorer> scorers)
    {
        var heap = scorers.Select(s => new Entry { Scorer = s, Doc = s.DocID }).ToArray();
        for (var i = (heap.Length >> 1) - 1; i >= 0; i--) Down(heap, heap.Length, i);
        return heap;
    }

    /// <summary>Moves the entry at <paramref name="root"/> down to its place among the first <paramref name="count"/>.</summary>
    public static void Down(Entry[] heap, int count, int root)
    {
        var moving = heap[root];
        var i = root;
        while (i <= (count >> 1) - 1)
        {
            int left = (i << 1) + 1, right = left + 1;
            var leftDoc = heap[left].Doc;
            var rightDoc = right < count ? heap[right].Doc : int.MaxValue;
            int child;
            if (leftDoc < moving.Doc) child = rightDoc < leftDoc ? right : left;
            else if (rightDoc < moving.Doc) child = right;
            else return;
            heap[i] = heap[child];
            heap[child] = moving;
            i = child;
        }
    }

    /// <summary>Moves the entry at <paramref name="i"/> up to its place.</summary>
    public static void Up(Entry[] heap, int i)
    {
        var moving = heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[parent].Doc <= moving.Doc) return;
            heap[i] = heap[parent];
            heap[parent] = moving;
            i = parent;
        }
    }
}
