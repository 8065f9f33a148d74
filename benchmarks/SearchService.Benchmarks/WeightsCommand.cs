using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Benchmarks;

/// <summary>
/// Keyword quality on the dev queries as each field weight moves alone from its default: shows which
/// weights matter and how flat the optimum is, so the defaults can be chosen coarse rather than fitted.
/// </summary>
public static class WeightsCommand
{
    private static readonly float[] Factors = [0f, 0.5f, 2f];

    public static Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return Task.FromResult(0);
        }
        var corpus = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes"));
        var queries = DevQuery.Load(Path.Combine(shared, "queries", "dev.jsonl"));
        var expansion = new QueryExpansion(TerminologyMap.Load());
        using var store = corpus.Index(PaperAnalyzers.Create());
        var baseline = new KeywordWeights();
        Console.WriteLine(RankingScore.Header);
        Score("defaults", baseline);
        foreach (var (name, vary) in Variations())
            foreach (var factor in Factors)
                Score($"{name} x{factor}", vary(baseline, factor));
        return Task.FromResult(0);

        void Score(string name, KeywordWeights weights)
        {
            var searcher = new KeywordSearcher(store.Index, expansion, weights);
            Console.WriteLine(RankingScore.Of(queries, q => searcher.Search(new SearchRequest { Query = q, Limit = RankingScore.K }, withHighlights: false).Results).Row(name));
        }
    }

    private static IEnumerable<(string, Func<KeywordWeights, float, KeywordWeights>)> Variations() =>
    [
        ("title", (w, f) => w with { Title = w.Title * f }),
        ("abstract", (w, f) => w with { Abstract = w.Abstract * f }),
        ("english", (w, f) => w with { English = w.English * f }),
        ("korean", (w, f) => w with { Korean = w.Korean * f }),
        ("authors", (w, f) => w with { Authors = w.Authors * f }),
        ("all text", (w, f) => w with { AllText = w.AllText * f }),
        ("expansion", (w, f) => w with { Expansion = w.Expansion * f }),
    ];
}
