using System.Diagnostics;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Util;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Benchmarks;

/// <summary>
/// Keyword quality on the dev queries with Lucene's plain CJKAnalyzer, with our Korean chain, and with each
/// part of the chain switched off (or on, for bigrams, which are off by default): one table, in process.
/// </summary>
public static class AblationCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return Task.FromResult(0);
        }
        var clock = Stopwatch.StartNew();
        var corpus = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes"));
        var queries = DevQuery.Load(Path.Combine(shared, "queries", "dev.jsonl"));
        var dictionary = new QueryExpansion(TerminologyMap.Load());
        var full = new KoreanAnalysisOptions();
        var configurations = new (string Name, Lucene.Net.Analysis.Analyzer Korean, QueryExpansion? Expansion)[]
        {
            ("Lucene CJKAnalyzer (bigrams), no dictionary", new CJKAnalyzer(LuceneVersion.LUCENE_48), null),
            ("our chain (stemming + Latin split + dictionary)", new KoreanAnalyzer(full), dictionary),
            ("  without stemming", new KoreanAnalyzer(full with { Stemming = false }), dictionary),
            ("  without Latin split", new KoreanAnalyzer(full with { LatinSplit = false }), dictionary),
            ("  without dictionary", new KoreanAnalyzer(full), null),
            ("  with Hangul bigrams added", new KoreanAnalyzer(full with { Bigrams = true }), dictionary),
        };
        Console.WriteLine($"Keyword mode, {queries.Count} dev queries, {corpus.Files.Count} notes ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine(RankingScore.Header);
        foreach (var (name, korean, expansion) in configurations)
        {
            using var store = corpus.Index(PaperAnalyzers.Create(korean));
            var searcher = new KeywordSearcher(store.Index, expansion);
            var score = RankingScore.Of(queries, q => searcher.Search(new SearchRequest { Query = q, Limit = RankingScore.K }, withHighlights: false).Results);
            Console.WriteLine(score.Row(name));
        }
        Console.WriteLine();
        Console.WriteLine($"({clock.Elapsed.TotalSeconds:F0} s)");
        return Task.FromResult(0);
    }
}
