using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using SearchService.Api.Apis;
using SearchService.Core.Analysis.Terminology;
using HealthReport = SearchService.Client.HealthReport;
using SearchService.Client;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using CoreWarnings = SearchService.Core.Store.WarningReport;

namespace SearchService.Cli.Backends;

/// <summary>Answers read commands from an index folder in this process, with the same checks and shapes as the HTTP API.</summary>
public sealed class LocalBackend(LocalIndex index) : IBackend
{
    // The API's JSON settings: converting Core records through them gives exactly what --url would receive.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parameters = new SearchParameters(query.Q, [.. query.Authors], [.. query.Tags], query.From, query.To, query.Sort, query.Mode,
            query.Limit?.ToString(), query.Offset?.ToString());
        var request = SearchRequestReader.Read(parameters, new QueryCollection(), out var errors)
            ?? throw new CliError(string.Join(" ", errors.Values.SelectMany(v => v)), ExitCodes.Usage);
        // Like the service: hybrid once vectors exist, keywords before; the model loads only when it is wanted.
        var wantsMeaning = request.Mode is SearchMode.Semantic or SearchMode.Hybrid || (request.Mode is null && index.HasVectors);
        SemanticSearcher? semantic = null;
        if (wantsMeaning && index.Vectors() is { } vectors)
        {
            await vectors.SyncAsync(ct);
            semantic = new SemanticSearcher(vectors, new TermTranslator(index.Expansion), new SemanticOptions());
        }
        var engine = new SearchEngine(new KeywordSearcher(index.Store.Index, index.Expansion), index.Store, () => semantic, new SemanticOptions());
        try
        {
            return As<SearchResults>(engine.Search(request));
        }
        catch (QuerySyntaxException e)
        {
            throw new CliError(e.Message, ExitCodes.Usage);
        }
    }

    public async Task<RelatedResults?> RelatedAsync(string idOrNoteName, int limit, CancellationToken ct)
    {
        if (index.Store.Find(idOrNoteName) is not { } paper) return null;
        var vectors = index.HasVectors ? index.Vectors() : null;
        if (vectors is not null) await vectors.SyncAsync(ct);
        var related = new RelatedPapers(index.Store, () => vectors).For(paper, limit);
        return As<RelatedResults>(RelatedResponse.Of(related));
    }

    public Task<HealthReport> StatusAsync(CancellationToken ct)
    {
        var store = index.Store;
        // Nothing runs here, so the index is as ready as it gets; vectors are reported as stored or not, unchecked.
        return Task.FromResult(new HealthReport("ready", store.PaperCount, store.FileCount, store.WarningCount, null, null,
            index.HasVectors ? "stored" : "none", 0, store.FileCount, store.FileCount, 0));
    }

    public Task<WarningReport> WarningsAsync(string? code, int limit, int offset, CancellationToken ct) =>
        Task.FromResult(As<WarningReport>(CoreWarnings.Build(index.Store.Warnings(), code, offset, limit)));

    private static T As<T>(object core) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToElement(core, Json), Json)!;

    public ValueTask DisposeAsync()
    {
        index.Dispose();
        return ValueTask.CompletedTask;
    }
}
