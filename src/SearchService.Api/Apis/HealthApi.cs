using SearchService.Api.Hosting;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary>
/// What <c>GET /health</c> reports. <see cref="Embedded"/> of <see cref="Documents"/> papers have vectors;
/// <see cref="Semantic"/> is "ready", "embedding", "loading", "off" (turned off) or "unavailable" (the model did not load
/// or the embedding worker failed). <see cref="Status"/> is "degraded" when writes cannot be saved; <see cref="Problems"/> says why.
/// </summary>
public sealed record HealthReport(
    string Status, int Documents, int Files, int Warnings, DateTimeOffset? LastIngest, double? LastIngestSeconds,
    string Semantic, int Embedded, IReadOnlyList<string>? Problems = null);

/// <summary><c>GET /health</c>: whether the first ingest is done, and how much is indexed and embedded.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName("Health").WithSummary("Index status and size").WithTags("Health");
        return app;
    }

    public static HealthReport Health(PaperStore store, CorpusIngestor ingestor, SemanticServices semantic)
    {
        var progress = ingestor.Progress;
        var status = store.StorageFault is not null ? "degraded" : progress.Running || progress.LastIngest is null ? "indexing" : "ready";
        IReadOnlyList<string> problems = new[] { store.StorageFault, semantic.Problem }.OfType<string>().ToList();
        var documents = store.PaperCount;
        var embedded = semantic.Vectors?.Embedded ?? 0;
        var semanticStatus = semantic.Status switch
        {
            "loaded" when embedded < documents => "embedding",
            "loaded" => "ready",
            var other => other,
        };
        return new HealthReport(status, documents, store.FileCount, store.WarningCount, progress.LastIngest,
            progress.LastDuration?.TotalSeconds, semanticStatus, embedded, problems.Count > 0 ? problems : null);
    }
}
