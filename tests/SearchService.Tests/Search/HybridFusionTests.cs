using SearchService.Core.Notes;
using SearchService.Core.Search;

namespace SearchService.Tests.Search;

/// <summary>Fusion arithmetic, with expected scores worked out by hand in each test.</summary>
public sealed class HybridFusionTests
{
    private static (string Id, float Score) Hit(string id, float score) => (id, score);

    private static Func<string, float?> Cosines(params (string Id, float Cosine)[] cosines) =>
        id => cosines.Where(c => c.Id == id).Select(c => (float?)c.Cosine).FirstOrDefault();

    private static void AssertFused(IEnumerable<(string Id, double Score)> expected, List<(string Id, double Score)> actual)
    {
        Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a.Id));
        foreach (var (e, a) in expected.Zip(actual)) Assert.Equal(e.Score, a.Score, precision: 6);
    }

    [Fact]
    public void KeywordScoreRelativeToTheBestPlusRescaledCosine()
    {
        // Keyword: a 4 → 1, b 2 → 0.5, c 0. Cosines 0.5, 0.1, 0.9 rescaled over [0.1, 0.9]: 0.5, 0, 1.
        var fused = HybridFusion.Fuse([Hit("a", 4), Hit("b", 2)], [("c", 0.9f), ("a", 0.5f)], Cosines(("a", 0.5f), ("b", 0.1f), ("c", 0.9f)), semanticWeight: 1);
        AssertFused([("a", 1.5), ("c", 1.0), ("b", 0.5)], fused);
    }

    [Fact]
    public void SemanticWeightScalesOnlyTheCosinePart()
    {
        // a 1 + 0.5 × 0.5 = 1.25; b 0.5 + 0 = 0.5; c 0 + 0.5 × 1 = 0.5, after b by id.
        var fused = HybridFusion.Fuse([Hit("a", 4), Hit("b", 2)], [("c", 0.9f), ("a", 0.5f)], Cosines(("a", 0.5f), ("b", 0.1f), ("c", 0.9f)), semanticWeight: 0.5);
        AssertFused([("a", 1.25), ("b", 0.5), ("c", 0.5)], fused);
    }

    [Fact]
    public void CandidateWithoutAVectorCountsAsCosineZero()
    {
        // Cosines: a none → 0, b 0.6; rescaled over [0, 0.6]: a 0, b 1. a 1 + 0 = 1; b 0.25 + 1 = 1.25.
        var fused = HybridFusion.Fuse([Hit("a", 8), Hit("b", 2)], [("b", 0.6f)], Cosines(("b", 0.6f)), semanticWeight: 1);
        AssertFused([("b", 1.25), ("a", 1.0)], fused);
    }

    [Fact]
    public void WithoutKeywordHitsTheRankingIsTheRescaledCosine()
    {
        // Cosines 0.8, 0.4, 0.2 over [0.2, 0.8]: 1, 1/3, 0.
        var fused = HybridFusion.Fuse([], [("x", 0.8f), ("y", 0.4f), ("z", 0.2f)], Cosines(("x", 0.8f), ("y", 0.4f), ("z", 0.2f)), semanticWeight: 1);
        AssertFused([("x", 1.0), ("y", 1.0 / 3), ("z", 0.0)], fused);
    }

    [Fact]
    public void EqualCosinesLeaveTheKeywordRanking()
    {
        // Every cosine 0.5: the span is zero, so the cosine part is 0 and only keyword scores (1, 0.75) remain.
        var fused = HybridFusion.Fuse([Hit("a", 4), Hit("b", 3)], [], Cosines(("a", 0.5f), ("b", 0.5f)), semanticWeight: 1);
        AssertFused([("a", 1.0), ("b", 0.75)], fused);
    }

    [Fact]
    public void PaperInBothListsIsOneCandidate()
    {
        var fused = HybridFusion.Fuse([Hit("a", 1)], [("a", 0.9f), ("b", 0.1f)], Cosines(("a", 0.9f), ("b", 0.1f)), semanticWeight: 1);
        AssertFused([("a", 2.0), ("b", 0.0)], fused);
    }

    [Fact]
    public void NothingToFuseGivesNothing() =>
        Assert.Empty(HybridFusion.Fuse([], [], _ => null, semanticWeight: 1));
}
