using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using SearchService.Core.Notes;
using SearchService.Core.Search.Ranking;

namespace SearchService.Tests.Search;

public sealed class LearnedRankerTests
{
    /// <summary>
    /// A model trained in the test on queries where the relevant candidate is always the one whose title holds the
    /// English query words, whatever fusion said: the ranker must learn to put that one first.
    /// </summary>
    private static LearnedRanker TitleLovingRanker()
    {
        var random = new Random(1);
        var rows = new List<RankingRow>();
        for (uint query = 1; query <= 60; query++)
        {
            var relevant = random.Next(5);
            for (var c = 0; c < 5; c++)
            {
                var features = new float[RankingRow.FeatureCount];
                features[RankingFeatures.Names.ToList().IndexOf("english_words_in_title")] = c == relevant ? 1 : (float)random.NextDouble() * 0.3f;
                features[RankingFeatures.Names.ToList().IndexOf("fused_reciprocal_rank")] = 1f / (c + 1);
                rows.Add(new RankingRow { Features = features, Label = c == relevant ? 1 : 0, Query = query });
            }
        }
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            NumberOfTrees = 10, NumberOfLeaves = 2, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1,
            LabelColumnName = nameof(RankingRow.Label), FeatureColumnName = nameof(RankingRow.Features), RowGroupColumnName = nameof(RankingRow.Query),
        }).Fit(data);
        return LearnedRanker.From(ml, model);
    }

    [Fact]
    public void RankerMovesTheCandidateItLearnedToPreferAboveFusionsFirst()
    {
        var papers = new Dictionary<string, Paper>
        {
            ["fused-first"] = new() { Id = "fused-first", Title = "Scaling laws for neural language models" },
            ["fused-second"] = new() { Id = "fused-second", Title = "Denoising diffusion probabilistic models" },
        };
        var fused = new HybridCandidates("확산 모델", "diffusion",
        [
            new("fused-first", 5, 0, 0.5f, 0, [0.5f], 1.5, 0),
            new("fused-second", 4, 1, 0.4f, 1, [0.4f], 1.2, 1),
        ]);

        var order = TitleLovingRanker().Reorder(fused, id => papers[id]).Select(c => c.Id).ToList();

        Assert.Equal(["fused-second", "fused-first"], order);
    }

    [Fact]
    public void CandidatesBelowTheRerankedHeadKeepTheirFusedOrder()
    {
        var candidates = Enumerable.Range(0, LearnedRanker.Depth + 5)
            .Select(i => new HybridCandidate($"p{i}", 0, null, 0.1f, null, [0.1f], 1.0 / (i + 1), i))
            .ToList();

        var order = TitleLovingRanker().Reorder(new HybridCandidates("q", "q", candidates), _ => null);

        Assert.Equal(candidates.Skip(LearnedRanker.Depth).Select(c => c.Id), order.Skip(LearnedRanker.Depth).Select(c => c.Id));
        Assert.Equal(candidates.Take(LearnedRanker.Depth).Select(c => c.Id).Order(), order.Take(LearnedRanker.Depth).Select(c => c.Id).Order());
    }
}
