using SearchService.Core.Analysis;

namespace SearchService.Tests.Analysis;

public sealed class EnglishTextAnalyzerTests
{
    private static readonly EnglishTextAnalyzer s_analyzer = new();

    [Fact]
    public void EnglishTextIsStemmedWithoutStopWordsOrPossessives() =>
        TokenStreamAssert.AnalyzesTo(
            s_analyzer,
            "The Transformer's attention layers",
            ["transform", "attent", "layer"],
            startOffsets: [4, 18, 28],
            endOffsets: [17, 27, 34],
            positionIncrements: [2, 1, 1]);

    [Fact]
    public void AccentsAreFolded() =>
        Assert.Equal(["naiv", "bay"], TokenStreamAssert.Terms(s_analyzer, "naïve Bayes"));
}

public sealed class AuthorAnalyzerTests
{
    private static readonly AuthorAnalyzer s_analyzer = new();

    [Fact]
    public void DiacriticsAreFoldedSoPlainSpellingMatches() =>
        Assert.Equal(["pablo", "munoz", "perez", "rua"], TokenStreamAssert.Terms(s_analyzer, "Pablo Muñoz, Pérez-Rúa"));

    [Fact]
    public void DetachedCombiningMarkFromPdfIsRemovedWithItsSpace() =>
        TokenStreamAssert.AnalyzesTo(s_analyzer, "Tr \u0328ebacz", ["trebacz"], [0], [9]);

    [Fact]
    public void DecomposedAccentIsRemoved() =>
        Assert.Equal(["munoz"], TokenStreamAssert.Terms(s_analyzer, "Mun\u0303oz"));

    [Fact]
    public void AffiliationDigitIsDroppedFromName() =>
        Assert.Equal(["jianzhou", "wang"], TokenStreamAssert.Terms(s_analyzer, "Jianzhou Wang1"));

    [Fact]
    public void NamesAreNotStemmed() =>
        Assert.Equal(["samy", "jelassi", "james"], TokenStreamAssert.Terms(s_analyzer, "Samy Jelassi, James"));
}
