using System.Net;
using System.Net.Http.Json;
using SearchService.Client;

namespace SearchService.Tests.Api;

/// <summary><c>GET /warnings</c> and the progress fields of <c>GET /health</c>.</summary>
public sealed class WarningsAndHealthApiTests : IDisposable
{
    // Two notes the parser complains about (no authors; no title), one it does not.
    private readonly SearchServiceApp app = SearchServiceApp.Over(new Dictionary<string, string>
    {
        ["2024/241025 Mixture of Parrots.md"] = SampleNotes.Parrots,
        ["2024/241101 No Authors.md"] = "https://arxiv.org/abs/2411.00001\n\n*A Paper Without Authors*\n\n> An abstract.\n\n#moe\n",
        ["2024/241102 Bare.md"] = "https://arxiv.org/abs/2411.00002\n\n그냥 메모.\n",
    });

    [Fact]
    public async Task WarningsAreListedByFileWithTheirCodes()
    {
        var client = new SearchServiceClient(await app.ReadyClientAsync());
        var all = await client.WarningsAsync();
        Assert.Equal(["2024/241101 No Authors.md", "2024/241102 Bare.md"], all.Files.Select(f => f.Path));
        Assert.Equal(all.Total, all.Codes.Sum(c => c.Count));
        Assert.Equal(all.Total, all.Files.Sum(f => f.Warnings.Count));
        Assert.Contains(all.Codes, c => c.Code == "missing-authors" && c.Count == 1);

        var missingTitle = await client.WarningsAsync(code: "missing-title");
        Assert.Equal(["2024/241102 Bare.md"], missingTitle.Files.Select(f => f.Path));
        Assert.All(missingTitle.Files.SelectMany(f => f.Warnings), w => Assert.Equal("missing-title", w.Code));
        Assert.Equal(all.Codes, missingTitle.Codes);

        var secondPage = await client.WarningsAsync(limit: 1, offset: 1);
        Assert.Equal(2, secondPage.TotalFiles);
        Assert.Equal(["2024/241102 Bare.md"], secondPage.Files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("/warnings?limit=0", "limit")]
    [InlineData("/warnings?offset=-1", "offset")]
    public async Task BadWarningPagingIsABadRequest(string url, string parameter)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync(url);
        ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains(parameter, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task HealthCountsFilesOfThePassAndHealthWithoutSemanticHasNoEmbeddingTotal()
    {
        var client = await app.ReadyClientAsync();
        var health = await client.GetFromJsonAsync<HealthReport>("/health");
        Assert.NotNull(health);
        Assert.Equal(3, health.FilesTotal);
        Assert.Equal(3, health.FilesSeen);
        Assert.Equal(health.Files, health.FilesTotal);
        Assert.Equal("off", health.Semantic);
        Assert.Equal(0, health.EmbeddingTotal);
    }

    public void Dispose() => app.Dispose();
}
