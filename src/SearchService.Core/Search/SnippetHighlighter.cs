using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>
/// Short snippets of the fields a query matched, in whichever language matched, with the matched
/// words in &lt;mark&gt;. Text is HTML-escaped so a snippet is safe to show in a page.
/// Where the query's terms are comes from the term vectors stored with the index (character offsets of
/// every term), so a hit costs a few lookups rather than a new analysis of its text; a document indexed
/// before term vectors were stored is analysed once per field instead.
/// </summary>
public sealed class SnippetHighlighter(Analyzer analyzer)
{
    private const int MaxSnippets = 3;
    /// <summary>How far into a long field the fallback analysis reads.</summary>
    private const int MaxCharsToAnalyze = 20_000;

    /// <summary>Snippets of <paramref name="paper"/>; <paramref name="reader"/> and <paramref name="doc"/> give its term vectors when known.</summary>
    public IReadOnlyList<Highlight> For(HighlightTerms terms, Paper paper, IndexReader? reader = null, int doc = -1)
    {
        if (terms.IsEmpty) return [];
        // One read of the document's term vectors serves every field.
        var vectors = reader is not null && doc >= 0 ? reader.GetTermVectors(doc) : null;
        List<Highlight>? snippets = null;
        foreach (var (field, text) in Texts(paper))
        {
            if (text.Length == 0 || terms.Of(field) is not { } wanted) continue;
            var matches = vectors?.GetTerms(field) is { HasOffsets: true } vector ? FromTermVector(vector, terms.InTermOrder(field)!) : FromAnalysis(field, text, wanted);
            if (matches.Count == 0 || SnippetWindow.Render(text, matches) is not { } snippet) continue;
            (snippets ??= []).Add(new Highlight(field, snippet));
            if (snippets.Count == MaxSnippets) break;
        }
        return snippets ?? (IReadOnlyList<Highlight>)[];
    }

    /// <summary>
    /// Where the wanted terms occur, by one forward walk over the vector's terms beside the wanted ones, both in
    /// term order: a term vector has no index to seek in (its seek scans from the first term again whenever the
    /// target lies before where it stands), so seeking each wanted term read the vector once per term.
    /// </summary>
    private static List<TermMatch> FromTermVector(Terms vector, IReadOnlyList<BytesRef> wanted)
    {
        var matches = new List<TermMatch>();
        var order = BytesRef.UTF8SortedAsUnicodeComparer;
        var termsEnum = vector.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        var next = 0;
        while (next < wanted.Count && termsEnum.MoveNext())
        {
            var term = termsEnum.Term;
            while (next < wanted.Count && order.Compare(wanted[next], term) < 0) next++;
            if (next == wanted.Count || order.Compare(wanted[next], term) != 0) continue;
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

    private List<TermMatch> FromAnalysis(string field, string text, IReadOnlySet<string> wanted)
    {
        var matches = new List<TermMatch>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var tokens = analyzer.GetTokenStream(field, text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var offset = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken() && offset.StartOffset < MaxCharsToAnalyze)
        {
            var value = term.ToString();
            if (!wanted.Contains(value)) continue;
            if (!ids.TryGetValue(value, out var id)) ids[value] = id = ids.Count + 1;
            matches.Add(new TermMatch(offset.StartOffset, offset.EndOffset, id));
        }
        tokens.End();
        return matches;
    }

    private static (string Field, string Text)[] Texts(Paper paper) =>
    [
        (PaperFields.Title, paper.Title),
        (PaperFields.Korean, paper.KoreanCommentary),
        (PaperFields.English, paper.EnglishCommentary),
        (PaperFields.Abstract, paper.Abstract),
    ];
}
