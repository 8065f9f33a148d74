using Scalar.AspNetCore;

namespace SearchService.Api.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the interactive reference over it at <c>/docs</c>.</summary>
public static class ApiReference
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddOperationTransformer<OpenApiExamples>());

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        // Scalar serves its script from the package; its default fonts come from a CDN, so they are off and the
        // page works with no internet. No telemetry leaves a user's machine either.
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("SearchService API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
