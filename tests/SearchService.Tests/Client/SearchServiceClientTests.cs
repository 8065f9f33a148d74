using System.Net;
using SearchService.Client;
using SearchService.Tests.Api;

namespace SearchService.Tests.Client;

/// <summary>The typed client against the real API host in memory, over the tests' own sample notes.</summary>
public sealed class SearchServiceClientTests : IDisposable
{
    private const string Key = "client-test-key";
    private readonly SearchServiceApp app = new SearchServiceApp().With("Api:Key", Key);

    private async Task<SearchServiceClient> ClientAsync(string? key = Key) => new(await app.ReadyClientAsync(), key);

    [Fact]
    public async Task SearchReturnsTypedHitsFacetsAndHighlights()
    {
        var client = await ClientAsync();
        var results = await client.SearchAsync(new SearchQuery { Q = "memorization", Tags = ["moe"], Limit = 5 });
        var hit = Assert.Single(results.Results);
        Assert.Equal("2410.19034", hit.Id);
        Assert.Equal(1, results.Total);
        Assert.Equal(5, results.Limit);
        Assert.Contains("Samy Jelassi", hit.Authors);
        Assert.Contains(hit.Highlights, h => h.Snippet.Contains("<mark>", StringComparison.Ordinal));
        Assert.Contains(results.Facets.Tags, t => t.Value == "moe" && t.Count == 1);
    }

    [Fact]
    public async Task SearchSendsKoreanAndRepeatedFiltersEncoded()
    {
        var client = await ClientAsync();
        var results = await client.SearchAsync(new SearchQuery { Q = "추론 능력", Authors = ["Kakade"], From = "2024", To = "2024-12" });
        Assert.Equal(["2410.19034"], results.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task GetPaperFindsANoteByNameAndReturnsNullForNone()
    {
        var client = await ClientAsync();
        var paper = await client.GetPaperAsync("241025 Mixture of Parrots");
        Assert.NotNull(paper);
        Assert.Equal("2410.19034", paper.Id);
        Assert.Contains("추론", paper.KoreanCommentary, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 10, 25), paper.Date);
        Assert.Null(await client.GetPaperAsync("no such paper"));
    }

    [Fact]
    public async Task RelatedPapersComeWithReasons()
    {
        var client = await ClientAsync();
        var related = await client.RelatedAsync("2410.19034", limit: 3);
        Assert.NotEmpty(related.Results);
        Assert.DoesNotContain(related.Results, r => r.Id == "2410.19034");
        Assert.All(related.Results, r => Assert.NotEmpty(r.Reasons ?? []));

        var toText = await client.RelatedToTextAsync("A Muon optimizer with matrix orthogonalization for large language models");
        Assert.Equal("2502.16982", toText.Results[0].Id);
    }

    [Fact]
    public async Task UpsertIngestAndDeleteRoundTrip()
    {
        var client = await ClientAsync();
        var written = await client.UpsertAsync(new NewPaper { Id = "client-draft", Title = "Zephyrine Attention Draft", Tags = ["#attention"] });
        Assert.Equal("client-draft", Assert.Single(written.Papers).Id);
        Assert.Equal("client-draft", (await client.SearchAsync("zephyrine")).Results[0].Id);

        var ingested = await client.IngestAsync("*Quokka Routing for Experts* (Ada Lovelace)\n\n쿼카 라우팅.\n\n#moe\n", "250101 Quokka.md");
        Assert.Equal("Quokka Routing for Experts", Assert.Single(ingested.Papers).Title);

        Assert.True(await client.DeleteAsync("client-draft"));
        Assert.False(await client.DeleteAsync("client-draft"));
        Assert.Null(await client.GetPaperAsync("client-draft"));
    }

    [Fact]
    public async Task InvalidRequestSurfacesTheProblemDetailsAsATypedException()
    {
        var client = await ClientAsync();
        var e = await Assert.ThrowsAsync<SearchServiceException>(() => client.SearchAsync(new SearchQuery { Q = "moe", Limit = 1000 }));
        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Contains("limit", e.Errors.Keys);
        Assert.False(string.IsNullOrEmpty(e.Title));
        Assert.Contains("limit", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteWithoutTheKeyAndDeletingACorpusPaperAreTypedErrors()
    {
        var anonymous = await ClientAsync(key: null);
        var unauthorized = await Assert.ThrowsAsync<SearchServiceException>(() => anonymous.UpsertAsync(new NewPaper { Title = "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);

        var client = await ClientAsync();
        var conflict = await Assert.ThrowsAsync<SearchServiceException>(() => client.DeleteAsync("2410.19034"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("241025 Mixture of Parrots.md", conflict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndWarningsReportTheIndex()
    {
        var client = await ClientAsync();
        var health = await client.HealthAsync();
        Assert.Equal("ready", health.Status);
        Assert.Equal("off", health.Semantic);
        Assert.Equal(health.FilesTotal, health.FilesSeen);
        Assert.Equal(4, health.Files);
        Assert.Equal(0, health.EmbeddingTotal);

        var warnings = await client.WarningsAsync();
        Assert.Equal(health.Warnings, warnings.Total);
    }

    [Fact]
    public async Task ACancelledTokenCancelsTheCall()
    {
        var client = await ClientAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SearchAsync("moe", new CancellationToken(canceled: true)));
    }

    public void Dispose() => app.Dispose();
}
