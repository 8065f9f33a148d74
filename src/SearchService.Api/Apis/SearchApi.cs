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
            .WithTags("Search")
            .RequireApiKeyWhenReadsAreProtected();
        return app;
    }

    public static Results<Ok<SearchResponse>, ValidationProblem> Search(
        [AsParameters] SearchParameters parameters, HttpRequest http, SearchEngine engine)
    {
        var request = SearchRequestReader.Read(parameters, http.Query, out var errors);
        if (request is null) return Problems.Invalid(errors);
        try
        {
            return TypedResults.Ok(engine.Search(request));
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
