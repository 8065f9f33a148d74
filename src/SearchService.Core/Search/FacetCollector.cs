using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// Counts the values of sorted-set doc-values fields over every matching document (not just the page
/// shown). Counts are kept per segment ordinal and turned into strings once per segment, so a broad
/// query costs an array increment per value rather than a string decode.
/// </summary>
public sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> counts =
        fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly List<(string Field, SortedSetDocValues Values, int[] OrdCounts)> segment = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        foreach (var field in fields)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(field);
            if (values is not null) segment.Add((field, values, new int[values.ValueCount]));
        }
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, ordCounts) in segment)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ordCounts[ord]++;
        }
    }

    /// <summary>The <paramref name="top"/> most frequent values of <paramref name="field"/>, ties broken by value.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int top)
    {
        FlushSegment();
        return counts[field]
            .Select(kv => new FacetValue(kv.Key, kv.Value))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(top).ToList();
    }

    private void FlushSegment()
    {
        var scratch = new BytesRef();
        foreach (var (field, values, ordCounts) in segment)
        {
            var byValue = counts[field];
            for (var ord = 0; ord < ordCounts.Length; ord++)
            {
                if (ordCounts[ord] == 0) continue;
                values.LookupOrd(ord, scratch);
                var value = scratch.Utf8ToString();
                byValue[value] = byValue.GetValueOrDefault(value) + ordCounts[ord];
            }
        }
        segment.Clear();
    }
}
