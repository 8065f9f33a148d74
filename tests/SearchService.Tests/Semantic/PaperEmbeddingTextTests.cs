using SearchService.Core.Notes;
using SearchService.Core.Semantic;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Tests.Semantic;

public sealed class PaperEmbeddingTextTests
{
    private sealed class CountingTranslator : IQueryTranslator
    {
        public string ToEnglish(string query) => "translated " + query.Length;

        public string Fingerprint => "counting";
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
            PaperEmbeddingText.Chunks(paper, translateKorean: true).Select(c => PaperEmbeddingText.Text(c, new CountingTranslator())));
    }

    [Fact]
    public void KoreanOnlyCommentaryIsEmbeddedThroughTheTranslator()
    {
        var paper = new Paper { Id = "x", Title = "Title", KoreanCommentary = "트랜스포머" };

        var translated = PaperEmbeddingText.Chunks(paper, translateKorean: true).Single();
        Assert.Equal("Title. translated 5", PaperEmbeddingText.Text(translated, new CountingTranslator()));
        Assert.Equal("Title", PaperEmbeddingText.Text(PaperEmbeddingText.Chunks(paper, translateKorean: false).Single(), null));
    }

    [Fact]
    public void ChunkKeyChangesWithTheDictionaryOnlyForTranslatedChunks()
    {
        var korean = new EmbeddingChunk("T", "한국어", Translate: true);
        var english = new EmbeddingChunk("T", "English", Translate: false);
        Assert.NotEqual(korean.Key("m", new CountingTranslator()), korean.Key("m", null));
        Assert.Equal(english.Key("m", new CountingTranslator()), english.Key("m", null));
    }

    [Fact]
    public void LongCommentaryIsCutAtAWordBoundary()
    {
        var paper = new Paper { Id = "x", Title = "Title", EnglishCommentary = string.Join(' ', Enumerable.Repeat("word", 2000)) };

        var text = PaperEmbeddingText.Text(PaperEmbeddingText.Chunks(paper, translateKorean: false).Single(), null);

        Assert.True(text.Length <= PaperEmbeddingText.MaxChars);
        Assert.StartsWith("Title. word", text);
        Assert.EndsWith("word", text);
    }
}
