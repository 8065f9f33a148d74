using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Tests.Api;

namespace SearchService.Tests.Robustness;

/// <summary>The host with the model on and shallow depths, so that a page past the depth is easy to ask for.</summary>
public sealed class ShallowSemanticApp : IAsyncLifetime
{
    public SearchServiceApp App { get; } = new SearchServiceApp()
        .With("Semantic:Enabled", "true").With("Semantic:SemanticDepth", "2").With("Semantic:FusionDepth", "2").With("Semantic:MinSimilarity", "-1");
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = await App.ReadyClientAsync();
        for (var i = 0; i < 600; i++)
        {
            if ((await Client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("semantic").GetString() == "ready") return;
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

/// <summary>Paging through semantic or hybrid results must not change how many there are said to be.</summary>
public sealed class SemanticPagingTests(ShallowSemanticApp semantic) : IClassFixture<ShallowSemanticApp>
{
    [Theory]
    [InlineData("semantic")]
    [InlineData("hybrid")]
    public async Task TotalDoesNotChangeWithTheOffset(string mode)
    {
        var totals = new List<int>();
        foreach (var offset in new[] { 0, 1, 3, 4 })
        {
            var body = await semantic.Client.GetFromJsonAsync<JsonElement>($"/search?mode={mode}&q=optimizer&limit=1&offset={offset}");
            Assert.Equal(mode, body.GetProperty("mode").GetString());
            totals.Add(body.GetProperty("total").GetInt32());
        }
        Assert.Single(totals.Distinct());
    }
}
