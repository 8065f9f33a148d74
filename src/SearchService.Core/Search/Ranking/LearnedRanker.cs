using Microsoft.ML;
using SearchService.Core.Notes;

namespace SearchService.Core.Search.Ranking;

/// <summary>
/// Re-orders the best fused hybrid candidates with a LambdaMART model (ML.NET FastTree) trained offline by the
/// benchmark command <c>train-ranker</c>. On the request path it only scores: <see cref="Depth"/> candidates ×
/// <see cref="RankingRow.FeatureCount"/> features through a tree ensemble.
/// </summary>
public sealed class LearnedRanker
{
    /// <summary>How many of the best fused candidates are re-ordered (and were trained on); the rest keep their order.</summary>
    public const int Depth = 30;

    private readonly PredictionEngine<RankingRow, RankingPrediction> engine;
    // A PredictionEngine keeps per-call buffers, so one request at a time scores through it; a call is microseconds.
    private readonly Lock gate = new();

    private LearnedRanker(MLContext ml, ITransformer model) =>
        engine = ml.Model.CreatePredictionEngine<RankingRow, RankingPrediction>(model);

    /// <summary>A ranker over a model just trained in this process (cross-validation while training).</summary>
    public static LearnedRanker From(MLContext ml, ITransformer model) => new(ml, model);

    /// <summary>Loads a model saved by <c>train-ranker</c>.</summary>
    public static LearnedRanker Load(string path)
    {
        var ml = new MLContext(seed: 0);
        return new LearnedRanker(ml, ml.Model.Load(path, out _));
    }

    /// <summary>The model's score of each feature vector.</summary>
    public float[] Score(IReadOnlyList<float[]> features)
    {
        var scores = new float[features.Count];
        lock (gate)
        {
            for (var i = 0; i < features.Count; i++)
                scores[i] = engine.Predict(new RankingRow { Features = features[i] }).Score;
        }
        return scores;
    }

    /// <summary>
    /// The candidates with the first <see cref="Depth"/> in the model's order; ties keep the fused order. Each keeps
    /// its fused score, so scores shown need not fall monotonically within the re-ordered head.
    /// </summary>
    public IReadOnlyList<HybridCandidate> Reorder(HybridCandidates fused, Func<string, Paper?> paper)
    {
        var head = fused.Candidates.Take(Depth).ToList();
        var scores = Score(RankingFeatures.Of(fused.FreeText, fused.English, head, paper));
        return head.Select((c, i) => (Candidate: c, Score: scores[i]))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.FusedRank)
            .Select(s => s.Candidate)
            .Concat(fused.Candidates.Skip(Depth))
            .ToList();
    }
}
