using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>Collects the paper ids of every match from doc values, without loading stored records.</summary>
public sealed class IdCollector : ICollector
{
    private SortedDocValues? ids;
    private readonly BytesRef scratch = new();

    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => ids = context.AtomicReader.GetSortedDocValues(PaperFields.Id);

    public void Collect(int doc)
    {
        if (ids is null) return;
        ids.Get(doc, scratch);
        if (scratch.Length > 0) Ids.Add(scratch.Utf8ToString());
    }
}
