using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SearchService.Tests.Api;

public sealed class WriteApiTests : IDisposable
{
    private const string Key = "test-key-123";
    private readonly SearchServiceApp app = new SearchServiceApp().With("Api:Key", Key).With("Api:MaxBodyBytes", "4096");

    private async Task<HttpClient> ClientAsync(string? key = Key)
    {
        var client = await app.ReadyClientAsync();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task WriteWithoutAValidKeyIsUnauthorized(string? key)
    {
        var client = await ClientAsync(key);
        var response = await client.PostAsJsonAsync("/papers", new { title = "A paper" });
        ProblemAssert.Is(HttpStatusCode.Unauthorized, response);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/papers/2410.19034")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/ingest", Markdown("x"))).StatusCode);
    }

    [Fact]
    public async Task BearerTokenIsAcceptedAsTheKey()
    {
        var client = await ClientAsync(key: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Key);
        var response = await client.PostAsJsonAsync("/papers", new { title = "Bearer Paper" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WritesAreRefusedWhenNoKeyIsConfigured()
    {
        using var open = new SearchServiceApp();
        var client = await open.ReadyClientAsync();
        var response = await client.PostAsJsonAsync("/papers", new { title = "A paper" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=moe")).StatusCode);
    }

    [Fact]
    public async Task UpsertedPaperIsSearchableAtOnceAndReplacedByTheNextUpsert()
    {
        var client = await ClientAsync();
        var paper = new { id = "my-paper", title = "Quasar Attention for Lattice Models", tags = new[] { "#Long_Context" }, koreanCommentary = "격자 모델을 위한 어텐션" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/papers", paper)).StatusCode);
        var found = await client.GetFromJsonAsync<JsonElement>("/search?q=quasar");
        Assert.Equal("my-paper", found.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/search?tag=long-context")).GetProperty("total").GetInt32());

        await client.PostAsJsonAsync("/papers", paper with { title = "Pulsar Attention for Lattice Models" });
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/search?q=quasar")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/search?q=pulsar")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task IngestedDigestListsItsPapersAndWarnings()
    {
        var client = await ClientAsync();
        var response = await client.PostAsync("/ingest?name=2024-11-01.txt", Markdown(SampleNotes.Digest.Replace("Generator Matching", "Operator Matching")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("papers").GetArrayLength());
        Assert.True(body.TryGetProperty("warnings", out _));
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/search?q=operator")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DeletedPaperIsGone()
    {
        var client = await ClientAsync();
        await client.PostAsJsonAsync("/papers", new { id = "short-lived", title = "Ephemeral Widgets" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/papers/short-lived")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/papers/short-lived")).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/search?q=ephemeral")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/papers/short-lived")).StatusCode);
    }

    [Fact]
    public async Task PaperFromACorpusFileCannotBeDeletedThroughTheApi()
    {
        var client = await ClientAsync();
        var response = await client.DeleteAsync("/papers/2410.19034");
        ProblemAssert.Is(HttpStatusCode.Conflict, response);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/papers/2410.19034")).StatusCode);
    }

    [Fact]
    public async Task OversizedBodyIsRefusedWith413()
    {
        var client = await ClientAsync();
        var response = await client.PostAsJsonAsync("/papers", new { title = new string('x', 10_000) });
        ProblemAssert.Is(HttpStatusCode.RequestEntityTooLarge, response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync("/ingest", Markdown(new string('x', 10_000)))).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"authors\": [\"Nobody\"]}")]
    [InlineData("{\"title\": 42}")]
    [InlineData("{\"id\": \"a/b\", \"title\": \"x\"}")]
    [InlineData("null")]
    public async Task MalformedPaperGetsBadRequest(string json)
    {
        var client = await ClientAsync();
        var response = await client.PostAsync("/papers", new StringContent(json, Encoding.UTF8, "application/json"));
        ProblemAssert.Is(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task IngestNeedsTextContent()
    {
        var client = await ClientAsync();
        var response = await client.PostAsync("/ingest", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/ingest", Markdown("   "))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/ingest?name=../../etc/passwd", Markdown("x"))).StatusCode);
    }

    [Fact]
    public async Task TooManyWritesAreRateLimited()
    {
        using var limited = new SearchServiceApp().With("Api:Key", Key).With("Api:WritesPerSecond", "1");
        var client = await limited.ReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await client.PostAsJsonAsync("/papers", new { title = $"Paper {i}" })).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.OK, statuses);
    }

    [Fact]
    public async Task ProtectedReadsNeedTheKey()
    {
        using var closed = new SearchServiceApp().With("Api:Key", Key).With("Api:ProtectReads", "true");
        var client = await closed.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/search?q=moe")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/papers/2410.19034")).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=moe")).StatusCode);
    }

    public void Dispose() => app.Dispose();
}
