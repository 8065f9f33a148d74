using SearchService.Core.Analysis;

namespace SearchService.Tests.Analysis;

public sealed class QueryTextSplitterTests
{
    private static readonly QueryTextSplitter s_splitter = new();

    [Fact]
    public void MixedQueryIsSplitByScriptAndFillerDropped()
    {
        var parts = s_splitter.Split("Transformer를 학습하는 논문은?");
        Assert.Equal(["Transformer"], parts.Latin);
        Assert.Equal(["학습하는"], parts.Hangul);
    }

    [Fact]
    public void EnglishQuestionWordsAreDropped() =>
        Assert.Equal("memorization in MoE", s_splitter.Split("Which paper is about memorization in MoE?").LatinText);

    [Fact]
    public void LatinTextBetweenKoreanWordsSeparatesHangulParts()
    {
        var parts = s_splitter.Split("전문가 혼합 MoE 라우팅 방법은?");
        Assert.Equal(["전문가 혼합", "라우팅"], parts.Hangul);
        Assert.Equal(["MoE"], parts.Latin);
    }

    [Fact]
    public void JoinedLatinTermsStayWhole() =>
        Assert.Equal(["GPT-4o 1.5"], s_splitter.Split("GPT-4o와 1.5배").Latin);

    [Fact]
    public void NumberGluedToNounGoesToLatinSide()
    {
        var parts = s_splitter.Split("7B모델");
        Assert.Equal(["7B"], parts.Latin);
        Assert.Equal(["모델"], parts.Hangul);
    }

    [Fact]
    public void AllFillerQueryGivesEmptyParts()
    {
        var parts = s_splitter.Split("어떤 논문?");
        Assert.Empty(parts.Hangul);
        Assert.Empty(parts.Latin);
    }
}
