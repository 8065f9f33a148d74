using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Tests.Analysis;

public sealed class TranslationLexiconTests
{
    private static Paper Note(int i, string korean, string english) =>
        new() { Id = $"p{i}", KoreanCommentary = korean, EnglishCommentary = english };

    // 생성 always comes with "generation", but also with whatever else the note is about: co-occurrence alone
    // would pair 생성 with "model" as often as with "generation"; EM lets 모델 explain "model".
    private static readonly Paper[] Notes =
    [
        Note(1, "생성 모델", "generation model"),
        Note(2, "생성 품질", "generation quality"),
        Note(3, "생성 속도", "generation speed"),
        Note(4, "모델 속도", "model speed"),
        Note(5, "모델 품질", "model quality"),
        Note(6, "생성 모델 속도", "generation model speed"),
    ];

    [Fact]
    public void EachKoreanWordLearnsTheEnglishWordItTranslates()
    {
        var learned = TranslationLexicon.Learn(Notes, minNotes: 2).ToDictionary(l => l.Korean);

        Assert.Equal("generation", learned["생성"].English);
        Assert.Equal("model", learned["모델"].English);
        Assert.Equal("speed", learned["속도"].English);
        Assert.True(learned["생성"].Probability > 0.8, $"t(generation | 생성) = {learned["생성"].Probability}");
        Assert.Equal(4, learned["생성"].Notes);
    }

    [Fact]
    public void HandDictionaryWordsAndRareWordsAreLeftToTheDictionary()
    {
        var learned = TranslationLexicon.Learn(Notes, TerminologyMap.FromPairs([new TermPair("속도", "velocity")]), minNotes: 3);

        Assert.DoesNotContain(learned, l => l.Korean == "속도");
        Assert.DoesNotContain(learned, l => l.Korean == "품질");
    }

    [Fact]
    public void LinesArePairedOneToOneWhenBothCommentariesHaveAsMany()
    {
        // Whole notes would leave 생성 and 모델 tied: both occur with "generation" and "model" in every note.
        Paper[] papers =
        [
            Note(1, "생성 빠름\n모델 작음", "generation fast\nmodel small"),
            Note(2, "생성 작음\n모델 빠름", "generation small\nmodel fast"),
            Note(3, "생성 거대\n모델 거대", "generation huge\nmodel huge"),
        ];

        var learned = TranslationLexicon.Learn(papers, minNotes: 3).ToDictionary(l => l.Korean);

        Assert.Equal("generation", learned["생성"].English);
        Assert.Equal("model", learned["모델"].English);
    }

    [Fact]
    public void AnExpansionCarriesTheWeightOfItsEntry()
    {
        var expansion = new QueryExpansion(TerminologyMap.FromPairs([new TermPair("생성", "generation", 0.7f)]));

        var term = Assert.Single(expansion.Expand("생성"));

        Assert.Equal(0.7f, term.Weight);
    }

    [Fact]
    public void QueryTranslatorUsesTheDictionaryUntilItLearnsFromTheNotes()
    {
        var translator = new LearnedQueryTranslator(new QueryExpansion(TerminologyMap.FromPairs([new TermPair("모델", "model")])));
        Assert.Equal("model", translator.ToEnglish("생성 모델"));

        translator.Relearn(Notes);

        Assert.Equal("generation model", translator.ToEnglish("생성 모델"));
        Assert.True(translator.LearnedCount > 0);
    }
}
