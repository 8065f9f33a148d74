using SearchService.Core.Ingestion;

namespace SearchService.Api.Apis;

/// <summary>What <c>GET /health</c> reports.</summary>
public sealed record HealthReport(string Status, int Documents, int Files, int Warnings, DateTimeOffset? LastIngest, double? LastIngestSeconds);

/// <summary><c>GET /health</c>: whether the first ingest is done, and how much is indexed.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName("Health").WithSummary("Index status and size").WithTags("Health");
        return app;
    }

    public static HealthReport Health(PaperStore store, CorpusIngestor ingestor)
    {
        var progress = ingestor.Progress;
        var status = progress.Running || progress.LastIngest is null ? "indexing" : "ready";
        return new HealthReport(status, store.PaperCount, store.FileCount, store.WarningCount, progress.LastIngest, progress.LastDuration?.TotalSeconds);
    }
}
