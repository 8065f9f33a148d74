using SearchService.Api.Hosting;
using SearchService.Core.Notes;
using SearchService.Tests.Robustness;

namespace SearchService.Tests.Api;

/// <summary>The warm-up after a start: what it asks for, and that a real start sends all of it through Kestrel.</summary>
public sealed class WarmUpTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));

    private static readonly Paper[] Papers =
    [
        new() { Id = "2410.19034", Title = "Mixture of Parrots: Experts improve memorization", Tags = ["moe"], KoreanCommentary = "전문가 혼합은 기억에 효율적이다." },
        new() { Id = "a/b c", Title = "A paper whose id needs escaping" },
    ];

    [Fact]
    public void RequestsAreMostlyKeywordSearchesOfThePapersOwnWords()
    {
        var requests = new WarmUpRequests(Papers);
        var paths = Enumerable.Range(0, 200).Select(requests.Next).ToList();

        Assert.Equal(160, paths.Count(p => p.StartsWith("/search?mode=keyword&q=", StringComparison.Ordinal)));
        Assert.Equal(20, paths.Count(p => p.StartsWith("/search?q=", StringComparison.Ordinal)));
        Assert.Equal(10, paths.Count(p => p.EndsWith("/related?limit=10", StringComparison.Ordinal)));
        var words = paths.Where(p => p.StartsWith("/search", StringComparison.Ordinal))
            .SelectMany(p => Uri.UnescapeDataString(p.Split("q=")[1].Split('&')[0]).Split(' '))
            .ToHashSet();
        Assert.Contains("Parrots", words);
        Assert.Contains("전문가", words);
        Assert.DoesNotContain("of", words);
        Assert.All(paths.Where(p => p.StartsWith("/papers/", StringComparison.Ordinal)),
            p => Assert.True(p.StartsWith("/papers/2410.19034", StringComparison.Ordinal) || p.StartsWith("/papers/a%2Fb%20c", StringComparison.Ordinal), p));
    }

    [Fact]
    public void AnEmptyIndexGivesNothingToAsk() => Assert.True(new WarmUpRequests([]).IsEmpty);

    [Fact]
    [Trait("Category", "Process")]
    public async Task AStartSendsTheWholeWarmUpThroughKestrelWithoutAFailure()
    {
        var log = await StartAndWaitForReadyAsync("--Api:WarmUpSeconds=60", "--Api:WarmUpRequests=100");

        Assert.Contains("Warm-up: 100 requests", log);
        Assert.Contains("(0 failed)", log);
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task AWarmUpThatRunsOutOfTimeEndsQuietlyAtItsBudget()
    {
        var log = await StartAndWaitForReadyAsync("--Api:WarmUpSeconds=1", "--Api:WarmUpRequests=1000000");

        Assert.Matches(@"Warm-up: \d+ requests to \S+ in \d+\.\d s \(0 failed\)", log);
        Assert.DoesNotContain("Warm-up stopped", log);
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task AnEmptyCorpusHasNothingToWarmAndSaysReady()
    {
        var corpus = Path.Combine(root, "empty");
        Directory.CreateDirectory(corpus);
        using var api = ApiProcess.Start(corpus, Path.Combine(root, "index"), "--Api:WarmUpSeconds=60");

        var health = await api.WaitForAsync(h => h.Status == "ready", TimeSpan.FromSeconds(30));

        Assert.Equal(0, health.Documents);
    }

    /// <summary>Starts the API over the sample notes with the given warm-up settings; returns its console output once it says "ready".</summary>
    private async Task<string> StartAndWaitForReadyAsync(params string[] settings)
    {
        var corpus = Path.Combine(root, "corpus");
        foreach (var (path, text) in SampleNotes.All)
        {
            var file = Path.Combine(corpus, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
        using var api = ApiProcess.Start(corpus, Path.Combine(root, "index"), settings);
        await api.WaitForAsync(h => h.Status == "ready", TimeSpan.FromSeconds(90));
        // The console logger writes from a queue of its own: the line may trail the status by a moment.
        for (var i = 0; i < 100 && !api.StandardOutput.Contains("Warm-up", StringComparison.Ordinal); i++) await Task.Delay(50);
        return api.StandardOutput;
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
