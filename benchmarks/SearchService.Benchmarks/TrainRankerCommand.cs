using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Search;
using SearchService.Core.Search.Ranking;
using SearchService.Core.Semantic;

namespace SearchService.Benchmarks;

/// <summary>
/// Trains the learned hybrid ranker (<see cref="LearnedRanker"/>, LambdaMART via ML.NET FastTree) on the dev queries
/// plus queries cut from the corpus (<see cref="PseudoQueries"/>), saves it, and scores hybrid search with and
/// without it on dev (in-sample) and on the held-out queries (never trained on).
/// <c>train-ranker [--vectors F] [--model M] [--pseudo N] [--dev-only] [--trees N] [--leaves N] [--min-leaf N] [--out model.zip]</c>.
/// </summary>
public static class TrainRankerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return 0;
        }
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var model = Enum.Parse<EmbeddingModel>(Option("--model") ?? nameof(EmbeddingModel.MiniLM), ignoreCase: true);
        var output = Option("--out") ?? Path.Combine(Path.GetTempPath(), "hybrid-ranker.zip");
        var pseudoCount = int.Parse(Option("--pseudo") ?? "800", CultureInfo.InvariantCulture);
        var trees = int.Parse(Option("--trees") ?? "100", CultureInfo.InvariantCulture);
        var leaves = int.Parse(Option("--leaves") ?? "8", CultureInfo.InvariantCulture);
        var minLeaf = int.Parse(Option("--min-leaf") ?? "20", CultureInfo.InvariantCulture);
        // --dev-only: train on the dev queries alone, without the pseudo-queries.
        var usePseudo = !args.Contains("--dev-only");

        using var bench = await HybridBench.OpenAsync(shared, model, Option("--vectors") ?? Path.Combine(Path.GetTempPath(), "searchservice-bench-vectors"));
        var dev = DevQuery.Load(Path.Combine(shared, "queries", "dev.jsonl"));
        var heldOut = DevQuery.Load(SharedData.HeldOutQueries);
        var pseudo = PseudoQueries.From(bench.Papers, bench.Expansion.Map, pseudoCount, seed: 9);
        Console.WriteLine($"{pseudo.Count} pseudo-queries, e.g.: {string.Join(" | ", pseudo.Take(4).Select(q => q.Query))}");

        var fusion = bench.Engine();
        var devRows = dev.Select((query, group) => Rows(fusion, query, (uint)group + 1).ToList()).ToList();
        var pseudoRows = pseudo.SelectMany((query, group) => Rows(fusion, query, (uint)(dev.Count + group + 1))).ToList();
        Console.WriteLine($"{devRows.Sum(r => r.Count) + pseudoRows.Count} training rows from {dev.Count} dev and {pseudo.Count} pseudo-queries");

        var ml = new MLContext(seed: 0);
        ITransformer Train(IEnumerable<RankingRow> rows, out DataViewSchema schema)
        {
            var data = ml.Data.LoadFromEnumerable(rows.ToList());
            schema = data.Schema;
            return ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(RankingRow.Label),
                FeatureColumnName = nameof(RankingRow.Features),
                RowGroupColumnName = nameof(RankingRow.Query),
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minLeaf,
                LearningRate = 0.1,
                NumberOfThreads = 1,
            }).Fit(data);
        }

        // Choosing the training set and the settings on dev without scoring dev in-sample: 5 folds, each scored by a
        // model trained on the other four (plus the pseudo-queries when they are used).
        const int folds = 5;
        var foldRanks = new List<(string Lang, int? Rank)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var training = devRows.Where((_, i) => i % folds != fold).SelectMany(r => r);
            var foldModel = Train(usePseudo ? training.Concat(pseudoRows) : training, out _);
            var scored = dev.Where((_, i) => i % folds == fold).ToList();
            foldRanks.AddRange(Score(bench.Engine(LearnedRanker.From(ml, foldModel)), scored).Ranks);
        }
        Console.WriteLine($"\ndev, {folds}-fold cross-validation (each query scored by a model that did not see it)\n\n{RankingScore.Header}");
        Console.WriteLine(Score(fusion, dev).Row("hybrid, score fusion"));
        Console.WriteLine(new RankingScore(foldRanks).Row($"hybrid, learned ranker ({(usePseudo ? "dev + pseudo" : "dev only")})"));

        var trained = Train(devRows.SelectMany(r => r).Concat(usePseudo ? pseudoRows : []), out var schema);
        ml.Model.Save(trained, schema, output);
        Console.WriteLine($"model saved to {output} ({new FileInfo(output).Length / 1024} KiB)");

        var ranked = bench.Engine(LearnedRanker.Load(output));
        foreach (var (title, queries) in new[] { ("dev (trained on)", dev), ("held-out (never trained on)", heldOut), ("pseudo (trained on)", pseudo.Take(200).ToList()) })
        {
            Console.WriteLine($"\n{title}\n\n{RankingScore.Header}");
            Console.WriteLine(Score(fusion, queries).Row("hybrid, score fusion"));
            Console.WriteLine(Score(ranked, queries).Row("hybrid, learned ranker"));
        }
        return 0;
    }

    private static RankingScore Score(SearchEngine engine, IReadOnlyList<DevQuery> queries) =>
        RankingScore.Of(queries, q => engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = SearchMode.Hybrid }).Results);

    /// <summary>The first <see cref="LearnedRanker.Depth"/> fused candidates of a query as training rows.</summary>
    private static IEnumerable<RankingRow> Rows(SearchEngine engine, DevQuery query, uint group)
    {
        if (engine.HybridCandidates(new SearchRequest { Query = query.Query, Mode = SearchMode.Hybrid }) is not { } fused) return [];
        var head = fused.Candidates.Take(LearnedRanker.Depth).ToList();
        var features = RankingFeatures.Of(fused.FreeText, fused.English, head, engine.Paper);
        return head.Select((c, i) => new RankingRow
        {
            Features = features[i],
            Label = IsRelevant(engine.Paper(c.Id), query) ? 1 : 0,
            Query = group,
        });
    }

    private static bool IsRelevant(Core.Notes.Paper? paper, DevQuery query) =>
        paper is not null && paper.Sources.Select(s => s.NoteName).Append(paper.Id).Any(query.Relevant.Contains);
}
