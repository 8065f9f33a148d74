using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SearchService.Tests.Api;

namespace SearchService.Tests.Robustness;

/// <summary>Writes an attacker or a careless tool might send: unusable ids, huge values, note names that are taken, digests of thousands of papers.</summary>
public sealed class HostileWriteTests : IDisposable
{
    private const string Key = "test-key-123";
    private SearchServiceApp app = new SearchServiceApp().With("Api:Key", Key);

    private async Task<HttpClient> ClientAsync()
    {
        var client = await app.ReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    private static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");

    private static async Task<int> DocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("documents").GetInt32();

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("what?")]
    [InlineData("50%")]
    [InlineData("a#b")]
    public async Task IdsThatAUrlPathCannotCarryAreRefused(string id)
    {
        var client = await ClientAsync();
        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/papers", new { id, title = "Dotted" }));
        Assert.True(errors.TryGetProperty("id", out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/search?q=dotted")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task ValueOverLucenesTermLimitIsRefusedNamingTheFieldAndNothingIsStored(string field)
    {
        var client = await ClientAsync();
        var before = await DocumentsAsync(client);
        var huge = new string('x', 40_000);
        var body = new Dictionary<string, object> { ["id"] = "huge", ["title"] = "Huge Value", [field] = new[] { huge } };
        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/papers", body));
        Assert.True(errors.TryGetProperty(field, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/papers/huge")).StatusCode);
        Assert.Equal(before, await DocumentsAsync(client));
    }

    [Fact]
    public async Task CorpusNoteWithAnOverlongTagIsIndexedWithTheTagCutAndAWarning()
    {
        app.Dispose();
        var note = SampleNotes.Muon.Replace("#optimizer", "#optimizer #" + new string('t', 40_000));
        app = SearchServiceApp.Over(new Dictionary<string, string> { ["note.md"] = note }).With("Api:Key", Key);
        var client = await ClientAsync();
        var found = await client.GetFromJsonAsync<JsonElement>("/search?q=muon");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/search?tag=optimizer")).GetProperty("total").GetInt32());
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("warnings").GetInt32() >= 1);
    }

    [Fact]
    public async Task DeletingTheApiCopyOfACorpusPaperRemovesOnlyTheApiRecord()
    {
        var client = await ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/papers", new { id = "2410.19034", title = "Parrots, annotated", koreanCommentary = "앵무새 메모" })).StatusCode);
        var merged = await client.GetFromJsonAsync<JsonElement>("/papers/2410.19034");
        Assert.Equal(2, merged.GetProperty("sources").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/papers/2410.19034")).StatusCode);
        var left = await client.GetFromJsonAsync<JsonElement>("/papers/2410.19034");
        Assert.Equal(1, left.GetProperty("sources").GetArrayLength());
        Assert.DoesNotContain("api/", left.GetProperty("sources")[0].GetProperty("path").GetString());
        ProblemAssert.Is(HttpStatusCode.Conflict, await client.DeleteAsync("/papers/2410.19034"));
    }

    [Fact]
    public async Task ACorpusNoteKeepsItsNoteNameOverAnApiWriteAndAfterItsDelete()
    {
        var client = await ClientAsync();
        const string name = "241025 Mixture of Parrots";
        var ingest = await client.PostAsync($"/ingest?name={Uri.EscapeDataString(name)}.md", Markdown("*Impostor Parrots* (Someone Else)\n\nNot the real note.\n\n#fake"));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        var impostor = (await ingest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("papers")[0].GetProperty("id").GetString()!;
        Assert.NotEqual("2410.19034", impostor);

        var byName = $"/papers/{Uri.EscapeDataString(name)}";
        Assert.Equal("2410.19034", (await client.GetFromJsonAsync<JsonElement>(byName)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/papers/{impostor}")).StatusCode);
        Assert.Equal("2410.19034", (await client.GetFromJsonAsync<JsonElement>(byName)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task IngestOverThePerRequestCapStoresNothing()
    {
        app.Dispose();
        app = new SearchServiceApp().With("Api:Key", Key).With("Api:MaxPapersPerIngest", "5");
        var client = await ClientAsync();
        var before = await DocumentsAsync(client);
        var response = await client.PostAsync("/ingest?name=2024-11-02.txt", Markdown(Digest(6, "Capped")));
        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty("body", out _));
        Assert.Equal(before, await DocumentsAsync(client));
    }

    [Fact]
    public async Task IngestCountsEachPaperAgainstTheWriteBudget()
    {
        app.Dispose();
        app = new SearchServiceApp().With("Api:Key", Key).With("Api:PapersPerSecond", "5");
        var client = await ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/ingest?name=2024-11-02.txt", Markdown(Digest(8, "Budgeted")))).StatusCode);
        var before = await DocumentsAsync(client);
        var second = await client.PostAsync("/ingest?name=2024-11-03.txt", Markdown(Digest(8, "Overspent")));
        ProblemAssert.Is(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(before, await DocumentsAsync(client));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/search?q=overspent")).GetProperty("total").GetInt32());
    }

    /// <summary>A digest of <paramref name="count"/> entries whose titles start with <paramref name="word"/>.</summary>
    private static string Digest(int count, string word)
    {
        var text = new StringBuilder("2024년 11월 2일\n");
        for (var i = 0; i < count; i++)
            text.Append($"{word} Paper Number {i}: a study of things\n(Author Person{i})\nWe study thing {i} in depth.\n사물 {i} 연구.\nA study of thing {i}.\n#study\n");
        return text.ToString();
    }

    public void Dispose() => app.Dispose();
}
