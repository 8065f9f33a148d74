using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Benchmarks;

/// <summary>
/// The pieces of one keyword request, each alone, over the real corpus (or the sample corpus without
/// ../shared): building the query, ranking (top 10, total and facets, no papers loaded), highlighting a page
/// of ten, the whole page with highlights, and writing the response as JSON.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private PaperStore store = null!;
    private KeywordSearcher searcher = null!;
    private PreparedQuery prepared = null!;
    private IReadOnlyList<Paper> page = null!;
    private SearchResponse response = null!;

    [Params("MoE 추론 능력 한계", "optimizer that applies Adam-style updates in the eigenbasis of Shampoo", "diffusion 언어 모델")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        store = CorpusSnapshot.Read(BenchmarkCorpus.Folder()).Index(PaperAnalyzers.Create());
        var tags = new TagSpellingIndex(CatalogLists.NormalizedTags(store.Papers()));
        searcher = new KeywordSearcher(store.Index, new QueryExpansion(TerminologyMap.Load()), tagSpellings: () => tags, papers: store.Find);
        prepared = searcher.Prepare(Query);
        response = searcher.Search(new SearchRequest { Query = Query }, prepared);
        page = response.Results.Select(r => store.Find(r.Id)!).ToList();
    }

    [Benchmark]
    public PreparedQuery BuildQuery() => searcher.Prepare(Query);

    [Benchmark]
    public int Rank() => searcher.Rank(new SearchRequest { Query = Query }, prepared, 10).Total;

    [Benchmark]
    public int Highlight() => searcher.Highlights(prepared, page).Sum(h => h.Count);

    [Benchmark]
    public int SearchPage() => searcher.Search(new SearchRequest { Query = Query }).Results.Count;

    [Benchmark]
    public int Serialize() => JsonSerializer.SerializeToUtf8Bytes(response, Json).Length;

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();
}

/// <summary>The corpus the in-process benchmarks read: the real one beside the checkout, else the sample notes.</summary>
public static class BenchmarkCorpus
{
    public static string Folder()
    {
        if (SharedData.Folder() is { } shared) return Path.Combine(shared, "corpus", "arxiv-notes");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln"))) return Path.Combine(dir.FullName, "index-data", "notes");
        return Path.Combine(Directory.GetCurrentDirectory(), "index-data", "notes");
    }
}
