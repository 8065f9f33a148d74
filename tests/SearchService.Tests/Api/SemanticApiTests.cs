using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

/// <summary>The host with the embedding model on: one instance for all tests, since loading the model takes seconds.</summary>
public sealed class SemanticApp : IAsyncLifetime
{
    public SearchServiceApp App { get; } = new SearchServiceApp().With("Semantic:Enabled", "true");
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = await App.ReadyClientAsync();
        for (var i = 0; i < 600; i++)
        {
            var health = await Client.GetFromJsonAsync<JsonElement>("/health");
            if (health.GetProperty("semantic").GetString() == "ready") return;
            await Task.Delay(100);
        }
        throw new TimeoutException("Embeddings were not ready in 60 s.");
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SemanticApiTests(SemanticApp semantic) : IClassFixture<SemanticApp>
{
    private async Task<JsonElement> SearchAsync(string query) =>
        await semantic.Client.GetFromJsonAsync<JsonElement>("/search?" + query);

    [Fact]
    public async Task SemanticModeFindsAPaperByMeaningWithoutSharedWords()
    {
        var body = await SearchAsync("mode=semantic&q=" + Uri.EscapeDataString("an optimizer for large language model training"));
        Assert.Equal("semantic", body.GetProperty("mode").GetString());
        Assert.Equal("2502.16982", body.GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task HybridIsTheDefaultOnceVectorsExist()
    {
        var body = await SearchAsync("q=memorization");
        Assert.Equal("hybrid", body.GetProperty("mode").GetString());
        Assert.Equal("2410.19034", body.GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("hybrid")]
    [InlineData("semantic")]
    public async Task TotalCountsOnlyPapersNearTheBestAndEveryOneIsListed(string mode)
    {
        var all = await SearchAsync("mode=keyword&limit=100");
        var body = await SearchAsync($"mode={mode}&limit=100&q=" + Uri.EscapeDataString("an optimizer for large language model training"));

        var total = body.GetProperty("total").GetInt32();
        Assert.InRange(total, 1, all.GetProperty("total").GetInt32() - 1);
        Assert.Equal(total, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task FiltersApplyInSemanticMode()
    {
        var body = await SearchAsync("mode=semantic&tag=diffusion&q=" + Uri.EscapeDataString("an optimizer for language models"));
        var ids = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain("2502.16982", ids);
    }

    [Fact]
    public async Task HealthReportsEveryPaperEmbedded()
    {
        var health = await semantic.Client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(health.GetProperty("documents").GetInt32(), health.GetProperty("embedded").GetInt32());
        Assert.Equal(health.GetProperty("documents").GetInt32(), health.GetProperty("embeddingTotal").GetInt32());
    }

    [Fact]
    public async Task RelatedPapersCanComeFromMeaning()
    {
        var response = await semantic.Client.PostAsync("/related", new StringContent("generating videos from noise with a diffusion model"));
        var related = await response.Content.ReadFromJsonAsync<JsonElement>();
        var best = related.GetProperty("results")[0];
        Assert.Equal("2410.20280", best.GetProperty("id").GetString());
        Assert.Contains("similar-meaning", best.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }
}

public sealed class SemanticFallbackTests(SearchServiceApp app) : IClassFixture<SearchServiceApp>
{
    [Theory]
    [InlineData("semantic")]
    [InlineData("hybrid")]
    public async Task WithoutEmbeddingsSemanticModesFallBackToKeywordWithAWarning(string mode)
    {
        var client = await app.ReadyClientAsync();
        var body = await client.GetFromJsonAsync<JsonElement>($"/search?mode={mode}&q=memorization");
        Assert.Equal("keyword", body.GetProperty("mode").GetString());
        Assert.Contains("fell back to keyword", body.GetProperty("warnings")[0].GetString());
        Assert.Equal("2410.19034", body.GetProperty("results")[0].GetProperty("id").GetString());
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("off", health.GetProperty("semantic").GetString());
    }
}
