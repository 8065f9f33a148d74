using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Indexing;

/// <summary>
/// Looks each distinct term of a query up once, through one terms enumerator per field and segment, and hands the
/// result to every <see cref="TermQuery"/> of that term. Left to itself, each TermQuery builds its statistics with a
/// new enumerator (a cloned file handle, taken under a lock, and fresh FST arc arrays) even when the same term
/// appears in several clauses: the typed word, its minimum-should-match clause, a more-like-this query over three fields.
/// Terms met by earlier queries on the same snapshot come from <see cref="SnapshotTermStates"/>.
/// </summary>
public sealed class SharedTermStates(IndexReader reader)
{
    private readonly IndexReaderContext top = reader.Context;
    private readonly Dictionary<Term, TermContext> states = [];
    private readonly Dictionary<(string Field, int Leaf), TermsEnum?> enums = [];

    /// <summary>A copy of <paramref name="query"/> whose term queries carry their looked-up statistics; other queries are kept as they are.</summary>
    public Query Apply(Query query) => query switch
    {
        TermQuery term => new TermQuery(term.Term, StatesOf(term.Term)) { Boost = term.Boost },
        BooleanQuery boolean => Copy(boolean),
        _ => query,
    };

    /// <summary>
    /// The postings of <paramref name="term"/> in one segment with each occurrence's character offsets (-1 where the
    /// field indexes none: the caller checks the field once), or null where the segment lacks the term. The term is
    /// positioned from its looked-up state, so the terms dictionary is not searched again; pass the last enumerator back
    /// as <paramref name="reuse"/>.
    /// </summary>
    public DocsAndPositionsEnum? Offsets(Term term, AtomicReaderContext leaf, DocsAndPositionsEnum? reuse)
    {
        if (StatesOf(term).Get(leaf.Ord) is not { } state || EnumOf(term.Field, leaf) is not { } terms) return null;
        terms.SeekExact(term.Bytes, state);
        return terms.DocsAndPositions(null, reuse, DocsAndPositionsFlags.OFFSETS);
    }

    /// <summary>How many documents of this reader hold <paramref name="term"/>.</summary>
    public int DocFreq(Term term) => StatesOf(term).DocFreq;

    private BooleanQuery Copy(BooleanQuery query)
    {
        var copy = new BooleanQuery(query.CoordDisabled) { Boost = query.Boost, MinimumNumberShouldMatch = query.MinimumNumberShouldMatch };
        foreach (var clause in query.Clauses) copy.Add(Apply(clause.Query), clause.Occur);
        return copy;
    }

    private TermContext StatesOf(Term term)
    {
        if (states.TryGetValue(term, out var known)) return known;
        return states[term] = SnapshotTermStates.Of(top.Reader, term, LookUp);
    }

    /// <summary>Searches each segment's terms dictionary for <paramref name="term"/>.</summary>
    private TermContext LookUp(Term term)
    {
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (EnumOf(term.Field, leaf) is not { } terms || !terms.SeekExact(term.Bytes)) continue;
            context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return context;
    }

    private TermsEnum? EnumOf(string field, AtomicReaderContext leaf)
    {
        if (enums.TryGetValue((field, leaf.Ord), out var known)) return known;
        return enums[(field, leaf.Ord)] = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
    }
}
