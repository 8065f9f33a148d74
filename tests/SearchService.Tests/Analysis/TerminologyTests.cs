using SearchService.Core.Analysis;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Tests.Analysis;

public sealed class TerminologyTests
{
    private static readonly Lazy<TerminologyMap> s_map = new(() => TerminologyMap.Load());
    private static QueryExpansion Expansion => new(s_map.Value);

    private static IEnumerable<string> Targets(string query, string language) =>
        Expansion.Expand(query).Where(e => e.TargetLanguage == language).Select(e => e.Target);

    [Fact]
    public void BuiltInDictionaryHasSeveralHundredPairs() =>
        Assert.True(s_map.Value.Pairs.Count >= 500, $"only {s_map.Value.Pairs.Count} pairs");

    [Fact]
    public void FieldLexiconIsLoadedAfterTheHandDictionary()
    {
        var handWritten = TerminologyMap.LoadEmbedded(TerminologyMap.EmbeddedResourceName);
        var field = TerminologyMap.LoadEmbedded(TerminologyMap.FieldLexiconResourceName);

        Assert.True(field.Count >= 300, $"only {field.Count} field pairs");
        Assert.Equal([.. handWritten, .. field], s_map.Value.Pairs);
    }

    [Theory]
    [InlineData("언어", "language")]
    [InlineData("스케일링", "scaling")]
    [InlineData("추론 능력을", "reasoning capabilities")]
    [InlineData("인간 피드백", "human feedback")]
    [InlineData("그룹 상대 정책 최적화", "grpo")]
    [InlineData("허깅 페이스", "huggingface")]
    public void FrequentCorpusTermsHaveTheirKoreanRenderings(string korean, string english) =>
        Assert.Contains(english, Targets(korean, TermExpansion.English));

    [Fact]
    public void NativeKoreanTermExpandsToEnglish() =>
        Assert.Contains("discriminator", Targets("판별자", TermExpansion.English));

    [Fact]
    public void TransliterationWithParticleExpandsToEnglish()
    {
        var expansion = Assert.Single(Expansion.Expand("트랜스포머를"));
        Assert.Equal(new TermExpansion("트랜스포머를", "transformer", TermExpansion.English), expansion);
    }

    [Fact]
    public void EnglishPhraseExpandsToKorean() =>
        Assert.Contains("생일 역설", Targets("the birthday paradox", TermExpansion.Korean));

    [Theory]
    [InlineData("강화 학습")]
    [InlineData("강화학습")]
    [InlineData("강화학습을")]
    public void SpacedAndGluedCompoundBothExpand(string query)
    {
        var expansions = Expansion.Expand(query);
        Assert.Contains(expansions, e => e.Target == "reinforcement learning" && e.Source == query);
        Assert.DoesNotContain(expansions, e => e.Target == "training");
    }

    [Fact]
    public void LongestMatchWinsOverItsParts()
    {
        var targets = Targets("적대적 생성 신경망", TermExpansion.English).ToList();
        Assert.Contains("generative adversarial network", targets);
        Assert.Contains("GAN", targets);
        Assert.DoesNotContain("neural network", targets);
    }

    [Fact]
    public void MixedQueryExpandsBothWays()
    {
        var expansions = Expansion.Expand("diffusion model로 지식 증류하기");
        Assert.Contains(expansions, e => e.Target == "확산 모델" && e.TargetLanguage == TermExpansion.Korean);
        Assert.Contains(expansions, e => e.Target == "knowledge distillation" && e.TargetLanguage == TermExpansion.English);
    }

    [Fact]
    public void PluralEnglishMatchesSingularEntry() =>
        Assert.Contains("토크나이저", Targets("Tokenizers", TermExpansion.Korean));

    [Fact]
    public void QueryWithoutDictionaryTermsExpandsToNothing() =>
        Assert.Empty(Expansion.Expand("zzz 뷁뷁"));

    [Fact]
    public void ElasticsearchStyleLinesArePairedAcrossLanguages()
    {
        var pairs = TerminologyFileParser.ParseLine("캐시 적중, cache hit => cache hits").ToList();
        Assert.Equal([new TermPair("캐시 적중", "cache hit"), new TermPair("캐시 적중", "cache hits")], pairs);
        Assert.Equal([new TermPair("씨샵", "C#")], TerminologyFileParser.ParseLine("씨샵\tC# # the language"));
        Assert.Empty(TerminologyFileParser.ParseLine("# comment"));
        Assert.Empty(TerminologyFileParser.ParseLine("car, automobile"));
    }

    [Fact]
    public void UserFileIsLoadedAfterTheBuiltInDictionary()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "뷁뷁 모델, zorblax model\n");
            var map = TerminologyMap.Load([path]);
            Assert.Contains(new QueryExpansion(map).Expand("뷁뷁 모델은"), e => e.Target == "zorblax model");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
