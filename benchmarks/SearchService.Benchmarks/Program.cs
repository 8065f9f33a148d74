using BenchmarkDotNet.Running;
using SearchService.Benchmarks;

// dotnet run -c Release --project benchmarks/SearchService.Benchmarks -- <command> [options]
//   ablation   score the dev queries with each part of the Korean analysis switched off (issue 3)
//   weights    score the dev queries as each keyword field weight moves alone from its default
//   quality    keyword, semantic and hybrid MRR and recall on the dev and held-out queries, related-paper recall (issues 4, 9)
//   load       a bounded mix of searches and writes against a running service on loopback (issue 5)
//   hotpath    each stage of a keyword request timed in process, with the old highlighter beside the new (issue 8)
//   mine-terms print Korean-English term candidates mined from notes with both commentaries, for review
//              (--ibm1: the word translations IBM Model 1 learns from them)
//   loanwords  precision of Hangul-to-English loanword matching on pairs learned from the notes and on the dictionary
//   embed-speed   papers embedded per second by each embedding model, on the same sample of the corpus
//   coverage   share of the corpus's most frequent English terms that the Korean-English dictionary covers
//   generate   synthetic vault notes (and their vectors) shaped like the real corpus, for scale runs (issue 8)
//   vectors    HNSW against exact search (a data folder's vectors, or --synthetic N): recall@10 and latency (issue 8)
//   catalog-memory  bytes a paper that the in-memory catalog holds (issue 8)
//   keyword-scale  keyword search over an existing (large) index in process: ranking and whole page, mean/p50/p95 (issue 8)
//   anything else goes to BenchmarkDotNet (e.g. --filter '*')
return args.FirstOrDefault() switch
{
    "ablation" => await AblationCommand.RunAsync(args[1..]),
    "weights" => await WeightsCommand.RunAsync(args[1..]),
    "quality" => await QualityCommand.RunAsync(args[1..]),
    "load" => await LoadTestCommand.RunAsync(args[1..]),
    "hotpath" => await HotPathCommand.RunAsync(args[1..]),
    "mine-terms" => await MineTermsCommand.RunAsync(args[1..]),
    "coverage" => await CoverageCommand.RunAsync(args[1..]),
    "loanwords" => await LoanwordsCommand.RunAsync(args[1..]),
    "embed-speed" => await EmbedSpeedCommand.RunAsync(args[1..]),
    "generate" => await GenerateCommand.RunAsync(args[1..]),
    "vectors" => await VectorRecallCommand.RunAsync(args[1..]),
    "catalog-memory" => await CatalogMemoryCommand.RunAsync(args[1..]),
    "keyword-scale" => await KeywordScaleCommand.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AblationCommand).Assembly).Run(args);
    return 0;
}
