using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// Creates the structures derived from all papers (and the segment merger) at start-up, so their first build runs beside the ingest
/// rather than inside the first request that needs one.
/// </summary>
public sealed class DerivedWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PaperDerivative<CatalogLists>>();
        // Starts the loanword index's first build when loanword matching is on.
        services.GetRequiredService<ITermExpander>();
        services.GetRequiredService<RelatedPapers>();
        // An index left in many segments by an earlier run is merged now; later writes schedule their own merge.
        services.GetRequiredService<SegmentCompactor>().Schedule();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Completes once every derived structure reflects the papers as they are now (tests wait on it).</summary>
    public static async Task WhenCurrentAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<PaperDerivative<CatalogLists>>().WhenCurrentAsync(ct);
        await services.GetRequiredService<RelatedPapers>().WhenCurrentAsync(ct);
    }
}
