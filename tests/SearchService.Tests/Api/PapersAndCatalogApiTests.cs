using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SearchService.Core;

namespace SearchService.Tests.Api;

public sealed class PapersAndCatalogApiTests(SearchServiceApp app) : IClassFixture<SearchServiceApp>
{
    [Theory]
    [InlineData("2410.19034")]
    [InlineData("arXiv:2410.19034")]
    [InlineData("2410.19034v2")]
    [InlineData("241025 Mixture of Parrots")]
    public async Task PaperIsFoundByIdArxivIdOrNoteName(string id)
    {
        var client = await app.ReadyClientAsync();
        var paper = await client.GetFromJsonAsync<JsonElement>("/papers/" + Uri.EscapeDataString(id));
        Assert.Equal("2410.19034", paper.GetProperty("id").GetString());
        Assert.StartsWith("The Mixture-of-Experts", paper.GetProperty("abstract").GetString());
        Assert.Contains("추론", paper.GetProperty("koreanCommentary").GetString());
        Assert.Contains("reasoning", paper.GetProperty("englishCommentary").GetString());
        Assert.Contains("moe", paper.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task KoreanTextIsWrittenAsItselfNotAsEscapes()
    {
        var client = await app.ReadyClientAsync();
        var body = await client.GetStringAsync("/papers/2410.19034");
        // Half the bytes of \uXXXX escapes, and readable in curl's output; still valid JSON with the same values.
        Assert.Contains("추론", body);
        Assert.DoesNotContain("\\u", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("추론", JsonDocument.Parse(body).RootElement.GetProperty("koreanCommentary").GetString());
    }

    [Fact]
    public async Task AuthorsListMergesAccentedSpellingsAndMatchesAnyNamePart()
    {
        var client = await app.ReadyClientAsync();
        var authors = await client.GetFromJsonAsync<JsonElement>("/authors?prefix=perez");
        var names = authors.EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
        Assert.Contains("Juan C. Pérez", names);
        Assert.Contains("Juan-Manuel Pérez-Rúa", names);
    }

    [Fact]
    public async Task TagsListMergesSpellingsOfOneTag()
    {
        var client = await app.ReadyClientAsync();
        var tags = await client.GetFromJsonAsync<JsonElement>("/tags?prefix=long");
        var tag = Assert.Single(tags.EnumerateArray());
        Assert.Equal("long-context", tag.GetProperty("value").GetString());
        Assert.Equal(2, tag.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task HealthCountsFilesAndPapers()
    {
        var client = await app.ReadyClientAsync();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.Equal(4, health.GetProperty("files").GetInt32());
        Assert.Equal(5, health.GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheEndpoints()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/search", "/papers/{id}", "/authors", "/tags", "/health" })
            Assert.Contains($"\"{path}\"", document);
    }

    [Fact]
    public async Task BrowserPageIsServedAtTheRoot()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form id=\"search\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search.js")).StatusCode);
    }

    [Fact]
    public async Task CommittedOpenApiDocumentMatchesTheServedOne()
    {
        var client = await app.ReadyClientAsync();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        // The server address depends on where the service runs; the rest must match.
        served.Remove("servers");
        var repository = Checkout.Root() ?? throw new DirectoryNotFoundException("No checkout (SearchService.sln) above the test binaries.");
        var path = Path.Combine(repository, "src", "SearchService.Api", "SearchService.Api.json");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(JsonNode.DeepEquals(served, committed),
            $"{path} is out of date: run the service and save GET /openapi/v1.json there (see README).");
    }
}
