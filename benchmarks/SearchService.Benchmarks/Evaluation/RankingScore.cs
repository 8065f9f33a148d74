using System.Globalization;
using SearchService.Core.Search;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>MRR@10 and Recall@10 of a ranking function over dev queries, overall and by language, as eval_search.py counts them.</summary>
public sealed record RankingScore(double Mrr, double Recall, IReadOnlyDictionary<string, double> MrrByLang)
{
    public const int K = 10;

    public static RankingScore Of(IReadOnlyList<DevQuery> queries, Func<string, IReadOnlyList<SearchHit>> search)
    {
        var ranks = queries.Select(q => (q.Lang, Rank: RankOf(search(q.Query), q.Relevant))).ToList();
        static double Mrr(IEnumerable<int?> rs) => rs.Select(r => r is { } n ? 1.0 / n : 0).DefaultIfEmpty(0).Average();
        return new RankingScore(
            Mrr(ranks.Select(r => r.Rank)),
            ranks.Count(r => r.Rank is not null) / (double)Math.Max(1, ranks.Count),
            ranks.GroupBy(r => r.Lang).ToDictionary(g => g.Key, g => Mrr(g.Select(r => r.Rank))));
    }

    private static int? RankOf(IReadOnlyList<SearchHit> hits, IReadOnlyList<string> relevant)
    {
        for (var i = 0; i < Math.Min(K, hits.Count); i++)
        {
            var names = hits[i].Sources.Select(s => s.NoteName).Append(hits[i].Id);
            if (names.Any(relevant.Contains)) return i + 1;
        }
        return null;
    }

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Mrr:F3} | {MrrByLang.GetValueOrDefault("ko"):F3} | {MrrByLang.GetValueOrDefault("en"):F3} | {MrrByLang.GetValueOrDefault("mixed"):F3} | {Recall:F3} |");

    public const string Header = "| configuration | MRR@10 | Korean | English | mixed | Recall@10 |\n| --- | --- | --- | --- | --- | --- |";
}
