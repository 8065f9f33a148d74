using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Tests.Api;

public sealed class SearchApiTests(SearchServiceApp app) : IClassFixture<SearchServiceApp>
{
    private async Task<JsonElement> SearchAsync(string query)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Ids(JsonElement body) =>
        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task EnglishWordFindsThePaperThatUsesIt()
    {
        var body = await SearchAsync("q=memorization");
        Assert.Equal("2410.19034", Ids(body)[0]);
    }

    [Fact]
    public async Task KoreanWordFindsTheKoreanCommentary()
    {
        var body = await SearchAsync("q=" + Uri.EscapeDataString("추론 능력"));
        Assert.Equal("2410.19034", Ids(body)[0]);
    }

    [Fact]
    public async Task AuthorFilterReturnsExactlyThePapersOfThatAuthor()
    {
        var body = await SearchAsync("author=Kakade");
        Assert.Equal(["2410.19034"], Ids(body));
        Assert.Equal(1, body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AuthorFilterIgnoresAccents()
    {
        Assert.Equal(["2502.16982"], Ids(await SearchAsync("author=munoz")));
        Assert.Equal(["2410.20280"], Ids(await SearchAsync("author=schmidhuber")));
    }

    [Fact]
    public async Task TagFilterFindsEverySpellingOfTheTag()
    {
        var ids = Ids(await SearchAsync("tag=long-context"));
        Assert.Equal(["2410.19034", "2410.20280"], ids.Order());
        Assert.Equal(ids.Order(), Ids(await SearchAsync("tag=Long_Context")).Order());
    }

    [Fact]
    public async Task RepeatedTagsMustAllMatch()
    {
        Assert.Equal(["2410.20280"], Ids(await SearchAsync("tag=diffusion&tag=long_context")));
    }

    [Fact]
    public async Task ExcludedWordRemovesItsPapers()
    {
        var ids = Ids(await SearchAsync("q=" + Uri.EscapeDataString("diffusion -video")));
        Assert.NotEmpty(ids);
        Assert.DoesNotContain("2410.20280", ids);
    }

    [Fact]
    public async Task QuotedPhraseNeedsTheWordsTogether()
    {
        Assert.Single(Ids(await SearchAsync("q=" + Uri.EscapeDataString("\"markov processes\""))));
        Assert.Empty(Ids(await SearchAsync("q=" + Uri.EscapeDataString("\"processes markov\""))));
    }

    [Fact]
    public async Task FieldPrefixesLimitTheFieldSearched()
    {
        Assert.Equal(["2502.16982"], Ids(await SearchAsync("q=" + Uri.EscapeDataString("title:muon"))));
        Assert.Equal(["2410.19034"], Ids(await SearchAsync("q=" + Uri.EscapeDataString("author:jelassi"))));
        Assert.Equal(["2502.16982"], Ids(await SearchAsync("q=" + Uri.EscapeDataString("tag:optimizer"))));
    }

    [Fact]
    public async Task DateRangeKeepsOnlyPapersInside()
    {
        Assert.Equal(["2502.16982"], Ids(await SearchAsync("from=2025")));
        Assert.DoesNotContain("2502.16982", Ids(await SearchAsync("to=2024-12")));
    }

    [Fact]
    public async Task DateSortPutsNewestFirst()
    {
        var body = await SearchAsync("q=diffusion&sort=date");
        var dates = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("date").GetString()!).ToList();
        Assert.True(dates.Count >= 2);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task FacetsCountEveryMatchNotOnlyThePage()
    {
        var body = await SearchAsync("q=diffusion&limit=1");
        Assert.Single(Ids(body));
        var diffusion = body.GetProperty("facets").GetProperty("tags").EnumerateArray()
            .Single(f => f.GetProperty("value").GetString() == "diffusion");
        Assert.Equal(2, diffusion.GetProperty("count").GetInt32());
        Assert.NotEmpty(body.GetProperty("facets").GetProperty("years").EnumerateArray());
        Assert.NotEmpty(body.GetProperty("facets").GetProperty("authors").EnumerateArray());
    }

    [Fact]
    public async Task PagingSkipsEarlierResults()
    {
        var all = Ids(await SearchAsync("q=diffusion&limit=10"));
        var second = Ids(await SearchAsync("q=diffusion&limit=1&offset=1"));
        Assert.Equal(all[1], second.Single());
    }

    [Fact]
    public async Task HighlightsMarkTheMatchedWords()
    {
        var body = await SearchAsync("q=memorization");
        var snippets = body.GetProperty("results")[0].GetProperty("highlights").EnumerateArray()
            .Select(h => h.GetProperty("snippet").GetString()!).ToList();
        Assert.Contains(snippets, s => s.Contains("<mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResultsCarryTheirSources()
    {
        var body = await SearchAsync("q=thunderkittens");
        var source = body.GetProperty("results")[0].GetProperty("sources")[0];
        Assert.Equal("digests/2024-10-29.txt", source.GetProperty("path").GetString());
        Assert.Equal(2, source.GetProperty("entry").GetInt32());
    }
}
