using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Hosting;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary>
/// <c>POST /papers</c>, <c>DELETE /papers/{id}</c> and <c>POST /ingest</c>: writes, behind the API key and
/// the write rate limit. Each write is committed and searchable before its response.
/// </summary>
public static class WriteApi
{
    public const string RateLimitPolicy = "writes";
    private static readonly string[] TextTypes = ["text/plain", "text/markdown"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapWriteApi(this IEndpointRouteBuilder app)
    {
        var writes = app.MapGroup("").WithTags("Writes").RequireApiKey().RequireRateLimiting(RateLimitPolicy);
        writes.MapPost("/papers", UpsertPaper)
            .Accepts<PaperInput>("application/json")
            .WithName("UpsertPaper").WithSummary("Add or replace a paper (upsert by id)")
            .WithDescription("A paper as JSON; only a title (or an id) is required. The id defaults to the arXiv id of `url`, else a slug of the title. " +
                "The write is committed and searchable before the response returns. Needs the API key (`X-Api-Key` or `Authorization: Bearer`); " +
                "401 without it, 413 over Api:MaxBodyBytes, 429 over Api:WritesPerSecond.");
        writes.MapDelete("/papers/{id}", DeletePaper)
            .WithName("DeletePaper").WithSummary("Delete a paper written through the API")
            .WithDescription("204 when deleted, 404 when there is no such paper, 409 when a corpus file holds it (edit or delete the file instead: the watcher would bring the paper back). Needs the API key.");
        writes.MapPost("/ingest", Ingest)
            .Accepts<string>("text/plain", "text/markdown")
            .WithName("Ingest").WithSummary("Parse a raw digest or note and store its papers")
            .WithDescription("The body is a digest or a vault note as `text/plain` or `text/markdown`, parsed as if it were a file named `name`. " +
                "The response lists the papers created or updated and the parse warnings. Needs the API key.");
        return app;
    }

    public static async Task<Results<Ok<WriteResult>, ValidationProblem, ProblemHttpResult>> UpsertPaper(
        HttpRequest request, PaperWriter writer, PaperBudget budget, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxBodyBytes;
        var body = await RequestBody.ReadTextAsync(request, max, ct);
        if (body is null) return (ProblemHttpResult)RequestBody.TooLarge(max);
        PaperInput? input;
        try
        {
            input = JsonSerializer.Deserialize<PaperInput>(body, Json);
        }
        catch (JsonException e)
        {
            return Problems.Invalid(new() { ["body"] = [$"The body is not a paper in JSON: {e.Message}"] });
        }
        if (input is null) return Problems.Invalid(new() { ["body"] = ["The body is empty; send a paper as JSON."] });
        var errors = input.Validate();
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (!budget.TryTake(request.HttpContext, 1)) return Problems.TooManyPapers(request.HttpContext, 1);
        try { return TypedResults.Ok(writer.Upsert(input.ToPaper())); }
        catch (StorageException e) { return Problems.Storage(e); }
    }

    public static Results<NoContent, ProblemHttpResult> DeletePaper(
        [Description("Paper id, arXiv id, or note name")] string id, PaperWriter writer)
    {
        try
        {
            return writer.Delete(id)
                ? TypedResults.NoContent()
                : Problems.PaperNotFound(id);
        }
        catch (PaperHeldByCorpusException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }
        catch (StorageException e)
        {
            return Problems.Storage(e);
        }
    }

    public static async Task<Results<Ok<WriteResult>, ValidationProblem, ProblemHttpResult>> Ingest(
        HttpRequest request,
        [Description("File name the text would have, e.g. '241025 Mixture of Parrots.md' (gives the note name and date)")] string? name,
        PaperWriter writer, PaperBudget budget, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? "";
        if (!TextTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            return TypedResults.Problem($"Send the note as text/plain or text/markdown, not '{mediaType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type");
        if (name is { } n && (n.Length > 200 || n.IndexOfAny(['/', '\\']) >= 0 || n.Any(char.IsControl)))
            return Problems.Invalid(new() { ["name"] = ["A file name of at most 200 characters, without '/' or '\\'."] });
        var max = options.Value.MaxBodyBytes;
        var text = await RequestBody.ReadTextAsync(request, max, ct);
        if (text is null) return (ProblemHttpResult)RequestBody.TooLarge(max);
        if (string.IsNullOrWhiteSpace(text)) return Problems.Invalid(new() { ["body"] = ["The body is empty; send a digest or a note."] });
        var fileName = string.IsNullOrWhiteSpace(name) ? $"ingest-{DateTime.UtcNow:yyyyMMddHHmmssfff}.md" : name.Trim();
        // Parsed before anything is stored, so a text over the cap or the budget stores nothing.
        var parsed = PaperWriter.Parse(text, fileName);
        if (parsed.Papers.Count > budget.MaxPerRequest)
            return Problems.Invalid(new() { ["body"] = [$"The text holds {parsed.Papers.Count} papers; one request may create at most {budget.MaxPerRequest} (Api:MaxPapersPerIngest). Split it."] });
        if (!budget.TryTake(request.HttpContext, parsed.Papers.Count)) return Problems.TooManyPapers(request.HttpContext, parsed.Papers.Count);
        try { return TypedResults.Ok(writer.Ingest(parsed)); }
        catch (StorageException e) { return Problems.Storage(e); }
    }
}
