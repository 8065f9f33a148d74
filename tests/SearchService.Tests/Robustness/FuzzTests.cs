using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SearchService.Core.Ingestion;
using SearchService.Core.Notes;
using SearchService.Tests.Api;
using Xunit.Abstractions;

namespace SearchService.Tests.Robustness;

/// <summary>
/// Seeded random and mutated notes thrown at the parsers and at <c>POST /ingest</c>, and random query
/// strings at <c>GET /search</c>: no exception escapes, no response is a 5xx, every error is a ProblemDetails,
/// and nothing indexed before the run is lost.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const string Key = "fuzz-key";

    private static readonly string[] Notes = [.. SampleNotes.All.Values];
    private static readonly string[] KnownHostileQueries = [.. ((IEnumerable<object[]>)BadInputTests.HostileQueries).Select(row => (string)row[0])];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ParsersSurviveRandomAndMutatedFiles(int seed)
    {
        var hostile = new HostileText(seed);
        for (var i = 0; i < 300; i++)
        {
            var text = i % 3 == 0 ? hostile.Text(2000) : hostile.Mutate(hostile.Pick(Notes));
            var path = hostile.Pick(["2024/241025 Note.md", "digests/2024-10-29.txt", "x.markdown", "🙂/ᄀ.md"]);
            var bytes = hostile.Bytes(text);

            var file = CorpusIngestor.Parse("/corpus/" + path, path, "hash", bytes);
            // NoteParser turns any exception into a parse-error warning, so a crash shows up only as one.
            var crash = file.Warnings.FirstOrDefault(w => w.Code == WarningCodes.ParseError);
            Assert.True(crash is null, $"seed {seed}, input #{i} ({path}): {crash?.Message}");
            Assert.All(file.Papers, p => Assert.False(string.IsNullOrEmpty(p.Id)));
            // Each format's parser on its own as well, whichever format the text looks like: nothing catches for them.
            DigestParser.Parse(text, path);
            VaultNoteParser.Parse(text, path);
        }
    }

    [Fact]
    public async Task RandomIngestsAndSearchesNeverCauseServerErrorsOrLosePapers()
    {
        using var app = new SearchServiceApp().With("Api:Key", Key).With("Api:WritesPerSecond", "100000");
        var client = await app.ReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var sampleIds = SampleNotes.All.SelectMany(n => NoteParser.Parse(n.Value, n.Key).Papers).Select(p => p.Id).ToList();
        var startCount = (await HealthAsync(client)).Documents;
        Assert.Equal(sampleIds.Count, startCount);

        var hostile = new HostileText(20251127);
        var statuses = new Dictionary<string, int>();
        for (var i = 0; i < 600; i++)
        {
            var request = (i % 4) switch
            {
                0 => Ingest(hostile),
                3 => new HttpRequestMessage(HttpMethod.Get, "/papers/" + PathSegment(hostile, sampleIds)),
                _ => new HttpRequestMessage(HttpMethod.Get, "/search?" + SearchQuery(hostile)),
            };
            var described = $"#{i} {request.Method} {request.RequestUri}";
            using var response = await client.SendAsync(request);
            var tally = $"{request.Method} {request.RequestUri!.AbsolutePath.Split('/')[1]} {(int)response.StatusCode}";
            statuses[tally] = statuses.GetValueOrDefault(tally) + 1;
            Assert.True((int)response.StatusCode < 500, $"{described} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode != HttpStatusCode.OK)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{described} gave {(int)response.StatusCode} as {response.Content.Headers.ContentType}");
            if (i % 50 == 0) Assert.True((await HealthAsync(client)).Documents >= startCount, $"Papers were lost by #{i}");
        }

        output.WriteLine(string.Join("\n", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        // The run means something only if many writes and searches got through to the parsers and the index.
        Assert.True(statuses.GetValueOrDefault("POST ingest 200") > 50);
        Assert.True(statuses.GetValueOrDefault("GET search 200") > 50);
        Assert.True((await HealthAsync(client)).Documents >= startCount);
        foreach (var id in sampleIds)
        {
            using var response = await client.GetAsync("/papers/" + Uri.EscapeDataString(id));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sample paper {id} is gone: {(int)response.StatusCode}");
        }
    }

    private static HttpRequestMessage Ingest(HostileText hostile)
    {
        var text = hostile.Random.Next(4) == 0 ? hostile.Text(3000) : hostile.Mutate(hostile.Pick(Notes));
        var name = hostile.Random.Next(3) switch
        {
            0 => "",
            1 => "&name=" + HostileText.Escape(hostile.Text(30) + ".md"),
            _ => "&name=" + HostileText.Escape($"24{hostile.Random.Next(100):D2}{hostile.Random.Next(100):D2} Fuzz {hostile.Random.Next()}.md"),
        };
        var content = new ByteArrayContent(hostile.Bytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.Pick(["text/markdown", "text/plain", "text/markdown; charset=utf-8", "application/octet-stream"]));
        return new HttpRequestMessage(HttpMethod.Post, "/ingest?x=1" + name) { Content = content };
    }

    /// <summary>A hostile paper id for the path. No NUL: the in-memory test server refuses to build such a request at all (Kestrel answers 400).</summary>
    private static string PathSegment(HostileText hostile, IReadOnlyList<string> sampleIds)
    {
        var id = hostile.Random.Next(3) == 0 ? hostile.Pick(sampleIds) + hostile.Text(3) : hostile.Text(40);
        return HostileText.Escape(id.Replace("\0", ""));
    }

    private static string SearchQuery(HostileText hostile)
    {
        var parts = new List<string>();
        if (hostile.Random.Next(6) > 0)
        {
            var q = hostile.Random.Next(3) == 0 ? hostile.Pick(KnownHostileQueries) + hostile.Text(20) : hostile.Text(120);
            parts.Add("q=" + HostileText.Escape(q));
        }
        if (hostile.Random.Next(8) == 0) parts.Add("q=" + HostileText.Escape(hostile.Bytes(hostile.Text(20))));
        string Value(params string[] plausible) => hostile.Random.Next(8) == 0 ? hostile.Text(12) : hostile.Pick(plausible);
        if (hostile.Random.Next(3) == 0) parts.Add("limit=" + HostileText.Escape(Value("1", "10", "100", "0", "-1", "101", "99999999999", "1e3")));
        if (hostile.Random.Next(3) == 0) parts.Add("offset=" + HostileText.Escape(Value("0", "5", "10000", "10001", "-3", "2147483648")));
        if (hostile.Random.Next(4) == 0) parts.Add("from=" + HostileText.Escape(Value("2024", "2024-10", "2024-10-29", "2024-13", "0000", "9999-12-31", "2024-02-30")));
        if (hostile.Random.Next(4) == 0) parts.Add("to=" + HostileText.Escape(Value("2025", "2023-01", "2024-10-31", "1-1-1")));
        if (hostile.Random.Next(4) == 0) parts.Add("tag=" + HostileText.Escape(Value("moe", "#long-context", "long_context", "##", "diffusion")));
        if (hostile.Random.Next(5) == 0) parts.Add("tag=" + HostileText.Escape(Value("optimizer", "")));
        if (hostile.Random.Next(4) == 0) parts.Add("author=" + HostileText.Escape(Value("Jelassi", "Jürgen Schmidhuber", "Ré", ",", "")));
        if (hostile.Random.Next(4) == 0) parts.Add("sort=" + HostileText.Escape(Value("date", "relevance", "DATE")));
        if (hostile.Random.Next(4) == 0) parts.Add("mode=" + HostileText.Escape(Value("keyword", "hybrid", "semantic")));
        return string.Join('&', parts.OrderBy(_ => hostile.Random.Next()));
    }

    private static async Task<HealthDto> HealthAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<HealthDto>("/health"))!;

    private sealed record HealthDto(string Status, int Documents);
}
