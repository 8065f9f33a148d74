using SearchService.Core.Notes;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class PaperEmbeddingTextTests
{
    [Fact]
    public void TextJoinsTitleAbstractAndEnglishCommentaryButNotKorean()
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
            "Attention Is All You Need. The dominant sequence transduction models are based on recurrent networks. Started the transformer era.",
            PaperEmbeddingText.For(paper));
    }

    [Fact]
    public void LongCommentaryIsCutAtAWordBoundary()
    {
        var paper = new Paper { Id = "x", Title = "Title", EnglishCommentary = string.Join(' ', Enumerable.Repeat("word", 2000)) };

        var text = PaperEmbeddingText.For(paper);

        Assert.True(text.Length <= PaperEmbeddingText.MaxChars);
        Assert.StartsWith("Title. word", text);
        Assert.EndsWith("word", text);
    }
}
