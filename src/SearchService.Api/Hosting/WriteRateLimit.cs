using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SearchService.Api.Apis;

namespace SearchService.Api.Hosting;

/// <summary>
/// A token bucket per client address, shared by all write endpoints: each write commits to disk, so a flood
/// of writes would starve searches, and one busy client must not use up another's writes. Rejected writes
/// get 429 with a ProblemDetails and a Retry-After header.
/// </summary>
public static class WriteRateLimit
{
    public static IServiceCollection AddWriteRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WriteApi.RateLimitPolicy, http =>
            {
                var perSecond = Math.Max(1, http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.WritesPerSecond);
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 2 * perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem("Too many writes; wait a second and try again (Api:WritesPerSecond).",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
