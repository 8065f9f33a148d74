using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// Sends the service's own read endpoints a short stream of requests (<see cref="WarmUpRequests"/>) once the index is
/// whole after a start, through Kestrel like any client. Why: .NET compiles a method quickly first and
/// recompiles it with profile-guided optimization only after it has been called often, and under load that takes
/// seconds of requests. Measured on the real corpus (benchmarks/README.md, "Eighth pass"): the first 10 s of keyword
/// load after a start served a sixth to a half of what the same build serves warm. Only code is warmed: there is no result
/// cache to fill, and the queries are the papers' own words, not any query set.
/// Two requests at a time, one a core here; it stops after <see cref="ApiOptions.WarmUpSeconds"/> or
/// <see cref="ApiOptions.WarmUpRequests"/>, whichever comes first, and never fails the host. Until it has run,
/// <c>/health</c> says "warming" rather than "ready" (searches answer meanwhile), so a client that waits for "ready"
/// before sending load meets the optimized code.
/// </summary>
public sealed class RequestWarmUp(IServer server, IHostApplicationLifetime lifetime, PaperStore store, CorpusIngestor ingestor,
    IOptions<ApiOptions> options, ILogger<RequestWarmUp> logger) : BackgroundService
{
    private const int SamplePapers = 300;
    private const int Senders = 2;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    // Decided at construction, so /health never shows "ready" before a warm-up that is still to come. A test server
    // has no addresses feature (nothing to call): no warm-up.
    private volatile bool pending = options.Value is { WarmUpSeconds: > 0, WarmUpRequests: > 0 }
        && server.Features.Get<IServerAddressesFeature>() is not null;

    /// <summary>Whether a warm-up is still to run or running.</summary>
    public bool Pending => pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!pending) return;
        var settings = options.Value;
        try
        {
            await Started(stoppingToken);
            if (OwnAddress() is not { } address)
            {
                logger.LogInformation("Warm-up skipped: the service listens on no plain HTTP address it can call");
                return;
            }
            // A first ingest fills the index as it goes: wait until a pass has made it whole (a restart is whole at once).
            // An empty index has nothing to warm: the warm-up ends, and /health says "ready".
            while (ingestor.Progress.LastIngest is null)
                await Task.Delay(Poll, stoppingToken);
            var requests = new WarmUpRequests(store.Papers().Take(SamplePapers));
            if (requests.IsEmpty) return;
            await SendAsync(address, requests, settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Warm-up stopped: {Reason}", e.Message);
        }
        finally
        {
            pending = false;
        }
    }

    private async Task SendAsync(Uri address, WarmUpRequests requests, ApiOptions settings, CancellationToken ct)
    {
        // The time budget bounds every request too: at a million papers one search right after a start can take seconds.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(settings.WarmUpSeconds));
        using var client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        if (settings.ProtectReads && settings.Key is { } key)
            client.DefaultRequestHeaders.Add(ApiKeyFilter.Header, key);
        var clock = Stopwatch.StartNew();
        int next = -1, sent = 0, failed = 0;
        async Task Send()
        {
            int n;
            while (!budget.IsCancellationRequested && (n = Interlocked.Increment(ref next)) < settings.WarmUpRequests)
            {
                string path;
                lock (requests) path = requests.Next(n);
                try
                {
                    using var response = await client.GetAsync(path, budget.Token);
                    await response.Content.CopyToAsync(Stream.Null, budget.Token);
                    Interlocked.Increment(ref sent);
                    // A paper drawn for a lookup may have been deleted meanwhile: 404 is an answer, not a failure.
                    if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
                        Interlocked.Increment(ref failed);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The budget ran out during this request: it is not counted.
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Send()));
        logger.LogInformation("Warm-up: {Sent} requests to {Address} in {Seconds:F1} s ({Failed} failed)", sent, address, clock.Elapsed.TotalSeconds, failed);
    }

    private Task Started(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }

    /// <summary>The first plain HTTP address Kestrel listens on, with a wildcard host turned into loopback; null under a test server or HTTPS only.</summary>
    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var text in addresses)
        {
            var binding = BindingAddress.Parse(text);
            if (binding.IsUnixPipe || !binding.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase)) continue;
            var host = binding.Host switch
            {
                "+" or "*" or "0.0.0.0" or "localhost" => "127.0.0.1",
                "[::]" => "[::1]",
                var named => named,
            };
            return new Uri($"http://{host}:{binding.Port}");
        }
        return null;
    }
}
