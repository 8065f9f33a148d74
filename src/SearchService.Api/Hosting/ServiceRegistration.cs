using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SearchService.Core.Analysis.Loanwords;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>Wires the Core services into the host: one index and writer for the process, its searchers and the ingestion worker.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddSearchService(this IServiceCollection services)
    {
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.Section);
        services.AddSingleton(sp => StoreOpener.Open(sp.GetRequiredService<IOptions<IndexOptions>>().Value, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreOpener))));
        services.AddSingleton(sp => sp.GetRequiredService<PaperStore>().Index);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IndexOptions>>().Value;
            return new CorpusIngestor(sp.GetRequiredService<PaperStore>(), IndexPaths.CorpusFolders(options),
                sp.GetRequiredService<ILogger<CorpusIngestor>>(), options.CommitEvery, new CorpusLimits(options.MaxFiles, options.MaxFileBytes));
        });
        services.AddSingleton(sp => TerminologyMap.Load(sp.GetRequiredService<IOptions<IndexOptions>>().Value.SynonymFiles));
        services.AddSingleton(sp => new QueryExpansion(sp.GetRequiredService<TerminologyMap>()));
        // Derived from all papers and rebuilt in the background when they change, never inside a request.
        services.AddSingleton(sp => new PaperDerivative<CatalogLists>(sp.GetRequiredService<PaperStore>(), papers => new CatalogLists(papers)));
        services.AddSingleton(sp => new SegmentCompactor(sp.GetRequiredService<PaperStore>(),
            e => sp.GetRequiredService<ILogger<SegmentCompactor>>().LogWarning("Merging index segments failed: {Reason}", e.Message)));
        services.AddSingleton(sp => new PaperDerivative<LoanwordIndex>(sp.GetRequiredService<PaperStore>(), papers => LoanwordIndex.Build(papers)));
        services.AddSingleton(KeywordExpansion);
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<PaperStore>();
            // The tag spellings come from the same walk over the papers as the tag list.
            var lists = sp.GetRequiredService<PaperDerivative<CatalogLists>>();
            return new KeywordSearcher(store.Index, sp.GetRequiredService<ITermExpander>(), tagSpellings: () => lists.Current.TagSpellings, papers: store.Find);
        });
        services.AddSingleton(sp => new PaperWriter(sp.GetRequiredService<PaperStore>(),
            IndexPaths.ApiRecords(sp.GetRequiredService<IOptions<IndexOptions>>().Value)));
        services.AddHostedService<IngestionWorker>();
        services.AddHostedService<DerivedWarmUp>();
        // One instance: the hosted service, and /health asks it whether the warm-up is still to run.
        services.AddSingleton<RequestWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestWarmUp>());
        services.AddSemanticSearch();

        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<NotesOptions>().BindConfiguration(NotesOptions.Section);
        services.AddWriteRateLimit();
        services.AddSingleton<PaperBudget>();

        services.AddProblemDetails();
        // A body over Kestrel's limit or a malformed request is the client's fault: say so with its status, not a 500.
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        services.AddApiReference();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Hangul as itself, not \uXXXX: the default escapes every non-ASCII character (a keyword page 10.1 -> 8.3 KB,
            // 16 -> 12.5 µs to write; UnicodeRanges.All would be as slow as the default). The relaxed encoder
            // also leaves < > & as they are: answers are application/json, never inlined into HTML, and the snippets'
            // text is HTML-escaped already (HtmlText), with <mark> as the only markup.
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        return services;
    }

    /// <summary>The dictionary, plus loanword matching when <see cref="IndexOptions.LoanwordWeight"/> is above 0 (its index then built as papers change).</summary>
    private static ITermExpander KeywordExpansion(IServiceProvider sp)
    {
        var dictionary = sp.GetRequiredService<QueryExpansion>();
        var weight = sp.GetRequiredService<IOptions<IndexOptions>>().Value.LoanwordWeight;
        if (weight <= 0) return dictionary;
        var loanwords = sp.GetRequiredService<PaperDerivative<LoanwordIndex>>();
        return new LoanwordExpansion(dictionary, () => loanwords.Current, weight);
    }
}
