using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

public sealed class ConfigApiTests
{
    [Fact]
    public async Task ConfigNamesTheObsidianVaultWhenOneIsSet()
    {
        using var app = new SearchServiceApp().With("Notes:ObsidianVault", " Papers ");
        var config = await app.CreateClient().GetFromJsonAsync<JsonElement>("/config");
        Assert.Equal("Papers", config.GetProperty("obsidianVault").GetString());
    }

    [Fact]
    public async Task ConfigHasNoVaultByDefaultSoThePageShowsFilePaths()
    {
        using var app = new SearchServiceApp();
        var config = await app.CreateClient().GetFromJsonAsync<JsonElement>("/config");
        Assert.False(config.TryGetProperty("obsidianVault", out var vault) && vault.ValueKind != JsonValueKind.Null);
    }
}
