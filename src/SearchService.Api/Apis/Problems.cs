using Microsoft.AspNetCore.Http.HttpResults;

namespace SearchService.Api.Apis;

/// <summary>The ProblemDetails responses the endpoints give, so every error reads the same way.</summary>
public static class Problems
{
    /// <summary>400: a validation ProblemDetails naming each bad parameter, with all messages in <c>detail</c>.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    public static ProblemHttpResult PaperNotFound(string id) =>
        TypedResults.Problem($"No paper has the id, arXiv id or note name '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
}
