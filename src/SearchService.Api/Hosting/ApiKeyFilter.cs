using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Hosting;

/// <summary>
/// The API-key check: writes always need the configured key; reads need it only when
/// <see cref="ApiOptions.ProtectReads"/> is set. A request without a valid key gets a 401 ProblemDetails saying what is missing.
/// </summary>
public static class ApiKeyFilter
{
    public const string Header = "X-Api-Key";

    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => Check(context, next, forReads: false));

    public static TBuilder RequireApiKeyWhenReadsAreProtected<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => Check(context, next, forReads: true));

    private static ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool forReads)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (forReads && !options.ProtectReads) return next(context);
        var expected = options.Key;
        if (string.IsNullOrEmpty(expected))
            return Unauthorized(http, "No API key is configured (set Api:Key), so this endpoint is closed.");
        var given = Presented(http.Request);
        if (given is null)
            return Unauthorized(http, $"This endpoint needs the API key in the {Header} header or as a Bearer token.");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return Unauthorized(http, "The API key is not valid.");
        return next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var key) && !string.IsNullOrEmpty(key)) return key.ToString();
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
    }

    private static ValueTask<object?> Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"));
    }
}
