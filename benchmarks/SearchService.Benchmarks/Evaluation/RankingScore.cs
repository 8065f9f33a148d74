using System.Globalization;
using SearchService.Core.Search;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>MRR@10 and Recall@10 of a ranking function over evaluation queries, overall and by language, as eval_search.py counts them.</summary>
public sealed record RankingScore(IReadOnlyList<(string Lang, int? Rank)> Ranks)
{
    public const int K = 10;
    private static readonly string[] Languages = ["ko", "en", "mixed"];

    public double Mrr => MrrOf(Ranks);
    public double Recall => RecallOf(Ranks);

    public static RankingScore Of(IReadOnlyList<DevQuery> queries, Func<string, IReadOnlyList<SearchHit>> search) =>
        new(queries.Select(q => (q.Lang, RankOf(search(q.Query), q.Relevant))).ToList());

    private static int? RankOf(IReadOnlyList<SearchHit> hits, IReadOnlyList<string> relevant)
    {
        for (var i = 0; i < Math.Min(K, hits.Count); i++)
        {
            var names = hits[i].Sources.Select(s => s.NoteName).Append(hits[i].Id);
            if (names.Any(relevant.Contains)) return i + 1;
        }
        return null;
    }

    private IEnumerable<(string Lang, int? Rank)> In(string lang) => Ranks.Where(r => r.Lang == lang);

    private static double MrrOf(IEnumerable<(string Lang, int? Rank)> ranks) =>
        ranks.Select(r => r.Rank is { } n ? 1.0 / n : 0).DefaultIfEmpty(0).Average();

    private static double RecallOf(IEnumerable<(string Lang, int? Rank)> ranks) =>
        ranks.Select(r => r.Rank is null ? 0.0 : 1.0).DefaultIfEmpty(0).Average();

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Mrr:F3} | {string.Join(" | ", Languages.Select(l => MrrOf(In(l)).ToString("F3", CultureInfo.InvariantCulture)))} | {Recall:F3} | {string.Join(" | ", Languages.Select(l => RecallOf(In(l)).ToString("F3", CultureInfo.InvariantCulture)))} |");

    public const string Header =
        "| configuration | MRR@10 | Korean | English | mixed | Recall@10 | Korean | English | mixed |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |";
}
