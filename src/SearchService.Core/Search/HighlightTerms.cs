using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// The terms a query looks for, per field, as the analyzer wrote them into the index: what a snippet marks.
/// Taken from the built query once per request, so highlighting never parses or analyses the query again.
/// Excluded clauses are left out: a word the user asked not to see is not what a snippet should show.
/// </summary>
public sealed class HighlightTerms
{
    public static readonly HighlightTerms None = new(new Dictionary<string, HashSet<string>>());

    private readonly Dictionary<string, HashSet<string>> byField;
    private readonly Dictionary<string, Term[]> sortedByField;

    private HighlightTerms(Dictionary<string, HashSet<string>> byField)
    {
        this.byField = byField;
        sortedByField = byField.ToDictionary(f => f.Key, f => Sorted(f.Key, f.Value), StringComparer.Ordinal);
    }

    public bool IsEmpty => byField.Count == 0;

    /// <summary>The terms of <paramref name="field"/>, or null when the query has none there.</summary>
    public IReadOnlySet<string>? Of(string field) => byField.GetValueOrDefault(field);

    /// <summary>
    /// The terms of <paramref name="field"/> in the index's term order, or null when the query has none there.
    /// A term vector can only be searched by a forward scan (it restarts from its first term whenever asked for
    /// an earlier one), so seeking its terms in this order reads each document's vector once.
    /// </summary>
    public IReadOnlyList<Term>? InTermOrder(string field) => sortedByField.GetValueOrDefault(field);

    private static Term[] Sorted(string field, IEnumerable<string> texts)
    {
        var terms = texts.Select(t => new Term(field, t)).ToArray();
        Array.Sort(terms, (a, b) => BytesRef.UTF8SortedAsUnicodeComparer.Compare(a.Bytes, b.Bytes));
        return terms;
    }

    public static HighlightTerms From(Query? query)
    {
        if (query is null) return None;
        var byField = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Collect(query, byField);
        return byField.Count == 0 ? None : new HighlightTerms(byField);
    }

    private static void Collect(Query query, Dictionary<string, HashSet<string>> byField)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                    if (clause.Occur != Occur.MUST_NOT) Collect(clause.Query, byField);
                break;
            case TermQuery term:
                Add(byField, term.Term.Field, term.Term.Text);
                break;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms()) Add(byField, term.Field, term.Text);
                break;
            case MultiPhraseQuery multi:
                foreach (var position in multi.GetTermArrays())
                    foreach (var term in position) Add(byField, term.Field, term.Text);
                break;
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> byField, string field, string text)
    {
        if (!byField.TryGetValue(field, out var terms)) byField[field] = terms = new HashSet<string>(StringComparer.Ordinal);
        terms.Add(text);
    }
}
