using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Loanwords;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Benchmarks;

/// <summary>
/// Keyword, semantic and hybrid quality, in process: one table on the dev queries (tuned on) and one on the
/// held-out queries (never tuned on), per mode and language, with the median <c>total</c> a query reports;
/// then related-paper recall on the dev links and on the corpus's citations (a guard nobody tuned on). <c>--ablations</c> adds the tuning variants, on dev only;
/// <c>--dev-only</c> skips the held-out table; <c>--no-lexicon</c> translates semantic queries with the hand
/// dictionary alone; <c>--lexicon P</c> also expands keyword queries with the learned translations;
/// <c>--loanword-weight W</c> adds Hangul loanword matches to keyword expansion at that weight (off by default,
/// as in the service); <c>--no-new-terms</c> uses the dictionary as it was before the coverage entries of issue 9;
/// <c>--terms FILE</c> (repeatable) adds a dictionary file, as <c>Index:SynonymFiles</c> does, to measure a candidate lexicon.
/// <c>--model M</c> picks the embedding model (<see cref="EmbeddingModel"/>); <c>--hangul-weight W</c> sets
/// <see cref="SemanticOptions.HangulSemanticWeight"/>; <c>--dev-ranks</c> prints the rank of each dev query's paper per mode;
/// <c>--int8-queries</c> embeds queries with the byte-weight model (<see cref="EmbedderOptions.Int8Queries"/>).
/// Vectors are cached in a folder (by content hash, as the service does), so only the first run pays for
/// embedding the corpus.
/// </summary>
public static class QualityCommand
{
    private const string TableHeader =
        "| mode | MRR@10 | Korean | English | mixed | Recall@10 | Korean | English | mixed | median total | p50 | p95 |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

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
        var dev = DevQuery.Load(Path.Combine(shared, "queries", "dev.jsonl"));
        var heldOut = DevQuery.Load(SharedData.HeldOutQueries);
        var links = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(shared, "queries", "related-dev.json")))!;
        var expansion = new QueryExpansion(args.Contains("--no-new-terms")
            ? TerminologyMap.FromPairs(TerminologyMap.LoadEmbedded(TerminologyMap.EmbeddedResourceName))
            : TerminologyMap.Load(ExtraTermFiles.Of(args)));
        if (ExtraTermFiles.Of(args) is { Count: > 0 } termFiles)
            Console.WriteLine($"dictionary with {string.Join(", ", termFiles)}: {expansion.Map.Pairs.Count} pairs");

        using var store = corpus.Index(PaperAnalyzers.Create());
        // As the service does with Index:LoanwordWeight: loanword matches of the Hangul words no dictionary entry knows.
        ITermExpander keywordExpansion = expansion;
        if (args.SkipWhile(a => a != "--loanword-weight").Skip(1).FirstOrDefault() is { } loanwordWeight)
        {
            var loanwords = LoanwordIndex.Build(store.Papers());
            var weight = float.Parse(loanwordWeight, CultureInfo.InvariantCulture);
            keywordExpansion = new LoanwordExpansion(expansion, () => loanwords, weight);
            Console.WriteLine($"loanword matching over {loanwords.WordCount} English words, weight {weight}");
        }
        // --keyword-only: keyword ranking and related papers without embeddings, in seconds, e.g. to check that a
        // change to the search path left the ranking exactly as it was.
        if (args.Contains("--keyword-only")) return KeywordOnly(store, keywordExpansion, dev, heldOut, links, args.Contains("--dev-only"), args.Contains("--ranks"));
        // --model M: the embedding model (as Semantic:Model, whose default it takes); give each model its own --vectors folder.
        var model = args.SkipWhile(a => a != "--model").Skip(1).FirstOrDefault() is { } named ? Enum.Parse<EmbeddingModel>(named, ignoreCase: true) : new SemanticOptions().Model;
        // --int8-queries: queries on the model with byte weights, as Semantic:Int8Queries=true.
        var embedder = Embedders.Create(model, new EmbedderOptions { Int8Queries = args.Contains("--int8-queries") });
        using var disposeEmbedder = embedder as IDisposable;
        using var vectorStore = new VectorStore(vectorFolder, embedder.Dimensions);
        var translator = new TermTranslator(expansion);
        using var vectors = new PaperVectors(store, embedder, vectorStore, NullLogger<PaperVectors>.Instance, translator);
        var clock = Stopwatch.StartNew();
        await vectors.SyncAsync(CancellationToken.None);
        Console.WriteLine($"{model}: {vectors.Embedded} papers with vectors in {clock.Elapsed.TotalSeconds:F1} s ({vectors.ComputedLastSync} texts computed, " +
            $"{vectors.ComputedLastSync / clock.Elapsed.TotalSeconds:F1} texts/s); {store.PaperCount} papers; {DateTime.UtcNow:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores");

        // As the service does, semantic queries use the translations learned from the notes (--no-lexicon: the
        // hand dictionary alone). --lexicon P also adds those of probability >= P to keyword expansion, for the
        // ablation; the paper vectors keep the hand dictionary either way, so nothing is re-embedded.
        var papers = corpus.Files.SelectMany(f => f.Papers).ToList();
        IQueryTranslator queryTranslator = translator;
        if (!args.Contains("--no-lexicon"))
        {
            var learnedTranslator = new LearnedQueryTranslator(expansion);
            learnedTranslator.Relearn(papers);
            queryTranslator = learnedTranslator;
            Console.WriteLine($"{learnedTranslator.LearnedCount} learned translations used for semantic queries");
        }
        var queryExpansion = keywordExpansion;
        if (args.SkipWhile(a => a != "--lexicon").Skip(1).FirstOrDefault() is { } minProbability)
        {
            var learned = TranslationLexicon.Learn(papers, expansion.Map, minProbability: double.Parse(minProbability, CultureInfo.InvariantCulture));
            var withLearned = new QueryExpansion(TerminologyMap.FromPairs(expansion.Map.Pairs.Concat(learned.Select(l => new TermPair(l.Korean, l.English, (float)l.Probability)))));
            queryExpansion = withLearned;
            queryTranslator = new TermTranslator(withLearned);
            Console.WriteLine($"{learned.Count} learned translations with probability >= {minProbability} used for keyword and semantic queries");
        }

        // The model decides the semantic cutoff in force (SemanticOptions.SemanticCutoffInForce). --hangul-weight W:
        // hybrid's semantic weight grows by W × the query's Hangul share (Semantic:HangulSemanticWeight, off by default).
        var modelDefaults = new SemanticOptions { Model = model };
        if (args.SkipWhile(a => a != "--hangul-weight").Skip(1).FirstOrDefault() is { } hangulWeight)
            modelDefaults = modelDefaults with { HangulSemanticWeight = double.Parse(hangulWeight, CultureInfo.InvariantCulture) };
        SearchEngine Engine(SemanticOptions options, KeywordWeights weights)
        {
            var semantic = new SemanticSearcher(vectors, queryTranslator, options);
            return new SearchEngine(new KeywordSearcher(store.Index, queryExpansion, weights), store, () => semantic, options);
        }

        // --dev-ranks: the rank of each dev query's paper in each mode, to see which dev queries a change moves
        // (dev only: the held-out queries are never read one by one).
        if (args.Contains("--dev-ranks"))
        {
            var engine = Engine(modelDefaults, new KeywordWeights());
            var byMode = new[] { SearchMode.Keyword, SearchMode.Semantic, SearchMode.Hybrid }
                .Select(mode => RankingScore.Of(dev, q => engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = mode }).Results).Ranks)
                .ToList();
            Console.WriteLine("id\tlang\tkeyword\tsemantic\thybrid\tquery");
            for (var i = 0; i < dev.Count; i++)
                Console.WriteLine($"{dev[i].Id}\t{dev[i].Lang}\t{string.Join('\t', byMode.Select(m => m[i].Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"))}\t{dev[i].Query}");
            return 0;
        }
        if (!args.Contains("--related-only"))
        {
            // --dev-only: while choosing a setting, look at dev alone; held-out is for checking the choice.
            var sets = new[] { ($"dev, {dev.Count} queries (tuned on)", dev), ($"held-out, {heldOut.Count} queries (never tuned on)", heldOut) };
            foreach (var (title, queries) in args.Contains("--dev-only") ? sets[..1] : sets)
            {
                Console.WriteLine($"\n{title}\n\n{TableHeader}");
                foreach (var mode in new[] { SearchMode.Keyword, SearchMode.Semantic, SearchMode.Hybrid })
                    Console.WriteLine(Measure(Engine(modelDefaults, new KeywordWeights()), queries, mode, mode.ToString().ToLowerInvariant()));
            }
            if (args.Contains("--ablations"))
            {
                Console.WriteLine($"\ntuning variants, dev only\n\n{TableHeader}");
                foreach (var (name, options, mode, weights) in Ablations(modelDefaults))
                    Console.WriteLine(Measure(Engine(options, weights), dev, mode, name));
            }
        }

        Console.WriteLine();
        var related = new RelatedPapers(store, () => vectors);
        Console.WriteLine("| related papers | Recall@10 | MRR@10 |\n| --- | --- | --- |");
        Console.WriteLine(RelatedRow("all signals", related, store, links));
        var citations = CitationLinks(store, links);
        Console.WriteLine(RelatedRow($"guard: {citations.Sum(c => c.Value.Length)} citations of {citations.Count} papers, citation signal off", new RelatedPapers(store, () => vectors, new RelatedWeights { Cited = 0 }), store, citations));
        if (!args.Contains("--ablations")) return 0;
        Console.WriteLine(RelatedRow("without embeddings", new RelatedPapers(store), store, links));
        foreach (var weight in new[] { 0.5, 2.0, 4.0 })
            Console.WriteLine(RelatedRow($"meaning weight {weight}", new RelatedPapers(store, () => vectors, new RelatedWeights { SimilarMeaning = weight }), store, links));
        foreach (var neighbours in new[] { 20, 60 })
            Console.WriteLine(RelatedRow($"{neighbours} neighbours by text and meaning", new RelatedPapers(store, () => vectors, new RelatedWeights { Neighbours = neighbours }), store, links));
        foreach (var weight in new[] { 1.0, 4.0 })
            Console.WriteLine(RelatedRow($"text weight {weight}", new RelatedPapers(store, () => vectors, new RelatedWeights { SimilarText = weight }), store, links));
        return 0;
    }

    private static int KeywordOnly(PaperStore store, ITermExpander expansion, IReadOnlyList<DevQuery> dev, IReadOnlyList<DevQuery> heldOut, Dictionary<string, string[]> links, bool devOnly, bool ranks)
    {
        var engine = new SearchEngine(new KeywordSearcher(store.Index, expansion), store);
        Console.WriteLine(RankingScore.Header);
        var devScore = RankingScore.Of(dev, q => engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = SearchMode.Keyword }).Results);
        Console.WriteLine(devScore.Row("keyword, dev"));
        // --ranks: the rank of each dev query's paper, to see which queries a change moved.
        if (ranks) Console.WriteLine(string.Join('\n', dev.Zip(devScore.Ranks).Select(p => $"{p.First.Id}\t{p.First.Lang}\t{p.Second.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}")));
        if (!devOnly)
            Console.WriteLine(RankingScore.Of(heldOut, q => engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = SearchMode.Keyword }).Results).Row("keyword, held-out"));
        Console.WriteLine();
        Console.WriteLine("| related papers | Recall@10 | MRR@10 |\n| --- | --- | --- |");
        using var related = new RelatedPapers(store);
        Console.WriteLine(RelatedRow("without embeddings", related, store, links));
        return 0;
    }

    /// <summary>One table row: the ranking score, the median number of papers a query reports, and rough in-process latency.</summary>
    private static string Measure(SearchEngine engine, IReadOnlyList<DevQuery> queries, SearchMode mode, string name)
    {
        var latencies = new List<double>();
        var totals = new List<int>();
        var score = RankingScore.Of(queries, q =>
        {
            var timer = Stopwatch.StartNew();
            var response = engine.Search(new SearchRequest { Query = q, Limit = RankingScore.K, Mode = mode });
            latencies.Add(timer.Elapsed.TotalMilliseconds);
            totals.Add(response.Total);
            return response.Results;
        });
        latencies.Sort();
        totals.Sort();
        return score.Row(name) + string.Create(CultureInfo.InvariantCulture,
            $" {totals[totals.Count / 2]} | {latencies[latencies.Count / 2]:F0} ms | {latencies[(int)(latencies.Count * 0.95)]:F0} ms |");
    }

    private static IEnumerable<(string, SemanticOptions, SearchMode, KeywordWeights)> Ablations(SemanticOptions defaults)
    {
        var weights = new KeywordWeights();
        yield return ("semantic, no feedback", defaults with { FeedbackDocuments = 0 }, SearchMode.Semantic, weights);
        foreach (var weight in new[] { 0.5, 1.5 })
            yield return ($"hybrid, semantic weight {weight}", defaults with { SemanticWeight = weight }, SearchMode.Hybrid, weights);
        foreach (var hangul in new[] { 0.25, 0.5, 1, 2 })
            yield return ($"hybrid, semantic weight + {hangul} x Hangul share", defaults with { HangulSemanticWeight = hangul }, SearchMode.Hybrid, weights);
        foreach (var documents in new[] { 0, 5 })
            yield return ($"hybrid, feedback from {documents} hits", defaults with { FeedbackDocuments = documents }, SearchMode.Hybrid, weights);
        yield return ("hybrid, feedback from the keyword hits only (no second pass)", defaults with { FeedbackFromFusion = false }, SearchMode.Hybrid, weights);
        foreach (var rule in new[] { "1", "1<2", "1<2 4<3", "2<75%" })
        {
            yield return ($"keyword, words to match {rule}", defaults, SearchMode.Keyword, weights with { MinimumShouldMatch = rule });
            yield return ($"hybrid, words to match {rule}", defaults, SearchMode.Hybrid, weights with { MinimumShouldMatch = rule });
        }
        foreach (var cutoff in new[] { 0.0, 0.3, 0.4, 0.6 })
            yield return ($"hybrid, cutoff {cutoff}", defaults with { HybridCutoff = cutoff }, SearchMode.Hybrid, weights);
        foreach (var cutoff in new[] { 0.0, 0.7, 0.85, 0.9, 0.95 })
            yield return ($"semantic, cutoff {cutoff}", defaults with { SemanticCutoff = cutoff }, SearchMode.Semantic, weights);
        foreach (var expansion in new[] { 0.75f, 1f })
        {
            yield return ($"keyword, expansion weight {expansion}", defaults, SearchMode.Keyword, weights with { Expansion = expansion });
            yield return ($"hybrid, expansion weight {expansion}", defaults, SearchMode.Hybrid, weights with { Expansion = expansion });
        }
    }

    /// <summary>
    /// Related-paper links nobody tuned on: the arXiv papers each note (outside the dev links) cites by URL. Scored
    /// with the citation signal off, they say whether the other signals find what a note's author thought related.
    /// </summary>
    private static Dictionary<string, string[]> CitationLinks(PaperStore store, Dictionary<string, string[]> devLinks)
    {
        var papers = store.Papers();
        var graph = new PaperGraph(papers);
        return papers.Where(p => !devLinks.ContainsKey(p.Id))
            .Select(p => (p.Id, Cited: graph.Cited(p).Where(c => c != p.Id).Distinct().ToArray()))
            .Where(p => p.Cited.Length > 0)
            .ToDictionary(p => p.Id, p => p.Cited);
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
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {recall / links.Count:F3} | {mrr / links.Count:F3} |");
    }
}
