using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>
/// Each segment's norms of a field (the length byte BM25 reads for every term it scores in every match) copied once
/// into a plain byte array. Lucene's own norms decode through two virtual calls and a packed-integer lookup: at a
/// million papers that was a twentieth of a keyword search. Segments never change, so one copy serves every snapshot
/// that holds the segment. Built when a snapshot is opened (<see cref="Warm"/>), or on first use for a reader opened
/// elsewhere. A million papers (two million documents with their file records) hold six normed fields: 12 MB.
/// </summary>
public static class PlainNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> Segments = new();

    /// <summary>The norms of <paramref name="field"/> in one segment, by document; null when the field has none there.</summary>
    public static byte[]? Of(AtomicReader segment, string field) =>
        Segments.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd(field, _ => Read(segment, field));

    /// <summary>Copies the norms of every normed field of <paramref name="reader"/>'s segments not copied yet.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
            foreach (var field in leaf.AtomicReader.FieldInfos)
                if (field.HasNorms) Of(leaf.AtomicReader, field.Name);
    }

    private static byte[]? Read(AtomicReader segment, string field)
    {
        if (segment.GetNormValues(field) is not { } norms) return null;
        var bytes = new byte[segment.MaxDoc];
        for (var doc = 0; doc < bytes.Length; doc++) bytes[doc] = (byte)norms.Get(doc);
        return bytes;
    }
}
