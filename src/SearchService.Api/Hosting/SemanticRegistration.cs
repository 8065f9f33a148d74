using Microsoft.Extensions.Options;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// Semantic search is optional: with <c>Semantic:Enabled=false</c>, while the model loads, or when it cannot
/// load, search and related papers work from keywords alone and say so, never fail.
/// </summary>
public static class SemanticRegistration
{
    public static IServiceCollection AddSemanticSearch(this IServiceCollection services)
    {
        services.AddOptions<SemanticOptions>().BindConfiguration(SemanticOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SemanticOptions>>().Value);
        services.AddSingleton<IQueryTranslator>(sp => new TermTranslator(sp.GetRequiredService<QueryExpansion>()));
        // The learned lexicon is kept beside the index, so a restart over unchanged notes loads it instead of relearning.
        services.AddSingleton(sp => new LearnedQueryTranslator(sp.GetRequiredService<QueryExpansion>(),
            cache: new LearnedLexiconCache(Path.Combine(IndexPaths.DataFolder(sp.GetRequiredService<IOptions<IndexOptions>>().Value), "learned-lexicon.tsv"))));
        services.AddSingleton<SemanticServices>();
        services.AddSingleton(sp =>
        {
            var semantic = sp.GetRequiredService<SemanticServices>();
            var enabled = sp.GetRequiredService<SemanticOptions>().Enabled;
            return new SearchEngine(sp.GetRequiredService<KeywordSearcher>(), sp.GetRequiredService<PaperStore>(),
                enabled ? () => semantic.Searcher : null, sp.GetRequiredService<SemanticOptions>());
        });
        services.AddSingleton(sp =>
        {
            var semantic = sp.GetRequiredService<SemanticServices>();
            return new RelatedPapers(sp.GetRequiredService<PaperStore>(), () => semantic.Vectors);
        });
        services.AddHostedService<EmbeddingWorker>();
        return services;
    }
}
