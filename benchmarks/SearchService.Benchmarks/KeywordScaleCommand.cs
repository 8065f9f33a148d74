using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Benchmarks;

/// <summary>
/// <c>keyword-scale --data DATA --words WORDS [--queries 300] [--rounds 3] [--answers FILE]</c>: keyword search over the index a service
/// left in DATA (a generated million, say), in process, one request at a time, over distinct queries of three random
/// words from WORDS (the list <c>benchmarks/http/corpus_words.py</c> writes for the load test). Each round times the
/// ranking alone (top 10, total and facets, as hybrid asks for it) and the whole page (papers and highlights too).
/// Without HTTP, JIT warm-up or the service's background passes between them, two builds compare within a few percent
/// in two minutes, where the HTTP run at a million papers needs a five-minute start per build and moves ±20%.
/// Run it with the service stopped: it opens the index as the service does. <c>--answers FILE</c> writes every timed
/// query's whole answer (total, the page's ids, exact scores and snippets, the facets): two builds that should answer
/// alike give the same file.
/// </summary>
public static class KeywordScaleCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var data = GenerateCommand.Option(args, "--data") ?? throw new ArgumentException("--data DATA is required");
        var wordsFile = GenerateCommand.Option(args, "--words") ?? throw new ArgumentException("--words WORDS is required");
        var count = int.Parse(GenerateCommand.Option(args, "--queries") ?? "300", CultureInfo.InvariantCulture);
        var rounds = int.Parse(GenerateCommand.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var words = File.ReadAllLines(wordsFile).Where(w => w.Length > 0).ToArray();
        var random = new Random(7);
        var queries = Enumerable.Range(0, count + 30).Select(_ => string.Join(' ', Enumerable.Range(0, 3).Select(_ => words[random.Next(words.Length)]))).ToArray();

        var clock = Stopwatch.StartNew();
        using var index = PaperIndex.Open(data, PaperAnalyzers.Create(), checkIntegrity: false);
        var searcher = new KeywordSearcher(index, new QueryExpansion(TerminologyMap.Load()), papers: index.ReadPaper);
        using (var lease = index.Lease())
            Console.WriteLine($"{lease.Searcher.IndexReader.NumDocs} documents in {lease.Searcher.IndexReader.Leaves.Count} segments, opened in {clock.ElapsedMilliseconds} ms; " +
                $"{count} queries, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        // The first queries compile the path; they are not timed.
        foreach (var query in queries.Take(30)) searcher.Search(new SearchRequest { Query = query });
        var timed = queries.Skip(30).ToArray();
        if (GenerateCommand.Option(args, "--answers") is { } answers)
            File.WriteAllLines(answers, timed.Select(q => Answer(q, searcher.Search(new SearchRequest { Query = q }))));

        Console.WriteLine("| round | stage | mean | p50 | p95 | matches, mean |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        for (var round = 1; round <= rounds; round++)
        {
            Time(round, "rank: top 10, total, facets", timed, q => searcher.Rank(new SearchRequest { Query = q }, searcher.Prepare(q), 10).Total);
            Time(round, "whole page with highlights", timed, q => searcher.Search(new SearchRequest { Query = q }).Total);
        }
        return Task.FromResult(0);
    }

    /// <summary>One line per query: scores as their bits, so a change in the last place shows.</summary>
    private static string Answer(string query, SearchResponse response) =>
        string.Join('\t', new[] { query, response.Total.ToString(CultureInfo.InvariantCulture) }
            .Concat(response.Results.Select(h => $"{h.Id} {BitConverter.SingleToInt32Bits(h.Score):x8} {string.Join(" | ", h.Highlights.Select(x => x.Field + ": " + x.Snippet))}"))
            .Concat(new[] { response.Facets.Tags, response.Facets.Years, response.Facets.Authors }.Select(f => string.Join(", ", f.Select(v => $"{v.Value}={v.Count}")))));

    private static void Time(int round, string stage, string[] queries, Func<string, int> run)
    {
        var times = new double[queries.Length];
        long matches = 0;
        for (var i = 0; i < queries.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            matches += run(queries[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {round} | {stage} | {times.Average():F2} ms | {times[times.Length / 2]:F2} ms | {times[times.Length * 95 / 100]:F2} ms | {matches / (double)queries.Length:F0} |"));
    }
}
