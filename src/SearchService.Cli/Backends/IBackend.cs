using SearchService.Client;

namespace SearchService.Cli.Backends;

/// <summary>
/// Where a read command gets its answers: a running service (<c>--url</c>) or an index folder opened in this
/// process (<c>--data</c>). Both answer in the client's types, so the commands print them the same way.
/// </summary>
public interface IBackend : IAsyncDisposable
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);
    /// <summary>Related papers, or null when there is no such paper.</summary>
    Task<RelatedResults?> RelatedAsync(string idOrNoteName, int limit, CancellationToken ct);
    Task<HealthReport> StatusAsync(CancellationToken ct);
    Task<WarningReport> WarningsAsync(string? code, int limit, int offset, CancellationToken ct);
}
