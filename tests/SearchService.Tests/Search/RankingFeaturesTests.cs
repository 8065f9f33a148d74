using SearchService.Core.Notes;
using SearchService.Core.Search.Ranking;

namespace SearchService.Tests.Search;

public sealed class RankingFeaturesTests
{
    private static readonly Dictionary<string, Paper> Papers = new()
    {
        ["a"] = new Paper { Id = "a", Title = "Low-Rank Adaptation of Large Language Models", Tags = ["peft", "fine-tuning"] },
        ["b"] = new Paper { Id = "b", Title = "Denoising Diffusion Probabilistic Models", Tags = ["diffusion"] },
    };

    private static readonly HybridCandidate[] Candidates =
    [
        new("a", KeywordScore: 8, KeywordRank: 0, Cosine: 0.6f, SemanticRank: 1, ChunkCosines: [0.6f, 0.5f], FusedScore: 1.8, FusedRank: 0),
        new("b", KeywordScore: 0, KeywordRank: null, Cosine: 0.7f, SemanticRank: 0, ChunkCosines: [0.7f], FusedScore: 1.0, FusedRank: 1),
    ];

    private static float Feature(float[] vector, string name) => vector[RankingFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void ThereIsOneNameForEveryFeatureAndTheModelWidthMatches()
    {
        var vectors = RankingFeatures.Of("lora", "lora", Candidates, id => Papers[id]);

        Assert.All(vectors, v => Assert.Equal(RankingFeatures.Names.Count, v.Length));
        Assert.Equal(RankingRow.FeatureCount, RankingFeatures.Names.Count);
    }

    [Fact]
    public void ScoresAndRanksArePutRelativeToTheQuerysOtherCandidates()
    {
        var vectors = RankingFeatures.Of("adaptation", "adaptation", Candidates, id => Papers[id]);

        Assert.Equal(1f, Feature(vectors[0], "keyword_score_vs_best"));
        Assert.Equal(0f, Feature(vectors[1], "keyword_score_vs_best"));
        Assert.Equal(1f, Feature(vectors[0], "keyword_reciprocal_rank"));
        Assert.Equal(0f, Feature(vectors[1], "keyword_reciprocal_rank"));
        Assert.Equal(0.5f, Feature(vectors[0], "semantic_reciprocal_rank"));
        Assert.Equal(-0.1f, Feature(vectors[0], "cosine_gap_to_best"), 5);
        Assert.Equal(0f, Feature(vectors[1], "cosine_gap_to_best"));
        Assert.Equal(1.0f / 1.8f, Feature(vectors[1], "fused_score_vs_best"), 5);
        Assert.Equal(0.5f, Feature(vectors[1], "fused_reciprocal_rank"));
    }

    [Fact]
    public void EachChunksCosineIsItsOwnFeatureAndAOneChunkPaperRepeatsIt()
    {
        var vectors = RankingFeatures.Of("x", "x", Candidates, id => Papers[id]);

        Assert.Equal(0.6f, Feature(vectors[0], "first_chunk_cosine"));
        Assert.Equal(0.5f, Feature(vectors[0], "last_chunk_cosine"));
        Assert.Equal(0.7f, Feature(vectors[1], "first_chunk_cosine"));
        Assert.Equal(0.7f, Feature(vectors[1], "last_chunk_cosine"));
    }

    [Fact]
    public void KoreanQueryWordsAndTheirEnglishTranslationAreLookedForInTitleAndTags()
    {
        // "확산 모델을" put into English is "diffusion models"; the particle 을 must not hide 모델 either.
        var vectors = RankingFeatures.Of("확산 모델을", "diffusion models", Candidates, id => Papers[id]);

        Assert.Equal(0f, Feature(vectors[1], "query_words_in_title"));
        Assert.Equal(1f, Feature(vectors[1], "english_words_in_title"));
        Assert.Equal(0.5f, Feature(vectors[0], "english_words_in_title")); // "models" only
        Assert.Equal(0.25f, Feature(vectors[1], "query_words_in_tags"));
        Assert.Equal(1f, Feature(vectors[1], "query_hangul_share"));
        Assert.Equal(2f, Feature(vectors[1], "query_words"));
    }
}
