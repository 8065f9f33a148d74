using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Tests.Api;

namespace SearchService.Tests.Robustness;

/// <summary>Semantic search is optional: when its worker fails, it turns off with a reason, and the host stays up.</summary>
public sealed class SemanticFailureTests : IDisposable
{
    private readonly SearchServiceApp app = new SearchServiceApp().With("Semantic:Enabled", "true");

    [Fact]
    public async Task VectorsFolderThatIsAFileTurnsSemanticOffWithAWarningNotTheHostDown()
    {
        Directory.CreateDirectory(app.Data);
        File.WriteAllText(Path.Combine(app.Data, "vectors"), "not a folder");
        var client = await app.ReadyClientAsync();

        JsonElement health = default;
        for (var i = 0; i < 600; i++)
        {
            health = await client.GetFromJsonAsync<JsonElement>("/health");
            if (health.GetProperty("semantic").GetString() != "loading") break;
            await Task.Delay(100);
        }
        Assert.Equal("unavailable", health.GetProperty("semantic").GetString());
        Assert.Contains(health.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("Semantic search is off"));

        var search = await client.GetAsync("/search?q=parrots&mode=hybrid");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.NotEmpty((await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/papers/2410.19034/related")).StatusCode);
    }

    public void Dispose() => app.Dispose();
}
