using SearchService.Core.Analysis;

namespace SearchService.Tests.Analysis;

public sealed class KoreanAnalyzerTests
{
    private static readonly KoreanAnalyzer s_analyzer = new(new KoreanAnalysisOptions(Bigrams: true));
    private static readonly KoreanAnalyzer s_noBigrams = new(new KoreanAnalysisOptions(Bigrams: false));

    [Theory]
    [InlineData("모델이")]
    [InlineData("모델을")]
    [InlineData("모델의")]
    [InlineData("모델에서는")]
    [InlineData("모델들이")]
    public void ParticleIsStrippedFromNoun(string word) =>
        TokenStreamAssert.AnalyzesTo(s_analyzer, word, ["모델"], [0], [word.Length], [1], ["<HANGUL>"]);

    [Theory]
    [InlineData("학습하는")]
    [InlineData("학습한")]
    [InlineData("학습했다")]
    [InlineData("학습된")]
    [InlineData("학습시키는")]
    public void VerbEndingIsStrippedFromSinoKoreanNoun(string word) =>
        Assert.Equal(["학습"], TokenStreamAssert.Terms(s_analyzer, word));

    [Fact]
    public void AdjectivalSuffixIsStripped() =>
        Assert.Equal(["효율", "방법"], TokenStreamAssert.Terms(s_analyzer, "효율적인 방법"));

    [Theory]
    [InlineData("평가")]
    [InlineData("지도")]
    [InlineData("정의")]
    [InlineData("경로")]
    public void StemKeepsAtLeastTwoSyllables(string word) =>
        Assert.Equal([word], TokenStreamAssert.Terms(s_analyzer, word));

    [Fact]
    public void ProtectedNounEndingLikeParticleStaysWhole() =>
        Assert.Equal(["전문가"], TokenStreamAssert.Terms(s_noBigrams, "전문가"));

    [Fact]
    public void LatinWordGluedToParticleIsSplitAndStemmedAsEnglish() =>
        TokenStreamAssert.AnalyzesTo(
            s_analyzer,
            "Transformer를 학습하는",
            ["transform", "학습"],
            startOffsets: [0, 13],
            endOffsets: [11, 17],
            positionIncrements: [1, 2],
            types: ["<ALPHANUM>", "<HANGUL>"]);

    [Fact]
    public void LatinTermInKoreanSentenceMatchesEnglishAnalysis() =>
        Assert.Equal(["moe", "지식", "기억"], TokenStreamAssert.Terms(s_analyzer, "MoE가 지식의 기억에는"));

    [Fact]
    public void FullWidthLatinIsFoldedToHalfWidth() =>
        TokenStreamAssert.AnalyzesTo(s_analyzer, "ＧＰＴ를", ["gpt"], [0], [3]);

    [Fact]
    public void NumberIsSplitFromKoreanUnit() =>
        TokenStreamAssert.AnalyzesTo(
            s_analyzer, "10배 빠른", ["10", "배", "빠른"], [0, 2, 4], [2, 3, 6], [1, 1, 1], ["<NUM>", "<HANGUL>", "<HANGUL>"]);

    [Fact]
    public void ModelSizeStaysOneTokenAndIsSplitFromGluedNoun()
    {
        Assert.Equal(["3b"], TokenStreamAssert.Terms(s_analyzer, "3B"));
        TokenStreamAssert.AnalyzesTo(s_analyzer, "7B모델", ["7b", "모델"], [0, 2], [2, 4], [1, 1]);
    }

    [Fact]
    public void DecimalNumberIsTypedAsNumber() =>
        TokenStreamAssert.AnalyzesTo(s_analyzer, "1.5배", ["1.5", "배"], types: ["<NUM>", "<HANGUL>"]);

    [Fact]
    public void LongWordAlsoGivesBigramsAtTheSamePosition() =>
        TokenStreamAssert.AnalyzesTo(
            s_analyzer,
            "강화학습을",
            ["강화학습", "강화", "화학", "학습"],
            startOffsets: [0, 0, 1, 2],
            endOffsets: [5, 2, 3, 4],
            positionIncrements: [1, 0, 0, 0]);

    [Fact]
    public void TwoSyllableWordGivesNoBigrams() =>
        Assert.Equal(["강화", "학습"], TokenStreamAssert.Terms(s_analyzer, "강화 학습"));

    [Fact]
    public void GluedCompoundSharesTermsWithSpacedForm()
    {
        var glued = TokenStreamAssert.Terms(s_analyzer, "강화학습");
        Assert.Contains("강화", glued);
        Assert.Contains("학습", glued);
    }

    [Fact]
    public void EnglishStopWordsGoAndKoreanParticleLeftAloneGoes() =>
        Assert.Equal(["mixtur", "expert"], TokenStreamAssert.Terms(s_analyzer, "Mixture of Experts를"));

    [Fact]
    public void StemmingOffKeepsParticles() =>
        Assert.Equal(["모델이"], TokenStreamAssert.Terms(new KoreanAnalyzer(new KoreanAnalysisOptions(Stemming: false, Bigrams: false)), "모델이"));

    [Fact]
    public void LatinSplitOffKeepsGluedToken() =>
        Assert.Equal(["transformer를"], TokenStreamAssert.Terms(new KoreanAnalyzer(new KoreanAnalysisOptions(LatinSplit: false)), "Transformer를"));

    [Fact]
    public void BigramsAreOffByDefault() =>
        Assert.Equal(["강화학습"], TokenStreamAssert.Terms(new KoreanAnalyzer(), "강화학습을"));

    [Fact]
    public void BigramsOffGivesOnlyWholeWords() =>
        Assert.Equal(["강화학습"], TokenStreamAssert.Terms(s_noBigrams, "강화학습"));
}
