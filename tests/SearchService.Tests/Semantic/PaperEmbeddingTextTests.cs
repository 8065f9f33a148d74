using SearchService.Core.Notes;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class PaperEmbeddingTextTests
{
    private sealed class CountingTranslator : IQueryTranslator
    {
        public string ToEnglish(string query) => "translated " + query.Length;
    }

    [Fact]
    public void AbstractAndEnglishCommentaryAreSeparateChunksLedByTheTitle()
    {
        var paper = new Paper
        {
            Id = "1706.03762",
            Title = "Attention Is All You Need",
            Abstract = "The dominant sequence transduction models\n are based on recurrent networks.",
            KoreanCommentary = "트랜스포머",
            EnglishCommentary = "Started the transformer era.",
        };

        Assert.Equal(
            ["Attention Is All You Need. The dominant sequence transduction models are based on recurrent networks.",
             "Attention Is All You Need. Started the transformer era."],
            PaperEmbeddingText.Chunks(paper, new CountingTranslator()));
    }

    [Fact]
    public void KoreanOnlyCommentaryIsEmbeddedThroughTheTranslator()
    {
        var paper = new Paper { Id = "x", Title = "Title", KoreanCommentary = "트랜스포머" };

        Assert.Equal(["Title. translated 5"], PaperEmbeddingText.Chunks(paper, new CountingTranslator()));
        Assert.Equal(["Title"], PaperEmbeddingText.Chunks(paper));
    }

    [Fact]
    public void LongCommentaryIsCutAtAWordBoundary()
    {
        var paper = new Paper { Id = "x", Title = "Title", EnglishCommentary = string.Join(' ', Enumerable.Repeat("word", 2000)) };

        var text = PaperEmbeddingText.Chunks(paper).Single();

        Assert.True(text.Length <= PaperEmbeddingText.MaxChars);
        Assert.StartsWith("Title. word", text);
        Assert.EndsWith("word", text);
    }
}
