using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

public sealed class SynonymFileTests
{
    [Fact]
    public async Task UserSynonymFileBridgesATermTheDictionaryLacks()
    {
        var file = Path.Combine(Path.GetTempPath(), $"synonyms-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(file, "# my terms\n앵무새\tparrots\n");
        try
        {
            using var app = new SearchServiceApp().With("Index:SynonymFiles:0", file);
            var client = await app.ReadyClientAsync();
            var body = await client.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString("앵무새"));
            Assert.Equal("2410.19034", body.GetProperty("results")[0].GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WithoutTheFileTheTermFindsNothing()
    {
        using var app = new SearchServiceApp();
        var client = await app.ReadyClientAsync();
        var body = await client.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString("앵무새"));
        Assert.Equal(0, body.GetProperty("total").GetInt32());
    }
}
