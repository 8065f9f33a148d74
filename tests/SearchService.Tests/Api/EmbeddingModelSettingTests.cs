using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

/// <summary><c>Semantic:Model</c> picks the embedding model, and each model's vectors live apart from the others'.</summary>
public sealed class EmbeddingModelSettingTests : IDisposable
{
    private readonly SearchServiceApp app = new SearchServiceApp()
        .With("Semantic:Enabled", "true")
        .With("Semantic:Model", "MiniLM");

    [Fact]
    public async Task MiniLMSettingEmbedsIntoItsOwnVectorFolderAndServesSemanticSearch()
    {
        var client = await app.ReadyClientAsync();
        await WaitUntilEmbeddedAsync(client);

        Assert.True(File.Exists(Path.Combine(app.Data, "vectors", "minilm", "vectors.bin")));
        Assert.False(Directory.Exists(Path.Combine(app.Data, "vectors", "arcticxs")), "the default model (ArcticXs) was not asked for, so it has no vectors");

        var body = await client.GetFromJsonAsync<JsonElement>("/search?mode=semantic&q=" + Uri.EscapeDataString("an optimizer for large language model training"));
        Assert.Equal("semantic", body.GetProperty("mode").GetString());
        Assert.Equal("2502.16982", body.GetProperty("results")[0].GetProperty("id").GetString());
    }

    private static async Task WaitUntilEmbeddedAsync(HttpClient client)
    {
        for (var i = 0; i < 1200; i++)
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/health");
            if (health.GetProperty("semantic").GetString() == "ready") return;
            await Task.Delay(100);
        }
        throw new TimeoutException("MiniLM embeddings were not ready in 120 s.");
    }

    public void Dispose() => app.Dispose();
}
