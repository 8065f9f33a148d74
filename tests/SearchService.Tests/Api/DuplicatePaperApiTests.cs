using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Core;

namespace SearchService.Tests.Api;

/// <summary>The sample corpus notes Mixtral twice, in a digest (no URL) and in a vault note (arXiv URL): one paper, not two results.</summary>
public sealed class DuplicatePaperApiTests
{
    [Fact]
    public async Task SamePaperInADigestAndAVaultNoteIsOneResultListingBothSources()
    {
        var sample = Path.Combine(Checkout.Root() ?? throw new DirectoryNotFoundException("No checkout above the test binaries."), "index-data");
        using var app = SearchServiceApp.Over(new Dictionary<string, string>
        {
            ["notes/240108 Mixtral of Experts.md"] = File.ReadAllText(Path.Combine(sample, "notes", "2024", "240108 Mixtral of Experts.md")),
            ["digests/2024-01-11.txt"] = File.ReadAllText(Path.Combine(sample, "digests", "2024-01-11.txt")),
        });
        var client = await app.ReadyClientAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("/search?mode=keyword&q=Mixtral");
        var mixtral = body.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("title").GetString()!.StartsWith("Mixtral", StringComparison.Ordinal)).ToList();

        var paper = Assert.Single(mixtral);
        Assert.Equal("2401.04088", paper.GetProperty("id").GetString());
        Assert.Equal(2, paper.GetProperty("sources").GetArrayLength());
        var byDigestId = await client.GetFromJsonAsync<JsonElement>("/papers/mixtral-of-experts");
        Assert.Equal("2401.04088", byDigestId.GetProperty("id").GetString());
    }
}
