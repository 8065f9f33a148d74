using System.ComponentModel;
using SearchService.Api.Hosting;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary>
/// What <c>GET /health</c> reports. Two readinesses, because keyword search is ready in seconds and
/// embeddings take minutes: <see cref="Status"/> is about the keyword index, <see cref="Semantic"/> about
/// the vectors. A start over an index that an earlier pass completed serves it at once ("checking") while the
/// pass compares it with the corpus folders; only a first ingest is "indexing" (the index is partial). A client
/// that needs semantic or hybrid search waits for <c>semantic: "ready"</c>.
/// <see cref="Status"/> is "degraded" when writes cannot be saved; <see cref="Problems"/> says why.
/// </summary>
public sealed record HealthReport(
    [property: Description("Keyword index: \"indexing\" while the first pass over the corpus folders builds it (searches see what is indexed so far); \"checking\" while a pass compares a whole index (from a restart, or a rescan) with the folders (searches see all of it; changes made to the folders meanwhile are being picked up); \"warming\" when in step with the folders while the service sends itself a few seconds of searches after a start, so that its code is fully compiled before users arrive (searches answer meanwhile; Api:WarmUpSeconds=0 turns it off); \"ready\" when in step with the folders and warm; \"degraded\" when writes cannot be saved (see problems).")] string Status,
    [property: Description("Papers in the index.")] int Documents,
    [property: Description("Corpus files indexed (API writes not counted).")] int Files,
    [property: Description("Parse warnings over all files; GET /warnings lists them.")] int Warnings,
    [property: Description("When the last pass over the corpus folders finished (one of an earlier start while status is \"checking\" the first time).")] DateTimeOffset? LastIngest,
    [property: Description("How long that pass took, in seconds.")] double? LastIngestSeconds,
    [property: Description("Vectors: \"ready\", \"embedding\" (being computed; semantic search answers from keywords until then), \"loading\" (the model), \"off\" (Semantic:Enabled=false) or \"unavailable\" (the model did not load).")] string Semantic,
    [property: Description("Papers that have vectors.")] int Embedded,
    [property: Description("Files the running (or last) pass over the corpus folders has read so far.")] int FilesSeen = 0,
    [property: Description("Note and digest files that pass found: filesSeen of filesTotal is keyword indexing progress.")] int FilesTotal = 0,
    [property: Description("Papers that will have vectors when embedding is done (0 when semantic search is off or unavailable): embedded of embeddingTotal is embedding progress.")] int EmbeddingTotal = 0,
    [property: Description("What is wrong when status is \"degraded\" or semantic search failed; absent when all is well.")] IReadOnlyList<string>? Problems = null);

/// <summary><c>GET /health</c>: whether the first ingest is done, and how much is indexed and embedded.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName("Health").WithSummary("Index status and size").WithTags("Health")
            .WithDescription("Keyword indexing and embedding progress. `status` turns `ready` when a pass over the corpus " +
                "folders is done: before that it is `indexing` on a first ingest (keyword search answers over what is indexed so far) " +
                "or `checking` on a start over an index an earlier pass completed (keyword search answers over all of it); `semantic` turns `ready` " +
                "when every paper has its vectors. Progress: `filesSeen` of `filesTotal`, `embedded` of `embeddingTotal`.");
        return app;
    }

    public static HealthReport Health(PaperStore store, CorpusIngestor ingestor, SemanticServices semantic, RequestWarmUp? warmUp = null)
    {
        var progress = ingestor.Progress;
        var status = store.StorageFault is not null ? "degraded" : KeywordStatus(progress, warmUp?.Pending ?? false);
        IReadOnlyList<string> problems = new[] { store.StorageFault, semantic.Problem }.OfType<string>().ToList();
        var documents = store.PaperCount;
        var vectors = semantic.Vectors;
        var embedded = vectors?.Embedded ?? 0;
        var semanticStatus = semantic.Status switch
        {
            // Not ready until a pass has finished: before it, a paper's vector may be stale or missing.
            "loaded" when embedded < documents || vectors?.Progress is { Synced: false } or { Running: true } => "embedding",
            "loaded" => "ready",
            var other => other,
        };
        var embeddingTotal = semantic.Status is "loading" or "loaded" ? documents : 0;
        return new HealthReport(status, documents, store.FileCount, store.WarningCount, progress.LastIngest,
            progress.LastDuration?.TotalSeconds, semanticStatus, embedded, progress.FilesSeen, progress.FilesTotal, embeddingTotal,
            problems.Count > 0 ? problems : null);
    }

    /// <summary>
    /// "ready" once a pass of this process is done and none runs, and the warm-up after start has run ("warming" until then);
    /// "checking" while the index is whole but being compared; else "indexing".
    /// </summary>
    private static string KeywordStatus(IngestProgress progress, bool warming) =>
        progress is { FinishedInThisProcess: true, Running: false } ? (warming ? "warming" : "ready")
        : progress.LastIngest is not null ? "checking"
        : "indexing";
}
