using Microsoft.AspNetCore.Http.HttpResults;

namespace SearchService.Api.Apis;

/// <summary>The 400 every endpoint gives for bad input: a validation ProblemDetails naming each bad parameter.</summary>
public static class ValidationProblems
{
    public static ValidationProblem For(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));
}
