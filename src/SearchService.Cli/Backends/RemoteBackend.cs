using System.Net;
using System.Net.Sockets;
using SearchService.Client;

namespace SearchService.Cli.Backends;

/// <summary>A running service, through the typed client. Turns connection failures and error answers into one-line messages.</summary>
public sealed class RemoteBackend(HttpClient http, string? apiKey) : IBackend
{
    private readonly SearchServiceClient client = new(http, apiKey);

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct) => Call(() => client.SearchAsync(query, ct));

    public Task<RelatedResults?> RelatedAsync(string idOrNoteName, int limit, CancellationToken ct) => Call(async () =>
    {
        try { return await client.RelatedAsync(idOrNoteName, limit, ct); }
        catch (SearchServiceException e) when (e.Status == HttpStatusCode.NotFound) { return (RelatedResults?)null; }
    });

    public Task<HealthReport> StatusAsync(CancellationToken ct) => Call(() => client.HealthAsync(ct));

    public Task<WarningReport> WarningsAsync(string? code, int limit, int offset, CancellationToken ct) =>
        Call(() => client.WarningsAsync(code, limit, offset, ct));

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new CliError($"cannot reach the service at {http.BaseAddress}: {e.Message.TrimEnd('.')}. Start it with `searchservice serve`, or read an index folder with --data.");
        }
        catch (SearchServiceException e)
        {
            // A 400 means the command line asked for something the service refuses: a usage error.
            var message = e.Errors.Count > 0 ? string.Join(" ", e.Errors.Values.SelectMany(v => v)) : e.Detail ?? e.Title;
            throw e.Status == HttpStatusCode.BadRequest
                ? new CliError(message, ExitCodes.Usage)
                : new CliError($"{(int)e.Status} {e.Title}: {message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
