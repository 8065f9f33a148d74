using Microsoft.AspNetCore.Mvc;

namespace SearchService.Api.Apis;

/// <summary>ProblemDetails for results that carry a body (404s), so every error reads the same way.</summary>
public sealed class ProblemDetailsBody : ProblemDetails
{
    public static ProblemDetailsBody NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not Found",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Detail = detail,
    };
}
