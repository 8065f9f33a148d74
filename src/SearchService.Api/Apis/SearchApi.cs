using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Hosting;
using SearchService.Core.Search;

namespace SearchService.Api.Apis;

/// <summary><c>GET /search</c>: ranked papers with facets and highlights.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Search papers by words, author, tag and date")
            .WithDescription("Ranked papers with highlights and facet counts (tags, years, authors) over every match. " +
                "Words may be Korean, English or both; Korean is stemmed and expanded with English field terms. `q` is not a " +
                "Lucene query: wildcards, `~`, `^` and `AND`/`OR` are plain text. Without `q`, filters alone list papers newest first. " +
                "`semantic` and `hybrid` answer from keywords until the vectors are ready (see GET /health) and say so in `warnings`. " +
                "Unknown parameters and unknown field prefixes are refused with a 400 naming them.")
            .WithTags("Search")
            .RequireApiKeyWhenReadsAreProtected();
        return app;
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> Search(
        [AsParameters] SearchParameters parameters, HttpRequest http, SearchEngine engine)
    {
        var request = SearchRequestReader.Read(parameters, http.Query, out var errors);
        if (request is null) return Problems.Invalid(errors);
        try
        {
            return TypedResults.Ok(await engine.SearchAsync(request));
        }
        catch (QuerySyntaxException e)
        {
            return Problems.Invalid(new() { ["q"] = [e.Message] });
        }
        catch (Lucene.Net.Search.BooleanQuery.TooManyClausesException)
        {
            // Every request's clause count is bounded by Lucene's 1,024; a query over it is the client's to shorten.
            return Problems.Invalid(new() { ["q"] = ["The query expands to too many terms; use fewer words, tags or authors."] });
        }
    }
}
