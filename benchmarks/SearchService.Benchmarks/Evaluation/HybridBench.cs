using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Search.Ranking;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>
/// The real corpus indexed in memory with its vectors (cached in a folder) and the translations learned from
/// the notes, as <c>quality</c> sets them up: hybrid search engines over it, with or without a learned ranker.
/// </summary>
public sealed class HybridBench : IDisposable
{
    private readonly ITextEmbedder embedder;
    private readonly VectorStore vectorStore;
    private readonly PaperVectors vectors;
    private readonly LearnedQueryTranslator translator;

    public PaperStore Store { get; }
    public IReadOnlyList<Paper> Papers { get; }
    public QueryExpansion Expansion { get; }

    private readonly EmbeddingModel model;

    private HybridBench(EmbeddingModel model, PaperStore store, IReadOnlyList<Paper> papers, QueryExpansion expansion, ITextEmbedder embedder,
        VectorStore vectorStore, PaperVectors vectors, LearnedQueryTranslator translator)
    {
        this.model = model;
        Store = store;
        Papers = papers;
        Expansion = expansion;
        this.embedder = embedder;
        this.vectorStore = vectorStore;
        this.vectors = vectors;
        this.translator = translator;
    }

    public static async Task<HybridBench> OpenAsync(string shared, EmbeddingModel model, string vectorFolder)
    {
        var corpus = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes"));
        var expansion = new QueryExpansion(TerminologyMap.Load());
        var store = corpus.Index(PaperAnalyzers.Create());
        var embedder = Embedders.Create(model);
        var vectorStore = new VectorStore(vectorFolder, embedder.Dimensions);
        var vectors = new PaperVectors(store, embedder, vectorStore, NullLogger<PaperVectors>.Instance, new TermTranslator(expansion));
        await vectors.SyncAsync(CancellationToken.None);
        var papers = corpus.Files.SelectMany(f => f.Papers).ToList();
        var translator = new LearnedQueryTranslator(expansion);
        translator.Relearn(papers);
        return new HybridBench(model, store, papers, expansion, embedder, vectorStore, vectors, translator);
    }

    public SearchEngine Engine(LearnedRanker? ranker = null)
    {
        var options = new SemanticOptions { Model = model };
        var semantic = new SemanticSearcher(vectors, translator, options);
        return new SearchEngine(new KeywordSearcher(Store.Index, Expansion), Store, () => semantic, options, ranker);
    }

    public void Dispose()
    {
        vectors.Dispose();
        vectorStore.Dispose();
        (embedder as IDisposable)?.Dispose();
        Store.Dispose();
    }
}
