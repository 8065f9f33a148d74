using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Store;

namespace SearchService.Api.Apis;

/// <summary>The ProblemDetails responses the endpoints give, so every error reads the same way.</summary>
public static class Problems
{
    /// <summary>400: a validation ProblemDetails naming each bad parameter, with all messages in <c>detail</c>.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    public static ProblemHttpResult PaperNotFound(string id) =>
        TypedResults.Problem($"No paper has the id, arXiv id or note name '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    /// <summary>507 when the disk is full, else 503: the write was undone and can be sent again once the storage is fixed.</summary>
    public static ProblemHttpResult Storage(StorageException e) => e.DiskFull
        ? TypedResults.Problem($"{e.Message} Nothing of this write was kept; free space and send it again.",
            statusCode: StatusCodes.Status507InsufficientStorage, title: "Insufficient Storage")
        : TypedResults.Problem($"{e.Message} Nothing of this write was kept; reads go on from the last commit.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");

    /// <summary>429: the client's budget of papers is spent (<c>Api:PapersPerSecond</c>).</summary>
    public static ProblemHttpResult TooManyPapers(HttpContext http, int papers)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem($"This write creates {papers} papers, more than are left in this second's budget (Api:PapersPerSecond); nothing was stored. Wait and try again.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests");
    }
}
