using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>
/// A facet field's values per document as plain arrays, for counting facets over every match. Read through Lucene's
/// sorted-set doc values, each value of each match decodes packed blocks, and its global ordinal is read from a
/// monotonic buffer: a third of a keyword search's time at a million papers. Here a segment's values are copied
/// once into two int arrays (segments never change), and each index snapshot holds each segment's values again as
/// global ordinals, in the same order: counting a match then reads its values in a row and increments their counts,
/// with no ordinal map to look up in between (one dependent read less per value: 5-10% of a search at a million papers,
/// which hold 10.8 million values; the arrays take 43 MB there). Built when a snapshot is opened (<see cref="Warm"/>),
/// so no request builds one.
/// </summary>
public sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentValues>> Segments = new();
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, FacetOrdinals>> Snapshots = new();

    private FacetOrdinals(SegmentValues?[] perLeaf, int[]?[] globalOrds, MultiDocValues.OrdinalMap? map, int valueCount)
    {
        PerLeaf = perLeaf;
        GlobalOrds = globalOrds;
        Map = map;
        ValueCount = valueCount;
    }

    /// <summary>Each leaf's values, or null where the leaf has none.</summary>
    public SegmentValues?[] PerLeaf { get; }

    /// <summary>
    /// Each leaf's values as global ordinals, in the order of its <see cref="SegmentValues.Ords"/> (so document d holds
    /// <c>GlobalOrds[leaf][Starts[d]..Starts[d + 1]]</c>); the segment's own array where its ordinals are global already
    /// (one leaf); null where the leaf has no values.
    /// </summary>
    public int[]?[] GlobalOrds { get; }

    /// <summary>How many distinct values the snapshot holds (global ordinals run from 0 to this).</summary>
    public int ValueCount { get; }

    private MultiDocValues.OrdinalMap? Map { get; }

    /// <summary>The arrays of <paramref name="field"/> in <paramref name="reader"/>, built on first use for this snapshot.</summary>
    public static FacetOrdinals Of(IndexReader reader, string field) =>
        Snapshots.GetOrCreateValue(reader).GetOrAdd(field, name => Build(reader, name));

    /// <summary>Builds the arrays of <paramref name="fields"/> for a snapshot just opened, before any search uses it.</summary>
    public static void Warm(IndexReader reader, params string[] fields)
    {
        foreach (var field in fields) Of(reader, field);
    }

    /// <summary>
    /// The value of global ordinal <paramref name="globalOrd"/>, read through <paramref name="docValues"/>: the caller's own
    /// doc values of each leaf (Lucene hands each thread its own; a lookup moves an enumerator inside them).
    /// </summary>
    public string Lookup(long globalOrd, SortedSetDocValues?[] docValues, Lucene.Net.Util.BytesRef scratch)
    {
        if (Map is { } map) docValues[map.GetFirstSegmentNumber(globalOrd)]!.LookupOrd(map.GetFirstSegmentOrd(globalOrd), scratch);
        else docValues.First(v => v is not null)!.LookupOrd(globalOrd, scratch);
        return scratch.Utf8ToString();
    }

    private static FacetOrdinals Build(IndexReader reader, string field)
    {
        var leaves = reader.Leaves;
        var docValues = leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(field)).ToArray();
        var perLeaf = leaves.Select((l, i) => docValues[i] is null ? null
            : Segments.GetOrCreateValue(l.AtomicReader.CoreCacheKey).GetOrAdd(field, _ => SegmentValues.Read(docValues[i]!, l.AtomicReader.MaxDoc))).ToArray();
        var globalOrds = perLeaf.Select(values => values?.Ords).ToArray();
        MultiDocValues.OrdinalMap? map = null;
        long valueCount = docValues.FirstOrDefault(v => v is not null)?.ValueCount ?? 0;
        if (leaves.Count > 1 && docValues.Any(v => v is not null))
        {
            map = new MultiDocValues.OrdinalMap(reader.CoreCacheKey, docValues.Select(v => (v ?? Lucene.Net.Index.DocValues.EMPTY_SORTED_SET).GetTermsEnum()).ToArray());
            valueCount = map.ValueCount;
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                if (docValues[leaf] is not { } values) continue;
                var toGlobal = new int[values.ValueCount];
                for (var ord = 0; ord < toGlobal.Length; ord++) toGlobal[ord] = (int)map.GetGlobalOrd(leaf, ord);
                var ords = perLeaf[leaf]!.Ords;
                var global = new int[ords.Length];
                for (var i = 0; i < ords.Length; i++) global[i] = toGlobal[ords[i]];
                globalOrds[leaf] = global;
            }
        }
        return new FacetOrdinals(perLeaf, globalOrds, map, (int)valueCount);
    }

    /// <summary>One segment's values: document d holds <c>Ords[Starts[d]..Starts[d + 1]]</c>, the segment's own ordinals.</summary>
    public sealed class SegmentValues(int[] starts, int[] ords)
    {
        public int[] Starts { get; } = starts;
        public int[] Ords { get; } = ords;

        public static SegmentValues Read(SortedSetDocValues values, int maxDoc)
        {
            var starts = new int[maxDoc + 1];
            var ords = new List<int>(maxDoc);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
            }
            starts[maxDoc] = ords.Count;
            return new SegmentValues(starts, [.. ords]);
        }
    }
}
