using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// Counts the values of sorted-set doc-values fields over every matching document (not just the page
/// shown). Counts are kept per global ordinal (one array per field; segments mapped through an ordinal map
/// built once per index snapshot), and only the values that can be in the top are turned into strings, so
/// a broad query costs an array increment per value rather than a string and a dictionary entry.
/// </summary>
public sealed class FacetCollector : ICollector
{
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, MultiDocValues.OrdinalMap?>> OrdinalMaps = new();

    private readonly FieldCounts[] fields;

    public FacetCollector(IndexReader reader, params string[] names)
    {
        var leaves = reader.Leaves;
        fields = names.Select(name =>
        {
            var perLeaf = leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(name)).ToArray();
            var map = leaves.Count > 1 ? OrdinalMaps.GetOrCreateValue(reader).GetOrAdd(name, _ => MapOf(reader, perLeaf)) : null;
            var valueCount = map?.ValueCount ?? perLeaf.FirstOrDefault()?.ValueCount ?? 0;
            return new FieldCounts(name, perLeaf, map, new int[valueCount]);
        }).ToArray();
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var field in fields) field.Leaf = context.Ord;
    }

    public void Collect(int doc)
    {
        foreach (var field in fields)
        {
            if (field.PerLeaf[field.Leaf] is not { } values) continue;
            values.SetDocument(doc);
            long ord;
            if (field.Map is { } map)
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) field.Counts[map.GetGlobalOrd(field.Leaf, ord)]++;
            else
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) field.Counts[ord]++;
        }
    }

    /// <summary>The <paramref name="top"/> most frequent values of <paramref name="name"/>, ties broken by value.</summary>
    public IReadOnlyList<FacetValue> Top(string name, int top)
    {
        var field = fields.First(f => f.Name == name);
        var counts = field.Counts;
        // The count of the top-th most frequent value: only values counted at least that often can be in the answer.
        var smallest = new PriorityQueue<int, int>(top + 1);
        foreach (var count in counts)
        {
            if (count == 0) continue;
            if (smallest.Count < top) smallest.Enqueue(count, count);
            else if (count > smallest.Peek()) smallest.EnqueueDequeue(count, count);
        }
        if (smallest.Count == 0) return [];
        var threshold = smallest.Count < top ? 1 : smallest.Peek();
        var scratch = new BytesRef();
        var candidates = new List<FacetValue>();
        for (var ord = 0; ord < counts.Length; ord++)
            if (counts[ord] >= threshold) candidates.Add(new FacetValue(field.Lookup(ord, scratch), counts[ord]));
        return candidates.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(top).ToList();
    }

    private static MultiDocValues.OrdinalMap? MapOf(IndexReader reader, SortedSetDocValues?[] perLeaf) =>
        perLeaf.All(v => v is null) ? null
            : new MultiDocValues.OrdinalMap(reader.CoreCacheKey, perLeaf.Select(v => (v ?? DocValues.EMPTY_SORTED_SET).GetTermsEnum()).ToArray());

    private sealed class FieldCounts(string name, SortedSetDocValues?[] perLeaf, MultiDocValues.OrdinalMap? map, int[] counts)
    {
        public string Name { get; } = name;
        public SortedSetDocValues?[] PerLeaf { get; } = perLeaf;
        public MultiDocValues.OrdinalMap? Map { get; } = map;
        public int[] Counts { get; } = counts;
        public int Leaf { get; set; }

        public string Lookup(long globalOrd, BytesRef scratch)
        {
            if (Map is { } map) PerLeaf[map.GetFirstSegmentNumber(globalOrd)]!.LookupOrd(map.GetFirstSegmentOrd(globalOrd), scratch);
            else PerLeaf[0]!.LookupOrd(globalOrd, scratch);
            return scratch.Utf8ToString();
        }
    }
}
