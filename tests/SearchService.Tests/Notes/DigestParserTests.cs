using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class DigestParserTests
{
    private const string SeedPath = "seeds/000_8cc038eb82c5fd0d.txt";

    private static ParseResult ParseSeed()
    {
        var seed = SharedData.SeedDigest;
        Skip.If(seed is null, SharedData.MissingMessage("the seed digest test"));
        return NoteParser.Parse(File.ReadAllText(seed), SeedPath);
    }

    [SkippableFact]
    public void SeedDigestSplitsIntoItsTenPapers()
    {
        var result = ParseSeed();

        Assert.Equal(10, result.Papers.Count);
        Assert.Empty(result.Warnings);
        Assert.Equal(Enumerable.Range(1, 10), result.Papers.Select(p => p.Sources.Single().Entry!.Value));
        Assert.All(result.Papers, p => Assert.Equal(new DateOnly(2024, 10, 29), p.Date));
        Assert.All(result.Papers, p => Assert.Equal(SeedPath, p.Sources.Single().Path));
        Assert.Equal(10, result.Papers.Select(p => p.Id).Distinct().Count());
    }

    [SkippableFact]
    public void SeedDigestEntriesHaveTheirTitlesAndAuthors()
    {
        var papers = ParseSeed().Papers;

        Assert.Equal("Mixture of Parrots: Experts improve memorization more than reasoning", papers[1].Title);
        Assert.Equal("Looking Beyond The Top-1: Transformers Determine Top Tokens In Order", papers[9].Title);
        Assert.Equal([12, 10, 15, 9, 5, 4, 7, 5, 5, 4], papers.Select(p => p.Authors.Count));
        Assert.Equal("Michael Pieler", papers[0].Authors[0]);
        Assert.Equal("Sham M. Kakade", papers[1].Authors[8]);
        Assert.Contains("Jürgen Schmidhuber", papers[2].Authors);
        Assert.Equal("Juan-Manuel Pérez-Rúa", papers[2].Authors[^1]);
        Assert.Equal("Christopher Ré", papers[4].Authors[^1]);
    }

    [SkippableFact]
    public void SeedDigestEntriesSeparateAbstractKoreanAndEnglishCommentary()
    {
        var parrots = ParseSeed().Papers[1];

        Assert.StartsWith("The Mixture-of-Experts (MoE) architecture", parrots.Abstract);
        Assert.EndsWith("fails to yield the same benefits for reasoning tasks.", parrots.Abstract);
        Assert.StartsWith("MoE가 지식의 기억에는", parrots.KoreanCommentary);
        Assert.Contains("Sparse 모델을 만들 수 있다면", parrots.KoreanCommentary);
        Assert.StartsWith("The results show that MoE", parrots.EnglishCommentary);
        Assert.EndsWith("we might be able to make further progress.", parrots.EnglishCommentary);
        Assert.DoesNotContain("#", parrots.EnglishCommentary);
    }

    [SkippableFact]
    public void SeedDigestKeepsEnglishTermsAndUrlsInsideKoreanCommentary()
    {
        var hope = ParseSeed().Papers[7];

        Assert.StartsWith("RoPE에서 저주파수 영역을", hope.KoreanCommentary);
        Assert.Contains("(https://arxiv.org/abs/2410.06205)", hope.KoreanCommentary);
        Assert.StartsWith("This study suggests", hope.EnglishCommentary);
    }

    [SkippableFact]
    public void SeedDigestEntriesEndAtTheirTagLines()
    {
        var papers = ParseSeed().Papers;

        Assert.Equal(["synthetic-data"], papers[0].Tags);
        Assert.Equal(["video-generation", "non-autoregressive", "diffusion"], papers[2].Tags);
        Assert.Equal(["positional-encoding", "long-context"], papers[7].Tags);
        Assert.Equal(["transformer"], papers[9].Tags);
    }

    [Fact]
    public void IsoDateLineStartsADigestToo()
    {
        const string digest = """
            2024-10-29
            A Paper
            (Ada Lovelace, Alan Turing)
            We study things.
            사물을 연구합니다.
            We study things, in English.
            #things
            """;

        var result = NoteParser.Parse(digest, "seeds/iso.txt");

        var paper = Assert.Single(result.Papers);
        Assert.Equal(new DateOnly(2024, 10, 29), paper.Date);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper.Authors);
        Assert.Equal("We study things.", paper.Abstract);
        Assert.Equal("사물을 연구합니다.", paper.KoreanCommentary);
        Assert.Equal("We study things, in English.", paper.EnglishCommentary);
    }

    [Fact]
    public void DigestEntryWithoutTagLineIsKeptWithAWarning()
    {
        const string digest = """
            2024년 1월 2일
            Only Entry
            (Grace Hopper)
            An abstract.
            한국어 설명.
            """;

        var result = DigestParser.Parse(digest, "d.txt");

        Assert.Equal("Only Entry", Assert.Single(result.Papers).Title);
        Assert.Contains(result.Warnings, w => w.Code == WarningCodes.MissingTags && w.Line == 2);
    }

    [Fact]
    public void DigestEntryWithoutAuthorLineWarnsAndKeepsTheAbstract()
    {
        const string digest = """
            2024년 1월 2일
            No Authors Here
            An abstract straight away.
            한국어 설명.
            #tag
            """;

        var result = DigestParser.Parse(digest, "d.txt");

        var paper = Assert.Single(result.Papers);
        Assert.Empty(paper.Authors);
        Assert.Equal("An abstract straight away.", paper.Abstract);
        Assert.Contains(result.Warnings, w => w.Code == WarningCodes.MissingAuthors && w.Line == 3);
    }
}
