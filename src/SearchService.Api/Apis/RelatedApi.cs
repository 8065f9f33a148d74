using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Hosting;
using SearchService.Core.Related;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary>The result of a related-paper lookup, in the shape of <c>/search</c> results with <c>reasons</c> on each.</summary>
public sealed record RelatedResponse(IReadOnlyList<SearchHit> Results)
{
    public static RelatedResponse Of(IEnumerable<RelatedPaper> related) =>
        new(related.Select(r => SearchHit.From(r.Paper, (float)r.Score, reasons: r.Reasons)).ToList());
}

/// <summary>The body of <c>POST /related</c> as JSON.</summary>
public sealed record RelatedText([property: Description("Any text: an abstract, a draft, a note")] string? Text);

/// <summary><c>GET /papers/{id}/related</c> and <c>POST /related</c>: papers related to a paper or to any text.</summary>
public static class RelatedApi
{
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapRelatedApi(this IEndpointRouteBuilder app)
    {
        var related = app.MapGroup("").WithTags("Related").RequireApiKeyWhenReadsAreProtected();
        related.MapGet("/papers/{id}/related", ForPaper)
            .WithName("RelatedToPaper").WithSummary("Papers related to a paper: links first, then citations, names, similar text and meaning, shared tags and authors")
            .WithDescription("Results in the shape of /search results, each with `reasons` saying why it is related " +
                "(`linked`, `cited`, `mentioned`, `similar-text`, `similar-meaning`, `shared-tags`, `shared-authors`). " +
                "Similar meaning needs the vectors (GET /health `semantic`); the other reasons work without them. 404 for an unknown paper.");
        related.MapPost("/related", ForText)
            .Accepts<RelatedText>("application/json", "text/plain")
            .WithName("RelatedToText").WithSummary("Papers related to any text (paste an abstract)")
            .WithDescription("Send the text as `text/plain`, or as JSON `{\"text\": \"...\"}`. Papers are ranked by similar words " +
                "and, once the vectors are ready, similar meaning; each result has `reasons`. The body is capped by Api:MaxBodyBytes (413 over it).");
        return app;
    }

    public static Results<Ok<RelatedResponse>, ProblemHttpResult, ValidationProblem> ForPaper(
        [Description("Paper id, arXiv id, or note name")] string id,
        [Description("Results, 1-100 (default 10)")] int? limit, PaperStore store, RelatedPapers related)
    {
        if (limit is < 1 or > MaxLimit) return Problems.Invalid(new() { ["limit"] = [$"'limit' must be from 1 to {MaxLimit}."] });
        var paper = store.Find(id);
        if (paper is null) return Problems.PaperNotFound(id);
        return TypedResults.Ok(RelatedResponse.Of(related.For(paper, limit ?? 10)));
    }

    public static async Task<Results<Ok<RelatedResponse>, ValidationProblem, ProblemHttpResult>> ForText(
        HttpRequest request, [Description("Results, 1-100 (default 10)")] int? limit,
        RelatedPapers related, IOptions<ApiOptions> options, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Problems.Invalid(new() { ["limit"] = [$"'limit' must be from 1 to {MaxLimit}."] });
        var max = options.Value.MaxBodyBytes;
        var body = await RequestBody.ReadTextAsync(request, max, ct);
        if (body is null) return (ProblemHttpResult)RequestBody.TooLarge(max);
        var text = body;
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { text = JsonSerializer.Deserialize<RelatedText>(body, JsonSerializerOptions.Web)?.Text ?? ""; }
            catch (JsonException e) { return Problems.Invalid(new() { ["body"] = [$"Expected {{\"text\": \"...\"}}: {e.Message}"] }); }
        }
        if (string.IsNullOrWhiteSpace(text)) return Problems.Invalid(new() { ["text"] = ["Send some text to find related papers for."] });
        return TypedResults.Ok(RelatedResponse.Of(related.ForText(text, limit ?? 10)));
    }
}
