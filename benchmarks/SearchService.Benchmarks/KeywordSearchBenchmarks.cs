using BenchmarkDotNet.Attributes;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Benchmarks;

/// <summary>
/// Keyword search in process over the real corpus (or the repository's sample corpus when ../shared is
/// absent): query building, BM25, facets and highlights, without HTTP.
/// </summary>
[MemoryDiagnoser]
public class KeywordSearchBenchmarks
{
    private PaperStore store = null!;
    private KeywordSearcher searcher = null!;

    [Params("MoE 추론 능력 한계", "validation data로 prompt를 고르는", "optimizer that applies Adam-style updates in the eigenbasis of Shampoo", "diffusion")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = SharedData.Folder() is { } shared
            ? Path.Combine(shared, "corpus", "arxiv-notes")
            : Path.Combine(SharedData.RepositoryRoot(), "index-data", "notes");
        store = CorpusSnapshot.Read(root).Index(PaperAnalyzers.Create());
        searcher = new KeywordSearcher(store.Index, new QueryExpansion(TerminologyMap.Load()));
    }

    [Benchmark]
    public int Search() => searcher.Search(new SearchRequest { Query = Query }).Results.Count;

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();
}
