using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Tests.Search;

public sealed class SnippetHighlighterTests : IDisposable
{
    private static readonly Paper Paper = new()
    {
        Id = "2401.00001",
        Title = "Sparse <Experts> & Memorization",
        Abstract = string.Join(' ', Enumerable.Repeat("Filler sentence about nothing in particular.", 12))
                   + " We show that sparse experts improve memorization but not reasoning. "
                   + string.Join(' ', Enumerable.Repeat("More filler text follows here.", 12)),
        KoreanCommentary = "전문가 수를 늘리면 암기 능력이 좋아진다. \"추론\"은 그렇지 않다.",
        Tags = ["#moe"],
        Sources = [new PaperSource("a.md")],
    };

    private readonly PaperStore store = new(PaperIndex.InMemory(PaperAnalyzers.Create()));

    public SnippetHighlighterTests()
    {
        store.Put(new IngestedFile("a", "a", [Paper], []));
        store.Refresh();
    }

    public void Dispose() => store.Dispose();

    private IReadOnlyList<Highlight> Highlights(string query) =>
        new KeywordSearcher(store.Index).Search(new SearchRequest { Query = query }).Results.Single().Highlights;

    [Fact]
    public void MarksTheMatchedWordsAndEscapesTheRest()
    {
        var title = Highlights("memorization").Single(h => h.Field == PaperFields.Title);
        Assert.Equal("Sparse &lt;Experts&gt; &amp; <mark>Memorization</mark>", title.Snippet);
    }

    [Fact]
    public void KoreanIsShownAsTextWithItsMatchesMarked()
    {
        var korean = Highlights("암기 추론").Single(h => h.Field == PaperFields.Korean);
        Assert.Contains("<mark>암기</mark>", korean.Snippet);
        Assert.Contains("&quot;<mark>추론</mark>&quot;", korean.Snippet);
    }

    [Fact]
    public void LongFieldsShowTheWindowAroundTheMatches()
    {
        var snippet = Highlights("memorization reasoning").Single(h => h.Field == PaperFields.Abstract).Snippet;
        Assert.Contains("<mark>memorization</mark>", snippet);
        Assert.Contains("<mark>reasoning</mark>", snippet);
        Assert.InRange(snippet.Replace("<mark>", "").Replace("</mark>", "").Length, 100, SnippetWindow.Chars);
        Assert.DoesNotContain("  ", snippet);
    }

    [Fact]
    public void AtMostThreeFieldsAndNoneForExcludedWords()
    {
        Assert.InRange(Highlights("sparse memorization 암기").Count, 1, 3);
        var excluded = new KeywordSearcher(store.Index).Prepare("memorization -reasoning").Highlight;
        Assert.Contains(excluded.Of(PaperFields.Abstract)!, t => t.StartsWith("memor", StringComparison.Ordinal));
        Assert.DoesNotContain(excluded.Of(PaperFields.Abstract)!, t => t.StartsWith("reason", StringComparison.Ordinal));
    }

    [Fact]
    public void StoredOffsetsAndAnalysisGiveTheSameSnippets()
    {
        var searcher = new KeywordSearcher(store.Index);
        var query = searcher.Prepare("sparse experts 암기 reasoning");
        var fromIndex = searcher.Highlights(query, [Paper]).Single();
        var fromAnalysis = new SnippetHighlighter(store.Index.Analyzer).For(query.Highlight, Paper);
        Assert.Equal(3, fromIndex.Count);
        Assert.Equal(fromAnalysis, fromIndex);
    }

    [Fact]
    public void TheWindowWithMostDifferentTermsWins()
    {
        var text = "alpha " + new string('x', 200) + " alpha beta gamma " + new string('y', 200);
        var matches = new List<TermMatch> { new(0, 5, 1) };
        var at = text.IndexOf(" alpha beta", StringComparison.Ordinal) + 1;
        matches.Add(new(at, at + 5, 1));
        matches.Add(new(at + 6, at + 10, 2));
        matches.Add(new(at + 11, at + 16, 3));
        var snippet = SnippetWindow.Render(text, matches)!;
        Assert.Contains("<mark>alpha</mark> <mark>beta</mark> <mark>gamma</mark>", snippet);
    }
}
