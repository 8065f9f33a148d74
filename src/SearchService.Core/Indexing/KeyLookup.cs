using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Finds live documents by a unique key term (a paper id, a file key) in one reader snapshot. The terms enumerator
/// and postings of each segment are made once and reused across lookups: a hybrid page looks up every match and
/// every hit by id, and a fresh enumerator per lookup allocated more than the rest of the request.
/// </summary>
public sealed class KeyLookup(IndexReader reader, string field)
{
    private readonly IList<AtomicReaderContext> leaves = reader.Leaves;
    private readonly TermsEnum?[] terms = new TermsEnum?[reader.Leaves.Count];
    private readonly DocsEnum?[] postings = new DocsEnum?[reader.Leaves.Count];
    private readonly BytesRef key = new();

    /// <summary>The document (reader-wide number) whose key is <paramref name="value"/>, or -1.</summary>
    public int DocOf(string value)
    {
        key.CopyChars(value);
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i].AtomicReader;
            terms[i] ??= leaf.GetTerms(field)?.GetEnumerator() ?? TermsEnum.EMPTY;
            if (!terms[i]!.SeekExact(key)) continue;
            postings[i] = terms[i]!.Docs(leaf.LiveDocs, postings[i], DocsFlags.NONE);
            var doc = postings[i]!.NextDoc();
            if (doc != DocIdSetIterator.NO_MORE_DOCS) return leaves[i].DocBase + doc;
        }
        return -1;
    }
}
