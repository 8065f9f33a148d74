using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

/// <summary>The running service follows its corpus folder: file-change notifications, not a restart, bring changes in.</summary>
public sealed class CorpusWatchTests : IDisposable
{
    private readonly SearchServiceApp app = new SearchServiceApp().With("Index:WatchFiles", "true");

    private async Task<int> TotalAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/search?q={Uri.EscapeDataString(query)}")).GetProperty("total").GetInt32();

    /// <summary>Polls until <paramref name="done"/>; notifications are debounced, so this takes about a second.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await done()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The change was not picked up within 15 s.");
    }

    [Fact]
    public async Task NewChangedAndDeletedFilesAreFollowedWhileRunning()
    {
        var client = await app.ReadyClientAsync();
        Assert.Equal(0, await TotalAsync(client, "zeppelin"));

        app.WriteFile("2025/250301 Zeppelin.md", "https://arxiv.org/abs/2503.00001\n\n*Zeppelin Attention* (Ada Lovelace)\n\n비행선 어텐션.\n\n#attention\n");
        await EventuallyAsync(async () => await TotalAsync(client, "zeppelin") == 1);

        app.WriteFile("2025/250301 Zeppelin.md", "https://arxiv.org/abs/2503.00001\n\n*Dirigible Attention* (Ada Lovelace)\n\n#attention\n");
        await EventuallyAsync(async () => await TotalAsync(client, "zeppelin") == 0 && await TotalAsync(client, "dirigible") == 1);

        File.Delete(Path.Combine(app.Corpus, "2025", "250301 Zeppelin.md"));
        await EventuallyAsync(async () => await TotalAsync(client, "dirigible") == 0);
    }

    public void Dispose() => app.Dispose();
}
