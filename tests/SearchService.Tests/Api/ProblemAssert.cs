using System.Net;

namespace SearchService.Tests.Api;

/// <summary>Checks that a response is an error of the expected status carried as ProblemDetails.</summary>
public static class ProblemAssert
{
    public static void Is(HttpStatusCode expected, HttpResponseMessage response)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
