using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Hosting;

/// <summary>
/// The second half of the write limit: a token bucket of papers per client address. The request limit
/// (<see cref="WriteRateLimit"/>) counts requests; this counts what they create, so one <c>/ingest</c> of a
/// digest with thousands of entries costs as much as thousands of single writes.
/// </summary>
public sealed class PaperBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> buckets;

    /// <summary>Most papers one request may create: the configured cap, and never more than a full bucket.</summary>
    public int MaxPerRequest { get; }

    public PaperBudget(IOptions<ApiOptions> options)
    {
        var perSecond = Math.Max(1, options.Value.PapersPerSecond);
        MaxPerRequest = Math.Clamp(options.Value.MaxPapersPerIngest, 1, 2 * perSecond);
        buckets = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2 * perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes <paramref name="papers"/> from the client's bucket; false (and nothing taken) when it holds fewer.</summary>
    public bool TryTake(HttpContext http, int papers)
    {
        if (papers <= 0) return true;
        using var lease = buckets.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", Math.Min(papers, MaxPerRequest));
        return lease.IsAcquired;
    }

    public void Dispose() => buckets.Dispose();
}
