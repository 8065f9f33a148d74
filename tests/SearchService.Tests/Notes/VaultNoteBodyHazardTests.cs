using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

/// <summary>One test per hazard of the note's abstract, commentary, tags and links (formats.md).</summary>
public sealed class VaultNoteBodyHazardTests
{
    private const string Top = "https://arxiv.org/abs/2410.19034\n\n*A Title* (Ann Author, Bob Author)\n\n";

    private static (Paper Paper, IReadOnlyList<ParseWarning> Warnings) Parse(string body)
    {
        var result = VaultNoteParser.Parse(Top + body, "arXiv/2024/241029 A Title.md");
        return (Assert.Single(result.Papers), result.Warnings);
    }

    [Fact]
    public void AbstractLinesWithoutQuoteMarkerContinueTheQuote()
    {
        var (paper, warnings) = Parse("""
            > We present VeOmni,
            a modular training framework.

            한국어 설명.
            """);

        Assert.Equal("We present VeOmni,\na modular training framework.", paper.Abstract);
        Assert.Equal("한국어 설명.", paper.KoreanCommentary);
        Assert.Contains(warnings, w => w.Code == WarningCodes.UnquotedAbstractLine && w.Line == 6);
    }

    [Fact]
    public void LetMarkerIsReadAsAQuote()
    {
        var (paper, warnings) = Parse("let> Parameter-efficient fine-tuning (PEFT) is crucial.\n\n한국어 설명.\n");

        Assert.Equal("Parameter-efficient fine-tuning (PEFT) is crucial.", paper.Abstract);
        Assert.Contains(warnings, w => w.Code == WarningCodes.MalformedQuoteMarker && w.Line == 5);
    }

    [Fact]
    public void UnclosedEnglishBlockEndsAtTheTags()
    {
        var (paper, warnings) = Parse("""
            한국어 설명.

            <english>
            Estimation of scaling law of DiT.

            #diffusion #scaling-law
            """);

        Assert.Equal("Estimation of scaling law of DiT.", paper.EnglishCommentary);
        Assert.Equal(["diffusion", "scaling-law"], paper.Tags);
        Assert.Contains(warnings, w => w.Code == WarningCodes.UnclosedEnglishBlock && w.Line == 7);
    }

    [Fact]
    public void MisspelledEnglishMarkerStillOpensTheBlock()
    {
        var (paper, warnings) = Parse("한국어 설명.\n\n<enligsh>\nDesign video tokenizer.\n</english>\n\n#tokenizer\n");

        Assert.Equal("Design video tokenizer.", paper.EnglishCommentary);
        Assert.Equal("한국어 설명.", paper.KoreanCommentary);
        Assert.Contains(warnings, w => w.Code == WarningCodes.MisspelledEnglishTag && w.Line == 7);
    }

    [Fact]
    public void EnglishBlockClosedWithASecondOpenTagEndsThere()
    {
        var (paper, warnings) = Parse("한국어.\n\n<english>\nDay 2 of opensource.\n<english>\n\n#efficiency\n");

        Assert.Equal("Day 2 of opensource.", paper.EnglishCommentary);
        Assert.Equal(["efficiency"], paper.Tags);
        Assert.Contains(warnings, w => w.Code == WarningCodes.EnglishBlockClosedWithOpenTag);
        Assert.DoesNotContain(warnings, w => w.Code == WarningCodes.UnclosedEnglishBlock);
    }

    [Fact]
    public void TextAfterTheClosingMarkerStaysEnglish()
    {
        var (paper, _) = Parse("<english>\nIt reminds me the era of ResNets.\n</english>(https://arxiv.org/abs/1904.01569)\n");

        Assert.Equal("It reminds me the era of ResNets.\n(https://arxiv.org/abs/1904.01569)", paper.EnglishCommentary);
    }

    [Fact]
    public void EnglishParagraphsAfterTheTagsWithoutABlockAreEnglishCommentary()
    {
        var (paper, _) = Parse("""
            RLHF 튜닝 작업에 유용한 도구.

            #rlhf

            Can we know the result of changing KL penalty coefficient without retraining?
            """);

        Assert.Equal("RLHF 튜닝 작업에 유용한 도구.", paper.KoreanCommentary);
        Assert.Equal("Can we know the result of changing KL penalty coefficient without retraining?", paper.EnglishCommentary);
        Assert.Equal(["rlhf"], paper.Tags);
    }

    [Fact]
    public void KoreanParagraphsWithEnglishTermsAreKoreanCommentary()
    {
        var (paper, _) = Parse("RoPE에서 저주파수 영역을 빼는 쪽이 더 낫다는 연구.\n\nAttention에 대한 Long term decay.\n");

        Assert.Equal("RoPE에서 저주파수 영역을 빼는 쪽이 더 낫다는 연구.\n\nAttention에 대한 Long term decay.", paper.KoreanCommentary);
        Assert.Equal("", paper.EnglishCommentary);
    }

    [Fact]
    public void TagsAtTheEndOfATextParagraphAreTagsNotText()
    {
        var (paper, warnings) = Parse("채널 프루닝을 위한 penalty를 집중시키는 방법. #pruning #efficient_training\n");

        Assert.Equal(["pruning", "efficient_training"], paper.Tags);
        Assert.Equal("채널 프루닝을 위한 penalty를 집중시키는 방법.", paper.KoreanCommentary);
        Assert.Contains(warnings, w => w.Code == WarningCodes.TagsInTextParagraph);
    }

    [Fact]
    public void StrayCharactersAfterTagsAreIgnored()
    {
        var (paper, warnings) = Parse("설명.\n\n#speech-text #synthetic-data a\n");

        Assert.Equal(["speech-text", "synthetic-data"], paper.Tags);
        Assert.Equal("설명.", paper.KoreanCommentary);
        Assert.Contains(warnings, w => w.Code == WarningCodes.StrayCharactersAfterTags);
    }

    [Fact]
    public void NumbersSharpsHeadingsAndUrlFragmentsAreNotTags()
    {
        var (paper, _) = Parse("""
            #1

            C# 코드와 F# 코드. 모델 #2 비교.

            ## Heading

            See https://example.org/page#section

            #real-tag
            """);

        Assert.Equal(["real-tag"], paper.Tags);
    }

    [Fact]
    public void TagSpellingsOfOneConceptAreKeptOnceAsWritten()
    {
        var (paper, _) = Parse("설명.\n\n#long-context #GAN #long_context #gan\n");

        Assert.Equal(["long-context", "GAN"], paper.Tags);
    }

    [Fact]
    public void WikiLinksAnywhereAreLinksAndReadAsTheirShownText()
    {
        var (paper, _) = Parse("""
            [[241008 Round and Round We Go|RoPE 분석]]과 비슷한 결과.

            #transformer

            # Links
            [[240101 First Note]]
            [[240202 Second Note#Section]]
            """);

        Assert.Equal(["241008 Round and Round We Go", "240101 First Note", "240202 Second Note"], paper.Links);
        Assert.Equal("RoPE 분석과 비슷한 결과.", paper.KoreanCommentary);
        Assert.Equal("", paper.EnglishCommentary);
    }
}
