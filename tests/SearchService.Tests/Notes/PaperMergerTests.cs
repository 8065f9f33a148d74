using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class PaperMergerTests
{
    private static readonly Paper Short = new()
    {
        Id = "2404.05892",
        Title = "SnapKV",
        KoreanCommentary = "짧은 설명.",
        EnglishCommentary = "A longer English commentary from the second note.",
        Tags = ["long_context", "KV-cache"],
        Links = ["240101 A"],
        Date = new DateOnly(2024, 4, 23),
        Url = "https://arxiv.org/abs/2404.05892",
        Sources = [new PaperSource("arXiv/2024/240423 SnapKV 1.md")],
    };

    private static readonly Paper Rich = new()
    {
        Id = "2404.05892",
        Title = "SnapKV: LLM Knows What You are Looking for Before Generation",
        Authors = ["Yuhong Li", "Yingbing Huang"],
        Abstract = "Large Language Models (LLMs) have made remarkable progress.",
        KoreanCommentary = "KV 캐시를 압축하는 방법. 조금 더 긴 설명.",
        EnglishCommentary = "Short.",
        Tags = ["long-context", "efficiency"],
        Links = ["240101 A", "240202 B"],
        Date = new DateOnly(2024, 4, 22),
        Sources = [new PaperSource("arXiv/2024/240422 SnapKV.md")],
    };

    [Fact]
    public void SamePaperFromTwoNotesListsBothSourcesInPathOrder()
    {
        var merged = PaperMerger.Merge([Short, Rich]);

        Assert.Equal(["arXiv/2024/240422 SnapKV.md", "arXiv/2024/240423 SnapKV 1.md"], merged.Sources.Select(s => s.Path));
        Assert.Equal("2404.05892", merged.Id);
    }

    [Fact]
    public void MergedPaperTakesTitleAndAuthorsFromTheRichestRecordAndTheLongestTexts()
    {
        var merged = PaperMerger.Merge([Short, Rich]);

        Assert.Equal(Rich.Title, merged.Title);
        Assert.Equal(Rich.Authors, merged.Authors);
        Assert.Equal(Rich.Abstract, merged.Abstract);
        Assert.Equal(Rich.KoreanCommentary, merged.KoreanCommentary);
        Assert.Equal(Short.EnglishCommentary, merged.EnglishCommentary);
        Assert.Equal(Short.Url, merged.Url);
    }

    [Fact]
    public void MergedPaperUnionsTagsByNormalizedFormAndLinksAndKeepsTheEarliestDate()
    {
        var merged = PaperMerger.Merge([Short, Rich]);

        Assert.Equal(["long-context", "efficiency", "KV-cache"], merged.Tags);
        Assert.Equal(["240101 A", "240202 B"], merged.Links);
        Assert.Equal(new DateOnly(2024, 4, 22), merged.Date);
    }

    [Fact]
    public void MergingOnePaperReturnsIt() => Assert.Same(Rich, PaperMerger.Merge([Rich]));

    [Fact]
    public void MergingNothingIsAnError() => Assert.Throws<ArgumentException>(() => PaperMerger.Merge([]));
}
