using Microsoft.Extensions.Options;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// The semantic parts, loaded in the background by <see cref="EmbeddingWorker"/> so that loading the model
/// never delays start-up. Until then (or when semantic search is off, or the model cannot load) they are
/// null and search answers from keywords alone.
/// </summary>
public sealed class SemanticServices(IServiceProvider services)
{
    private volatile Loaded? loaded;
    private volatile string status = services.GetRequiredService<SemanticOptions>().Enabled ? "loading" : "off";

    public PaperVectors? Vectors => loaded?.Vectors;
    public SemanticSearcher? Searcher => loaded?.Searcher;

    /// <summary>"off", "loading", "unavailable" (the model did not load, or the worker failed) or "loaded".</summary>
    public string Status => status;

    /// <summary>Why semantic search stopped, for <c>/health</c>; null while nothing went wrong.</summary>
    public string? Problem => problem;
    private volatile string? problem;

    /// <summary>Turns semantic search off after a failure: search answers from keywords and says so, the host keeps running.</summary>
    public void Fail(string reason)
    {
        loaded = null;
        problem = $"Semantic search is off: {reason}";
        status = "unavailable";
    }

    /// <summary>Loads the model and the stored vectors; returns the vectors, or null when semantic search cannot run.</summary>
    public PaperVectors? Load()
    {
        if (status == "off") return null;
        var data = IndexPaths.DataFolder(services.GetRequiredService<IOptions<IndexOptions>>().Value);
        // ONNX Runtime keeps a folder under $XDG_CACHE_HOME (else ~/.cache); keep it with the rest of our data.
        NativeEnvironment.Set("XDG_CACHE_HOME", Path.Combine(data, "cache"));
        var semantic = services.GetRequiredService<SemanticOptions>();
        var model = semantic.Model;
        var embedder = Embedders.Create(model, new EmbedderOptions { Int8Queries = semantic.Int8Queries }, services.GetRequiredService<ILogger<SentenceEmbedder>>());
        if (!embedder.IsAvailable)
        {
            Fail($"the embedding model {model} did not load ({Embedders.UnavailableReason(embedder)}).");
            return null;
        }
        var folder = Embedders.VectorFolder(Path.Combine(data, "vectors"), model);
        var store = new VectorStore(folder, embedder.Dimensions, services.GetRequiredService<ILogger<VectorStore>>());
        var translator = services.GetRequiredService<IQueryTranslator>();
        var vectors = new PaperVectors(services.GetRequiredService<PaperStore>(), embedder, store, services.GetRequiredService<ILogger<PaperVectors>>(), translator,
            semantic);
        // Queries also use the translations learned from the notes; paper texts keep the hand dictionary.
        var searcher = new SemanticSearcher(vectors, services.GetRequiredService<LearnedQueryTranslator>(), semantic);
        loaded = new Loaded(vectors, searcher);
        status = "loaded";
        return vectors;
    }

    private sealed record Loaded(PaperVectors Vectors, SemanticSearcher Searcher);
}
