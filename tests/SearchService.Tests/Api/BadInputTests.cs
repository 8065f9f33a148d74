using System.Net;
using System.Text.Json;

namespace SearchService.Tests.Api;

public sealed class BadInputTests(SearchServiceApp app) : IClassFixture<SearchServiceApp>
{
    public static TheoryData<string> BadSearches => new()
    {
        "q=%22unbalanced",
        "q=-",
        "q=deep%20-",
        "q=" + new string('a', 10 * 1024),
        "limit=-1",
        "limit=0",
        "limit=101",
        "limit=ten",
        "offset=-5",
        "sort=popularity",
        "mode=psychic",
        "from=yesterday",
        "from=2025&to=2024",
        "q=venue:neurips",
        "bogus=1",
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task BadSearchGetsProblemDetailsSayingWhy(string query)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search?" + query);
        ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "*", "?", "\\", "(((", ")", "AND OR NOT", "a AND", "title:", "tag:", "author:", "~", "^2", "[a TO z]",
        "🙂🙃", "ᄀᄁᄂ", "\u0000", "%", "\"\"", "- -", "--x", "a:b", "http://x.y/z#a", "title:\"\"", "가나다라마바사" + new string('가', 900),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task HostileQueryNeverCausesServerError(string q)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(q));
        Assert.True((int)response.StatusCode < 500, $"{q} gave {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownPaperGetsNotFoundProblemDetails()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/papers/no-such-paper");
        ProblemAssert.Is(HttpStatusCode.NotFound, response);
    }

    [Fact]
    public async Task UnknownRouteGetsProblemDetails()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/nowhere");
        ProblemAssert.Is(HttpStatusCode.NotFound, response);
    }

    [Theory]
    [InlineData("/authors?limit=0")]
    [InlineData("/tags?limit=5000")]
    [InlineData("/authors?limit=many")]
    public async Task BadCatalogRequestGetsBadRequest(string url)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync(url);
        ProblemAssert.Is(HttpStatusCode.BadRequest, response);
    }
}
