using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>
/// Counts the values of sorted-set doc-values fields over every matching document (not just the page
/// shown). Counts are kept per global ordinal (one array per field), read from <see cref="FacetOrdinals"/>'
/// plain arrays built when the index snapshot opened, and only the values that can be in the top are turned into
/// strings, so a broad query costs a few array reads and an increment per value rather than a string and a
/// dictionary entry. The count arrays are pooled and only the values a match touched are read and cleared, so a
/// query's cost follows its matches, not the number of authors in the index. Dispose returns the arrays.
/// </summary>
public sealed class FacetCollector : ICollector, IDisposable
{
    private readonly FieldCounts[] fields;

    /// <summary>A pool of its own: every array in it is all zeros (each is cleared before it goes back), which a shared pool does not promise.</summary>
    private static readonly System.Buffers.ArrayPool<int> CountArrays = System.Buffers.ArrayPool<int>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 32);

    public FacetCollector(IndexReader reader, params string[] names)
    {
        fields = names.Select(name => new FieldCounts(name, reader, FacetOrdinals.Of(reader, name))).ToArray();
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var field in fields) field.SetLeaf(context.Ord);
    }

    public void Collect(int doc)
    {
        foreach (var field in fields)
        {
            if (field.Starts is not { } starts) continue;
            var ords = field.LeafOrds;
            for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) field.Count(ords[i]);
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/>, which counted other segments of the same snapshot.</summary>
    public void Add(FacetCollector other)
    {
        for (var f = 0; f < fields.Length; f++)
        {
            var theirs = other.fields[f];
            foreach (var ord in theirs.Touched) fields[f].Count(ord, theirs.Counts[ord]);
        }
    }

    /// <summary>The <paramref name="top"/> most frequent values of <paramref name="name"/>, ties broken by value.</summary>
    /// <remarks>
    /// Ties are broken by ordinal while choosing: ordinals follow the values' byte order, which is their order as
    /// strings. So only the chosen values become strings; a query matching a few papers touches hundreds of authors
    /// counted once each, and all of them used to be looked up to break the tie.
    /// </remarks>
    public IReadOnlyList<FacetValue> Top(string name, int top)
    {
        var field = fields.First(f => f.Name == name);
        var counts = field.Counts;
        var best = new PriorityQueue<int, (int Count, int Ord)>(top + 1, WorstFirst.Instance);
        foreach (var ord in field.Touched)
        {
            var key = (counts[ord], ord);
            if (best.Count < top) best.Enqueue(ord, key);
            else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0) best.EnqueueDequeue(ord, key);
        }
        var scratch = new BytesRef();
        var values = new List<FacetValue>(best.Count);
        while (best.TryDequeue(out var ord, out _)) values.Add(new FacetValue(field.Lookup(ord, scratch), counts[ord]));
        return values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>Lower count first, then higher ordinal: the top of the queue is the value to drop.</summary>
    private sealed class WorstFirst : IComparer<(int Count, int Ord)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((int Count, int Ord) x, (int Count, int Ord) y) =>
            x.Count != y.Count ? x.Count.CompareTo(y.Count) : y.Ord.CompareTo(x.Ord);
    }

    public void Dispose()
    {
        foreach (var field in fields) field.Release();
    }

    private sealed class FieldCounts(string name, IndexReader reader, FacetOrdinals ordinals)
    {
        public string Name { get; } = name;
        public FacetOrdinals Ordinals { get; } = ordinals;
        /// <summary>Counts by global ordinal; only <see cref="Touched"/> entries are meaningful (a pooled array is longer and zero elsewhere).</summary>
        public int[] Counts { get; private set; } = CountArrays.Rent(Math.Max(1, ordinals.ValueCount));
        /// <summary>The ordinals counted at least once, in the order first met (pooled too: a broad query touches thousands).</summary>
        public ReadOnlySpan<int> Touched => touched.AsSpan(0, touchedCount);
        private int[] touched = System.Buffers.ArrayPool<int>.Shared.Rent(256);
        private int touchedCount;
        /// <summary>Where the current leaf's documents start in <see cref="LeafOrds"/>; null when the leaf has no values.</summary>
        public int[]? Starts { get; private set; }
        /// <summary>The current leaf's values, as global ordinals.</summary>
        public int[] LeafOrds { get; private set; } = [];

        public void SetLeaf(int leaf)
        {
            Starts = Ordinals.PerLeaf[leaf]?.Starts;
            LeafOrds = Ordinals.GlobalOrds[leaf] ?? [];
        }

        public void Count(int ord)
        {
            if (Counts[ord]++ == 0) Touch((int)ord);
        }

        public void Count(int ord, int times)
        {
            if (Counts[ord] == 0) Touch(ord);
            Counts[ord] += times;
        }

        private void Touch(int ord)
        {
            if (touchedCount == touched.Length) Grow();
            touched[touchedCount++] = ord;
        }

        private void Grow()
        {
            var larger = System.Buffers.ArrayPool<int>.Shared.Rent(touched.Length * 2);
            touched.AsSpan(0, touchedCount).CopyTo(larger);
            System.Buffers.ArrayPool<int>.Shared.Return(touched);
            touched = larger;
        }

        /// <summary>Zeroes what was counted and returns the arrays to their pools.</summary>
        public void Release()
        {
            if (Counts.Length == 0) return;
            foreach (var ord in Touched) Counts[ord] = 0;
            CountArrays.Return(Counts);
            Counts = [];
            System.Buffers.ArrayPool<int>.Shared.Return(touched);
            touched = [];
            touchedCount = 0;
        }

        /// <summary>The value of a global ordinal, through this thread's own doc values (only for the few values shown).</summary>
        public string Lookup(long globalOrd, BytesRef scratch) =>
            Ordinals.Lookup(globalOrd, docValues ??= reader.Leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(Name)).ToArray(), scratch);

        private SortedSetDocValues?[]? docValues;
    }
}
