using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Tests.Api;

namespace SearchService.Tests.Robustness;

/// <summary>Everything the service writes lives under --data: nothing in the user's home folder.</summary>
[Trait("Category", "Process")]
public sealed class CacheLocationTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheEmbeddingRuntimeCacheLivesUnderTheDataFolder()
    {
        var corpus = Path.Combine(root, "corpus");
        var data = Path.Combine(root, "data");
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "note.md"), SampleNotes.Parrots);
        var environment = new Dictionary<string, string> { ["HOME"] = home };

        using var api = ApiProcess.Start(corpus, data, environment, "--Semantic:Enabled=true");
        await api.WaitForAsync(h => h.Status == "ready", TimeSpan.FromSeconds(60));
        for (var i = 0; i < 600; i++)
        {
            var health = await api.Client.GetFromJsonAsync<JsonElement>("/health");
            if (health.GetProperty("semantic").GetString() is "ready" or "unavailable") break;
            await Task.Delay(100);
        }

        Assert.False(Directory.Exists(Path.Combine(home, ".cache")), $"Written under the home folder: {string.Join(", ", Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories))}");
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
