using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

/// <summary><c>total</c> counts papers that match the query well enough: adding a word narrows it.</summary>
public sealed class MatchCountApiTests
{
    private static string Note(string arxivId, string title, string commentary) =>
        $"https://arxiv.org/abs/{arxivId}\n\n*{title}* (Ada Lovelace)\n\n{commentary}\n\n#test\n";

    [Fact]
    public async Task AddingAWordNarrowsTheMatchesToPapersWithEnoughOfTheWords()
    {
        using var app = SearchServiceApp.Over(new Dictionary<string, string>
        {
            ["notes/a.md"] = Note("2401.00001", "Routing Tokens", "Sparse experts with learned routing."),
            ["notes/b.md"] = Note("2401.00002", "Cheap Attention", "Sparse attention over long inputs."),
            ["notes/c.md"] = Note("2401.00003", "Expert Choice", "Experts pick their tokens."),
        });
        var client = await app.ReadyClientAsync();

        var one = await client.GetFromJsonAsync<JsonElement>("/search?mode=keyword&q=sparse");
        var two = await client.GetFromJsonAsync<JsonElement>("/search?mode=keyword&q=sparse%20experts");

        Assert.Equal(2, one.GetProperty("total").GetInt32());
        Assert.Equal(1, two.GetProperty("total").GetInt32());
        Assert.Equal("2401.00001", two.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(1, two.GetProperty("facets").GetProperty("tags")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AKoreanWordMatchesThroughItsDictionaryEquivalent()
    {
        using var app = SearchServiceApp.Over(new Dictionary<string, string>
        {
            ["notes/a.md"] = Note("2401.00001", "Discriminator Tricks", "A better discriminator for image synthesis."),
            ["notes/b.md"] = Note("2401.00002", "Image Tokens", "Image tokenizers for synthesis."),
        });
        var client = await app.ReadyClientAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("/search?mode=keyword&q=" + Uri.EscapeDataString("판별자 image"));

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal("2401.00001", body.GetProperty("results")[0].GetProperty("id").GetString());
    }
}
