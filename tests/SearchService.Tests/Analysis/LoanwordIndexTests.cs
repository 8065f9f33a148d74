using SearchService.Core.Analysis.Loanwords;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Tests.Analysis;

public sealed class LoanwordIndexTests
{
    // Each English word is in two papers, as the index requires; names are capitalized in the text as notes do.
    private static readonly string[] Texts =
    [
        "The Transformer architecture with attention. Mistral and Llama models by Google and Anthropic.",
        "A transformer trained on tokens. We compare Mistral, Llama and DeepSeek; Google reports the attention maps.",
        "Anthropic and DeepSeek release checkpoints; the architecture matters. Coco and genie are datasets.",
        "coco genie tension horizon",
    ];

    private static LoanwordIndex Index() =>
        LoanwordIndex.Build(Texts.Select((t, i) => new Paper { Id = $"p{i}", Abstract = t }));

    [Theory]
    [InlineData("트랜스포머", "transformer")]
    [InlineData("미스트랄", "mistral")]
    [InlineData("구글", "google")]
    [InlineData("라마", "llama")]
    [InlineData("앤트로픽", "anthropic")]
    [InlineData("딥시크", "deepseek")]
    [InlineData("어텐션", "attention")]
    [InlineData("아키텍처", "architecture")]
    public void AHangulTransliterationFindsTheEnglishWordOfTheCorpus(string hangul, string english)
    {
        Assert.Equal(english, Index().Match(hangul)?.English);
    }

    [Theory]
    [InlineData("기계")]   // sounds K-K like "coco", but ㅣ does not render o
    [InlineData("학습")]
    [InlineData("다양성")] // T-N-S-N like "tension", but ㅏ does not render e
    [InlineData("미스")]   // too short to be sure of anything but a name
    [InlineData("트랜스")]
    public void AKoreanWordThatOnlySoundsAlikeMatchesNothing(string hangul)
    {
        Assert.Null(Index().Match(hangul));
    }

    [Fact]
    public void AWordTheKoreanCommentariesUseOftenIsNotTakenForATransliteration()
    {
        var papers = Enumerable.Range(0, 12).Select(i => new Paper { Id = $"p{i}", Abstract = "Google Google", KoreanCommentary = "구글 검색" });

        Assert.Null(LoanwordIndex.Build(papers).Match("구글"));
        Assert.Equal("google", LoanwordIndex.Build(papers, commonKoreanPapers: 100).Match("구글")?.English);
    }

    [Fact]
    public void EnglishSpellingGivesEveryUsualKoreanReading()
    {
        Assert.Contains("TLaNSPaMa", EnglishSoundKeys.Of("transformer").Select(SoundKey.Generic));
        Assert.Equal("TLaNSPaMa", SoundKey.Generic(HangulSoundKey.Of("트랜스포머")!));
        // th read as t and as s; soft g as j and g.
        Assert.Contains(EnglishSoundKeys.Of("method"), k => SoundKey.Skeleton(k) == "MTT");
        Assert.Contains(EnglishSoundKeys.Of("method"), k => SoundKey.Skeleton(k) == "MST"); // 메소드
        Assert.Contains(EnglishSoundKeys.Of("gemini"), k => SoundKey.Skeleton(k) == "JMN");
        Assert.Empty(EnglishSoundKeys.Of("gpt-4"));
    }

    [Fact]
    public void ExpansionAddsTheMatchBelowTheDictionaryAndNeverForAWordTheDictionaryKnows()
    {
        var dictionary = new QueryExpansion(TerminologyMap.FromPairs([new TermPair("트랜스포머", "transformer"), new TermPair("모델", "model")]));
        var expansion = new LoanwordExpansion(dictionary, Index, weight: 0.5f);

        var terms = expansion.Expand("미스트랄과 트랜스포머 모델");

        Assert.Contains(terms, t => t is { Target: "mistral", TargetLanguage: TermExpansion.English, Weight: 0.5f } && t.Source == "미스트랄과");
        var transformer = Assert.Single(terms, t => t.Target == "transformer");
        Assert.Equal(1f, transformer.Weight);
        Assert.Equal(3, terms.Count);
    }

    [Fact]
    public void AnEmptyIndexLeavesTheDictionaryExpansionAsItWas()
    {
        var dictionary = new QueryExpansion(TerminologyMap.FromPairs([new TermPair("모델", "model")]));

        var terms = new LoanwordExpansion(dictionary, () => LoanwordIndex.Empty).Expand("미스트랄 모델");

        Assert.Equal(dictionary.Expand("미스트랄 모델"), terms);
    }
}
