using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>
/// Short snippets of the fields a query matched, in whichever language matched, with the matched
/// words in &lt;mark&gt;. Text is HTML-escaped so a snippet is safe to show in a page.
/// Where the query's terms are comes from the character offsets the index stored (<see cref="IndexedOffsets"/>),
/// so a hit costs a few lookups rather than a new analysis of its text; a document indexed without offsets
/// is analysed once per field instead.
/// </summary>
public sealed class SnippetHighlighter(Analyzer analyzer)
{
    private const int MaxSnippets = 3;
    /// <summary>How far into a long field the fallback analysis reads.</summary>
    private const int MaxCharsToAnalyze = 20_000;

    /// <summary>Snippets of <paramref name="paper"/>; <paramref name="offsets"/> and <paramref name="doc"/> say where its terms are when it is indexed.</summary>
    public IReadOnlyList<Highlight> For(HighlightTerms terms, Paper paper, IndexedOffsets? offsets = null, int doc = -1)
    {
        if (terms.IsEmpty) return [];
        List<Highlight>? snippets = null;
        foreach (var (field, text) in Texts(paper))
        {
            if (text.Length == 0 || terms.Of(field) is not { } wanted) continue;
            var matches = (offsets is not null && doc >= 0 ? offsets.Matches(terms.InTermOrder(field)!, doc) : null) ?? FromAnalysis(field, text, wanted);
            if (matches.Count == 0 || SnippetWindow.Render(text, matches) is not { } snippet) continue;
            (snippets ??= []).Add(new Highlight(field, snippet));
            if (snippets.Count == MaxSnippets) break;
        }
        return snippets ?? (IReadOnlyList<Highlight>)[];
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
