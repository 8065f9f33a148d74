using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

/// <summary>
/// Several instances over one corpus share an API records folder (<c>Index:ApiRecords</c>): the one with the key takes
/// writes, and the others follow the folder, so a paper written through one is found through all of them.
/// </summary>
public sealed class SharedApiRecordsTests : IDisposable
{
    private const string Key = "shared-key-1";
    private readonly string shared = Path.Combine(Path.GetTempPath(), "searchservice-tests", "shared-" + Guid.NewGuid().ToString("N"));
    private readonly SearchServiceApp writer;
    private readonly SearchServiceApp reader;

    public SharedApiRecordsTests()
    {
        writer = new SearchServiceApp().With("Api:Key", Key).With("Index:ApiRecords", shared);
        reader = new SearchServiceApp().With("Index:ApiRecords", shared).With("Index:WatchFiles", "true");
    }

    private static async Task<int> TotalAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/search?q={Uri.EscapeDataString(query)}")).GetProperty("total").GetInt32();

    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await done()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The other instance did not follow the write within 15 s.");
    }

    [Fact]
    public async Task APaperWrittenThroughOneInstanceIsFoundAndDeletedThroughAnother()
    {
        var writes = await writer.ReadyClientAsync();
        writes.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var reads = await reader.ReadyClientAsync();
        Assert.Equal(0, await TotalAsync(reads, "zeppelin"));

        var created = await writes.PostAsJsonAsync("/papers", new { title = "Zeppelin Attention", url = "https://arxiv.org/abs/2503.00001" });
        created.EnsureSuccessStatusCode();
        await EventuallyAsync(async () => await TotalAsync(reads, "zeppelin") == 1);

        (await writes.DeleteAsync("/papers/2503.00001")).EnsureSuccessStatusCode();
        await EventuallyAsync(async () => await TotalAsync(reads, "zeppelin") == 0);
    }

    [Fact]
    public async Task AnInstanceStartedLaterPicksUpTheSharedRecords()
    {
        var writes = await writer.ReadyClientAsync();
        writes.DefaultRequestHeaders.Add("X-Api-Key", Key);
        (await writes.PostAsJsonAsync("/papers", new { title = "Dirigible Routing" })).EnsureSuccessStatusCode();

        var reads = await reader.ReadyClientAsync();
        Assert.Equal(1, await TotalAsync(reads, "dirigible"));
        Assert.False(Directory.Exists(Path.Combine(reader.Data, "api-records")), "the reader keeps no records of its own");
    }

    public void Dispose()
    {
        writer.Dispose();
        reader.Dispose();
        try { Directory.Delete(shared, recursive: true); }
        catch (IOException) { }
    }
}
