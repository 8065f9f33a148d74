using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Hosting;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary><c>GET /authors</c> and <c>GET /tags</c>: names with paper counts, for autocompletion.</summary>
public static class CatalogApi
{
    private const int MaxPrefix = 200;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("").WithTags("Catalog").RequireApiKeyWhenReadsAreProtected();
        catalog.MapGet("/authors", Authors).WithName("ListAuthors").WithSummary("Authors with paper counts")
            .WithDescription("Authors whose name, or any part of it, starts with `prefix` (accents and case ignored), most papers first: for autocompletion. Without a prefix, the most frequent authors.");
        catalog.MapGet("/tags", Tags).WithName("ListTags").WithSummary("Tags with paper counts, spellings merged")
            .WithDescription("Tags starting with `prefix`, most papers first, with the spellings that were merged into each (#long-context, #long_context, #LongContext are one tag). Without a prefix, the most frequent tags.");
        return app;
    }

    public static Results<Ok<IReadOnlyList<FacetValue>>, ValidationProblem> Authors(
        [Description("Start of a first or last name; accents and case ignored")] string? prefix,
        [Description("At most this many, 1-1000 (default 50)")] int? limit, PaperDerivative<CatalogLists> lists) =>
        Validate(prefix, limit) is { } errors
            ? Problems.Invalid(errors)
            : TypedResults.Ok(lists.Current.Authors(prefix, limit ?? 50));

    public static Results<Ok<IReadOnlyList<TagCount>>, ValidationProblem> Tags(
        [Description("Start of a tag, any spelling")] string? prefix,
        [Description("At most this many, 1-1000 (default 50)")] int? limit, PaperDerivative<CatalogLists> lists) =>
        Validate(prefix, limit) is { } errors
            ? Problems.Invalid(errors)
            : TypedResults.Ok(lists.Current.Tags(prefix, limit ?? 50));

    private static Dictionary<string, string[]>? Validate(string? prefix, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (prefix?.Length > MaxPrefix) errors["prefix"] = [$"At most {MaxPrefix} characters."];
        if (limit is < 1 or > 1000) errors["limit"] = ["'limit' must be from 1 to 1000."];
        return errors.Count > 0 ? errors : null;
    }
}
