using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class PaperIdTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2410.19034", "2410.19034")]
    [InlineData("https://arxiv.org/abs/2410.19034v2", "2410.19034")]
    [InlineData("https://arxiv.org/pdf/2410.19034v1.pdf", "2410.19034")]
    [InlineData("https://arxiv.org/pdf/2410.19034.pdf", "2410.19034")]
    [InlineData("http://www.arxiv.org/html/2410.19034v3", "2410.19034")]
    [InlineData("https://arxiv.org/abs/1907.10529", "1907.10529")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v2", "hep-th_9901001")]
    [InlineData("https://arxiv.org/abs/math.GT/0309136", "math.gt_0309136")]
    public void ArxivUrlsGiveTheVersionlessUrlSafeArxivId(string url, string expected) =>
        Assert.Equal(expected, PaperId.For(url, "ignored title"));

    [Fact]
    public void OtherPapersGetASlugOfTheirTitle()
    {
        Assert.Equal("deepep", PaperId.For("https://github.com/deepseek-ai/DeepEP", "DeepEP"));
        Assert.Equal("mixture-of-parrots-experts-improve", PaperId.For(null, "Mixture of Parrots: Experts  improve!"));
        Assert.Equal("perez-rua-s-model", PaperId.Slug("Pérez-Rúa's model"));
        Assert.Equal("구글-달리기", PaperId.Slug("구글 달리기"));
    }

    [Fact]
    public void SlugsAreBoundedAndNeverEmpty()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("word", 100));
        Assert.True(PaperId.Slug(longTitle).Length <= PaperId.MaxSlugLength);
        Assert.False(PaperId.Slug(longTitle).EndsWith('-'));
        Assert.StartsWith("note-", PaperId.Slug("🙂🙂"));
        Assert.Equal(PaperId.Slug("🙂🙂"), PaperId.Slug("🙂🙂"));
        Assert.NotEqual(PaperId.Slug("🙂"), PaperId.Slug("🙃"));
    }
}
