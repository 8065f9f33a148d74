using Microsoft.Extensions.Options;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Ingestion;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Semantic;

namespace SearchService.Api.Hosting;

/// <summary>The semantic parts, each null when semantic search is turned off or the model cannot load.</summary>
public sealed record SemanticServices(MiniLmEmbedder? Embedder, PaperVectors? Vectors, SemanticSearcher? Searcher)
{
    public static SemanticServices Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<SemanticOptions>();
        if (!options.Enabled) return new(null, null, null);
        var embedder = new MiniLmEmbedder(logger: sp.GetRequiredService<ILogger<MiniLmEmbedder>>());
        if (!embedder.IsAvailable) return new(embedder, null, null);
        var folder = Path.Combine(IndexPaths.DataFolder(sp.GetRequiredService<IOptions<IndexOptions>>().Value), "vectors");
        var store = new VectorStore(folder, embedder.Dimensions, sp.GetRequiredService<ILogger<VectorStore>>());
        var vectors = new PaperVectors(sp.GetRequiredService<PaperStore>(), embedder, store, sp.GetRequiredService<ILogger<PaperVectors>>(), sp.GetRequiredService<IQueryTranslator>());
        var searcher = new SemanticSearcher(vectors, sp.GetRequiredService<KeywordSearcher>(), sp.GetRequiredService<IQueryTranslator>(), options);
        return new(embedder, vectors, searcher);
    }
}

/// <summary>
/// Semantic search is optional: with <c>Semantic:Enabled=false</c>, or when the model cannot load, search
/// and related papers work from keywords alone and say so, never fail.
/// </summary>
public static class SemanticRegistration
{
    public static IServiceCollection AddSemanticSearch(this IServiceCollection services)
    {
        services.AddOptions<SemanticOptions>().BindConfiguration(SemanticOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SemanticOptions>>().Value);
        services.AddSingleton<IQueryTranslator>(sp => new TermTranslator(sp.GetRequiredService<QueryExpansion>()));
        services.AddSingleton(SemanticServices.Create);
        services.AddSingleton(sp => new SearchEngine(sp.GetRequiredService<KeywordSearcher>(), sp.GetRequiredService<PaperStore>(),
            sp.GetRequiredService<SemanticServices>().Searcher, sp.GetRequiredService<SemanticOptions>()));
        services.AddSingleton(sp => new RelatedPapers(sp.GetRequiredService<PaperStore>(), sp.GetRequiredService<SemanticServices>().Vectors));
        services.AddHostedService<EmbeddingWorker>();
        return services;
    }
}
