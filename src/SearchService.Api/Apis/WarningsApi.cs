using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Hosting;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary><c>GET /warnings</c>: what the parsers found odd in the notes, by file, so the notes can be fixed.</summary>
public static class WarningsApi
{
    public const int MaxLimit = 1000;
    public const int MaxOffset = 100_000;

    public static IEndpointRouteBuilder MapWarningsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/warnings", Warnings)
            .WithName("ListWarnings").WithSummary("Parse warnings by file, with their codes").WithTags("Health")
            .WithDescription("The warnings the parsers gave, grouped by file (path relative to its corpus folder) and sorted " +
                "by path; paging is over files. `codes` counts every warning by code, whatever the filter, so it also " +
                "lists the codes to filter by; `total` and `totalFiles` count what matches `code`.")
            .RequireApiKeyWhenReadsAreProtected();
        return app;
    }

    public static Results<Ok<WarningReport>, ValidationProblem> Warnings(
        [Description("Only warnings with this code, e.g. missing-authors (case ignored)")] string? code,
        [Description("Files per page, 1-1000 (default 50)")] int? limit,
        [Description("Files to skip, 0-100000 (default 0)")] int? offset,
        PaperStore store)
    {
        var errors = new Dictionary<string, string[]>();
        if (code?.Length > 100) errors["code"] = ["At most 100 characters."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"'limit' must be from 1 to {MaxLimit}."];
        if (offset is < 0 or > MaxOffset) errors["offset"] = [$"'offset' must be from 0 to {MaxOffset}."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(WarningReport.Build(store.Warnings(), code?.Trim(), offset ?? 0, limit ?? 50));
    }
}
