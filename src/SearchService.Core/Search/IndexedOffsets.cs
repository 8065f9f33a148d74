using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>
/// Where a query's terms occur in the documents of one reader snapshot, read from what the index stored, for one page
/// of hits. The postings of the highlighted fields keep each occurrence's character offsets: a hit costs one skip
/// through each query term's postings, positioned from the state the query's own lookup found, and nothing is decoded
/// for the terms the query does not have. Term vectors, which an index from before held instead, decode every term of
/// a hit's fields for the few a query has; they are read only for segments written then.
/// </summary>
public sealed class IndexedOffsets(IndexReader reader, SharedTermStates states)
{
    private readonly IList<AtomicReaderContext> leaves = reader.Leaves;
    private DocsAndPositionsEnum? postings;
    private (int Doc, Fields? Vectors) vectors = (-1, null);

    public IndexedOffsets(IndexReader reader) : this(reader, new SharedTermStates(reader)) { }

    /// <summary>
    /// The occurrences of <paramref name="wanted"/> (terms of one field, in term order; a match's <see cref="TermMatch.Term"/>
    /// is its place there, from 1) in document <paramref name="doc"/>, or null when the index kept no offsets for it.
    /// </summary>
    public List<TermMatch>? Matches(IReadOnlyList<Term> wanted, int doc)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var field = wanted[0].Field;
        if (leaf.AtomicReader.FieldInfos.FieldInfo(field) is not { } info) return [];
        if (info.IndexOptions == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) return FromPostings(wanted, leaf, doc - leaf.DocBase);
        return VectorsOf(doc)?.GetTerms(field) is { HasOffsets: true } vector ? FromTermVector(vector, wanted) : null;
    }

    private List<TermMatch> FromPostings(IReadOnlyList<Term> wanted, AtomicReaderContext leaf, int doc)
    {
        var matches = new List<TermMatch>();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (states.Offsets(wanted[i], leaf, postings) is not { } found) continue;
            postings = found;
            if (found.Advance(doc) != doc) continue;
            for (var left = found.Freq; left > 0; left--)
            {
                found.NextPosition();
                matches.Add(new TermMatch(found.StartOffset, found.EndOffset, i + 1));
            }
        }
        return matches;
    }

    /// <summary>One read of a document's term vectors serves all its fields.</summary>
    private Fields? VectorsOf(int doc)
    {
        if (vectors.Doc != doc) vectors = (doc, reader.GetTermVectors(doc));
        return vectors.Vectors;
    }

    /// <summary>
    /// Where the wanted terms occur, by one forward walk over the vector's terms beside the wanted ones, both in
    /// term order: a term vector has no index to seek in (its seek scans from the first term again whenever the
    /// target lies before where it stands), so seeking each wanted term read the vector once per term.
    /// </summary>
    private static List<TermMatch> FromTermVector(Terms vector, IReadOnlyList<Term> wanted)
    {
        var matches = new List<TermMatch>();
        var order = BytesRef.UTF8SortedAsUnicodeComparer;
        var termsEnum = vector.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        var next = 0;
        while (next < wanted.Count && termsEnum.MoveNext())
        {
            var term = termsEnum.Term;
            while (next < wanted.Count && order.Compare(wanted[next].Bytes, term) < 0) next++;
            if (next == wanted.Count || order.Compare(wanted[next].Bytes, term) != 0) continue;
            var id = ++next;
            positions = termsEnum.DocsAndPositions(null, positions, DocsAndPositionsFlags.OFFSETS);
            if (positions is null || positions.NextDoc() == DocIdSetIterator.NO_MORE_DOCS) continue;
            for (var i = positions.Freq; i > 0; i--)
            {
                positions.NextPosition();
                if (positions.StartOffset >= 0) matches.Add(new TermMatch(positions.StartOffset, positions.EndOffset, id));
            }
        }
        return matches;
    }
}
