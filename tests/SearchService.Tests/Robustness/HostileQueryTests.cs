using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Tests.Api;

namespace SearchService.Tests.Robustness;

/// <summary>Queries that once answered 500 or the whole corpus: dates at the end of time, one huge token, thousands of tag spellings.</summary>
public sealed class HostileQueryTests : IDisposable
{
    private const string Key = "test-key-123";
    private readonly SearchServiceApp app = new SearchServiceApp().With("Api:Key", Key);

    [Theory]
    [InlineData("to=9999-12")]
    [InlineData("from=9999-12&to=9999-12")]
    [InlineData("from=0001-01&to=9999")]
    public async Task DatesAtTheEndsOfTheCalendarAreAnsweredNotOverflowed(string range)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search?" + range);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OneOverlongTokenMatchesNothing()
    {
        var client = await app.ReadyClientAsync();
        foreach (var token in new[] { new string('a', 1000), "moe" + new string('x', 400) })
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/search?q={token}&mode=keyword");
            Assert.Equal(0, found.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task ThousandsOfTagSpellingsDoNotBreakTagSearch()
    {
        var client = await app.ReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var spellings = OneEditSpellings("longcontext").Take(1100).ToList();
        Assert.Equal(1100, spellings.Count);
        foreach (var (chunk, i) in spellings.Chunk(400).Select((c, i) => (c, i)))
        {
            var write = await client.PostAsJsonAsync("/papers", new { id = $"spam-{i}", title = $"Spam {i}", tags = chunk });
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        foreach (var query in new[] { "/search?tag=long-context", "/search?q=tag:long-context", "/search?tag=long-context&tag=longcontex" })
        {
            var response = await client.GetAsync(query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Contains("2410.19034", ids);
        }
    }

    /// <summary>Distinct spellings one edit from <paramref name="tag"/>, each also written with a '-' at every place: all one tag query's spellings.</summary>
    private static IEnumerable<string> OneEditSpellings(string tag)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tag.Length; i++)
        {
            for (var c = 'a'; c <= 'z'; c++)
            {
                if (c == tag[i]) continue;
                var typo = tag[..i] + c + tag[(i + 1)..];
                for (var cut = 1; cut < typo.Length; cut++)
                    if (seen.Add(typo[..cut] + "-" + typo[cut..])) yield return typo[..cut] + "-" + typo[cut..];
            }
        }
    }

    public void Dispose() => app.Dispose();
}
