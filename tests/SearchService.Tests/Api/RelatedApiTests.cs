using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SearchService.Tests.Api;

public sealed class RelatedApiTests : IDisposable
{
    private const string Linking = """
        https://arxiv.org/abs/2501.00001

        *Sparse Memories: Why Experts Remember* (Ada Lovelace)

        Mixture of Parrots 결과를 확장해 전문가 수와 기억 능력의 관계를 분석. https://arxiv.org/abs/2502.16982 의 옵티마이저로 학습.

        #moe

        # Links
        [[241028 MarDini]]
        """;

    private readonly SearchServiceApp app = SearchServiceApp.Over(new Dictionary<string, string>(SampleNotes.All)
    {
        ["2025/250101 Sparse Memories.md"] = Linking,
        ["2024/241025 Mixture of Parrots 1.md"] = SampleNotes.Parrots,
    });

    private async Task<JsonElement[]> RelatedAsync(string id)
    {
        var client = await app.ReadyClientAsync();
        var body = await client.GetFromJsonAsync<JsonElement>($"/papers/{Uri.EscapeDataString(id)}/related?limit=10");
        return body.GetProperty("results").EnumerateArray().ToArray();
    }

    private static string[] Reasons(JsonElement hit) =>
        hit.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task LinkedNoteComesFirstAndSaysWhy()
    {
        var results = await RelatedAsync("250101 Sparse Memories");
        Assert.Equal("2410.20280", results[0].GetProperty("id").GetString());
        Assert.Contains("linked", Reasons(results[0]));
    }

    [Fact]
    public async Task LinksCountInBothDirections()
    {
        var results = await RelatedAsync("2410.20280");
        var linking = results.Single(r => r.GetProperty("id").GetString() == "2501.00001");
        Assert.Contains("linked", Reasons(linking));
    }

    [Fact]
    public async Task CitedArxivUrlAndSharedTagsAreReasons()
    {
        var results = await RelatedAsync("2501.00001");
        Assert.Contains("cited", Reasons(results.Single(r => r.GetProperty("id").GetString() == "2502.16982")));
        Assert.Contains("shared-tags", Reasons(results.Single(r => r.GetProperty("id").GetString() == "2410.19034")));
    }

    [Fact]
    public async Task ThePaperAndItsDuplicateNoteAreNotRelatedToThemselves()
    {
        var results = await RelatedAsync("241025 Mixture of Parrots 1");
        Assert.DoesNotContain(results, r => r.GetProperty("id").GetString() == "2410.19034");
    }

    [Fact]
    public async Task AnyTextFindsRelatedPapers()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.PostAsync("/related", new StringContent("video diffusion with masked autoregressive planning", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2410.20280", body.GetProperty("results")[0].GetProperty("id").GetString());

        var json = await client.PostAsJsonAsync("/related", new { text = "memorization and reasoning in experts" });
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    [Theory]
    [InlineData("/papers/2410.19034/related?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/papers/no-such-paper/related", HttpStatusCode.NotFound)]
    public async Task BadRelatedRequestGetsProblemDetails(string url, HttpStatusCode status)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync(url);
        ProblemAssert.Is(status, response);
    }

    [Fact]
    public async Task EmptyTextGetsBadRequest()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.PostAsync("/related", new StringContent(" ", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose() => app.Dispose();
}
