using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Benchmarks;

/// <summary>
/// Keyword, semantic and hybrid quality on the dev queries, and related-paper recall on the dev links, in
/// process. Vectors are cached in a folder (by content hash, as the service does), so only the first run
/// pays for embedding the corpus.
/// </summary>
public static class QualityCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return 0;
        }
        var vectorFolder = args.SkipWhile(a => a != "--vectors").Skip(1).FirstOrDefault()
            ?? Path.Combine(Path.GetTempPath(), "searchservice-bench-vectors");
        var corpus = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes"));
        var queries = DevQuery.Load(Path.Combine(shared, "queries", "dev.jsonl"));
        var links = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(shared, "queries", "related-dev.json")))!;
        var expansion = new QueryExpansion(TerminologyMap.Load());

        using var store = corpus.Index(PaperAnalyzers.Create());
        // --keyword-only: keyword ranking and related papers without embeddings, in seconds, e.g. to check that a
        // change to the search path left the ranking exactly as it was.
        if (args.Contains("--keyword-only")) return KeywordOnly(store, expansion, queries, links);
        using var embedder = new MiniLmEmbedder();
        using var vectorStore = new VectorStore(vectorFolder, embedder.Dimensions);
        using var vectors = new PaperVectors(store, embedder, vectorStore, NullLogger<PaperVectors>.Instance, new TermTranslator(expansion));
        var clock = Stopwatch.StartNew();
        await vectors.SyncAsync(CancellationToken.None);
        Console.WriteLine($"{vectors.Embedded} vectors ready in {clock.Elapsed.TotalSeconds:F1} s ({vectors.ComputedLastSync} computed); {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores");
        Console.WriteLine();

        var translator = new TermTranslator(expansion);
        // --related-only skips the search table, to tune related papers alone.
        var configurations = args.Contains("--related-only") ? [] : Configurations().ToList();
        if (configurations.Count > 0) Console.WriteLine(RankingScore.Header);
        foreach (var (name, options, mode, weights) in configurations)
        {
            var keyword = new KeywordSearcher(store.Index, expansion, weights);
            var semantic = new SemanticSearcher(vectors, translator, options);
            var engine = new SearchEngine(keyword, store, () => semantic, options);
            var latencies = new List<double>();
            var score = RankingScore.Of(queries, q =>
            {
                var timer = Stopwatch.StartNew();
                var hits = engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = mode }).Results;
                latencies.Add(timer.Elapsed.TotalMilliseconds);
                return hits;
            });
            latencies.Sort();
            Console.WriteLine(score.Row(name) + $" p50 {latencies[latencies.Count / 2]:F0} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F0} ms");
        }

        Console.WriteLine();
        var related = new RelatedPapers(store, () => vectors);
        var withoutVectors = new RelatedPapers(store);
        Console.WriteLine("| related papers | Recall@10 | MRR@10 |\n| --- | --- | --- |");
        Console.WriteLine(RelatedRow("all signals", related, store, links));
        Console.WriteLine(RelatedRow("without embeddings", withoutVectors, store, links));
        foreach (var weight in new[] { 0.5, 2.0, 4.0 })
            Console.WriteLine(RelatedRow($"meaning weight {weight}", new RelatedPapers(store, () => vectors, new RelatedWeights { SimilarMeaning = weight }), store, links));
        foreach (var weight in new[] { 1.0, 4.0 })
            Console.WriteLine(RelatedRow($"text weight {weight}", new RelatedPapers(store, () => vectors, new RelatedWeights { SimilarText = weight }), store, links));
        return 0;
    }

    private static int KeywordOnly(PaperStore store, QueryExpansion expansion, IReadOnlyList<DevQuery> queries, Dictionary<string, string[]> links)
    {
        var engine = new SearchEngine(new KeywordSearcher(store.Index, expansion), store);
        Console.WriteLine(RankingScore.Header);
        Console.WriteLine(RankingScore.Of(queries, q => engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = SearchMode.Keyword }).Results).Row("keyword"));
        Console.WriteLine();
        Console.WriteLine("| related papers | Recall@10 | MRR@10 |\n| --- | --- | --- |");
        using var related = new RelatedPapers(store);
        Console.WriteLine(RelatedRow("without embeddings", related, store, links));
        return 0;
    }

    private static IEnumerable<(string, SemanticOptions, SearchMode, KeywordWeights)> Configurations()
    {
        var defaults = new SemanticOptions();
        var weights = new KeywordWeights();
        yield return ("keyword", defaults, SearchMode.Keyword, weights);
        yield return ("semantic, no feedback", defaults with { FeedbackDocuments = 0 }, SearchMode.Semantic, weights);
        yield return ("semantic (translation + feedback)", defaults, SearchMode.Semantic, weights);
        yield return ("hybrid (defaults)", defaults, SearchMode.Hybrid, weights);
        foreach (var weight in new[] { 0.5, 1.5 })
            yield return ($"hybrid, semantic weight {weight}", defaults with { SemanticWeight = weight }, SearchMode.Hybrid, weights);
        foreach (var documents in new[] { 0, 5 })
            yield return ($"hybrid, feedback from {documents} hits", defaults with { FeedbackDocuments = documents }, SearchMode.Hybrid, weights);
        foreach (var expansion in new[] { 0.75f, 1f })
        {
            yield return ($"keyword, expansion weight {expansion}", defaults, SearchMode.Keyword, weights with { Expansion = expansion });
            yield return ($"hybrid, expansion weight {expansion}", defaults, SearchMode.Hybrid, weights with { Expansion = expansion });
        }
    }

    private static string RelatedRow(string name, RelatedPapers related, PaperStore store, Dictionary<string, string[]> links)
    {
        double recall = 0, mrr = 0;
        foreach (var (source, targets) in links)
        {
            var paper = store.Find(source);
            var hits = paper is null ? [] : related.For(paper, RankingScore.K);
            var names = hits.Select(h => h.Paper.Sources.Select(s => s.NoteName).Append(h.Paper.Id).ToHashSet()).ToList();
            recall += targets.Count(t => names.Any(n => n.Contains(t))) / (double)targets.Length;
            var first = names.FindIndex(n => targets.Any(n.Contains));
            mrr += first >= 0 ? 1.0 / (first + 1) : 0;
        }
        return $"| {name} | {recall / links.Count:F3} | {mrr / links.Count:F3} |";
    }
}
