using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>
/// Short snippets of the fields a query matched, in whichever language matched, with the matched
/// words in &lt;mark&gt;. Text is HTML-escaped so a snippet is safe to show in a page.
/// </summary>
public sealed class SnippetHighlighter(Analyzer analyzer)
{
    private const int FragmentChars = 160;
    private const int MaxSnippets = 3;
    private static readonly SimpleHTMLFormatter Marker = new("<mark>", "</mark>");

    public IReadOnlyList<Highlight> For(Query query, Paper paper)
    {
        var snippets = new List<Highlight>();
        foreach (var (field, text) in Texts(paper))
        {
            if (text.Length == 0) continue;
            var scorer = new QueryScorer(query, field);
            var highlighter = new Highlighter(Marker, new HtmlTextEncoder(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentChars),
                MaxDocCharsToAnalyze = 20_000,
            };
            using var tokens = analyzer.GetTokenStream(field, text);
            var best = highlighter.GetBestFragment(tokens, text);
            if (!string.IsNullOrEmpty(best)) snippets.Add(new Highlight(field, best.Trim()));
            if (snippets.Count == MaxSnippets) break;
        }
        return snippets;
    }

    private static IEnumerable<(string Field, string Text)> Texts(Paper paper) =>
    [
        (PaperFields.Title, paper.Title),
        (PaperFields.Korean, paper.KoreanCommentary),
        (PaperFields.English, paper.EnglishCommentary),
        (PaperFields.Abstract, paper.Abstract),
    ];
}
