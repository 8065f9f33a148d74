using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Hosting;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary><c>GET /papers/{id}</c>: one whole paper record.</summary>
public static class PapersApi
{
    public static IEndpointRouteBuilder MapPapersApi(this IEndpointRouteBuilder app)
    {
        var papers = app.MapGroup("/papers").WithTags("Papers").RequireApiKeyWhenReadsAreProtected();
        papers.MapGet("/{id}", GetPaper)
            .WithName("GetPaper")
            .WithSummary("A paper by its id, its arXiv id or a note name (file name without extension)")
            .WithDescription("The whole record: title, authors, abstract, Korean and English commentary, tags, date, URL, " +
                "the note names it links to, and its sources (files relative to their corpus folder). " +
                "An arXiv id may carry a version or an `arXiv:` prefix. 404 when nothing matches.");
        return app;
    }

    public static Results<Ok<Paper>, ProblemHttpResult> GetPaper(
        [Description("Paper id, arXiv id, or note name")] string id, PaperStore store) =>
        store.Find(id) is { } paper
            ? TypedResults.Ok(paper)
            : Problems.PaperNotFound(id);
}
