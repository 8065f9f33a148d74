using System.Text.Json;
using SearchService.Tests.Api;

namespace SearchService.Tests.Cli;

/// <summary>The CLI over an index folder it builds itself (keywords only, no model), and over the API in memory.</summary>
public sealed class CliTests : IDisposable
{
    private readonly IngestFolders folders = new();

    public CliTests()
    {
        foreach (var (path, text) in SampleNotes.All) folders.Write(path, text);
        folders.Write("2024/241101 No Authors.md", "https://arxiv.org/abs/2411.00001\n\n*A Paper Without Authors*\n\n#moe\n");
    }

    private async Task IngestAsync()
    {
        var ingest = await CliRun.RunAsync("ingest", folders.Corpus, "--data", folders.Data, "--no-embed");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("missing-authors", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("5 seen, 5 parsed", ingest.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestThenSearchTheFolderPrintsATableAndJson()
    {
        await IngestAsync();
        var table = await CliRun.RunAsync("search", "memorization", "--data", folders.Data);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Mixture of Parrots", table.Out, StringComparison.Ordinal);
        Assert.Contains("2410.19034", table.Out, StringComparison.Ordinal);

        var json = await CliRun.RunAsync("search", "--tag", "diffusion", "--from", "2024", "--data", folders.Data, "--json");
        Assert.Equal(0, json.ExitCode);
        var ids = JsonDocument.Parse(json.Out).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("2410.20280", ids);
        Assert.DoesNotContain("2410.19034", ids);
    }

    [Fact]
    public async Task RelatedStatusAndWarningsReadTheFolder()
    {
        await IngestAsync();
        var related = await CliRun.RunAsync("related", "241025 Mixture of Parrots", "--data", folders.Data, "--json");
        Assert.Equal(0, related.ExitCode);
        Assert.NotEmpty(JsonDocument.Parse(related.Out).RootElement.GetProperty("results").EnumerateArray());

        var status = await CliRun.RunAsync("status", "--data", folders.Data, "--json");
        Assert.Equal(6, JsonDocument.Parse(status.Out).RootElement.GetProperty("documents").GetInt32());

        var warnings = await CliRun.RunAsync("warnings", "--code", "missing-authors", "--data", folders.Data);
        Assert.Equal(0, warnings.ExitCode);
        Assert.Contains("241101 No Authors.md", warnings.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "x", "--limit", "many")]
    [InlineData("search", "x", "--mode", "fuzzy")]
    [InlineData("search", "x", "--url", "http://127.0.0.1:1", "--data", "somewhere")]
    [InlineData("search", "x", "--url", "not a url")]
    [InlineData("frobnicate")]
    [InlineData("ingest")]
    public async Task AWrongCommandLineExitsWithTwoAndSaysWhyOnStderr(params string[] args)
    {
        var result = await CliRun.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task FailuresExitWithOneAndSayWhyOnStderr()
    {
        var noIndex = await CliRun.RunAsync("search", "x", "--data", Path.Combine(folders.Root, "missing"));
        Assert.Equal(1, noIndex.ExitCode);
        Assert.Contains("no index at", noIndex.Error, StringComparison.Ordinal);

        await IngestAsync();
        var noPaper = await CliRun.RunAsync("related", "no such paper", "--data", folders.Data);
        Assert.Equal(1, noPaper.ExitCode);
        Assert.Contains("no such paper", noPaper.Error, StringComparison.Ordinal);

        var unreachable = await CliRun.RunAsync("status", "--url", "http://127.0.0.1:1");
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("cannot reach", unreachable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithUrlTheCliAsksTheServiceThroughTheClient()
    {
        using var app = new SearchServiceApp();
        await app.ReadyClientAsync();
        Func<Uri, HttpClient> http = _ => app.CreateClient();

        var search = await CliRun.RunAsync(http, "search", "추론 능력", "--url", "http://localhost");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("Mixture of Parrots", search.Out, StringComparison.Ordinal);

        var status = await CliRun.RunAsync(http, "status", "--url", "http://localhost");
        Assert.Contains("ready", status.Out, StringComparison.Ordinal);

        var badLimit = await CliRun.RunAsync(http, "search", "x", "--limit", "500", "--url", "http://localhost");
        Assert.Equal(2, badLimit.ExitCode);
        Assert.Contains("limit", badLimit.Error, StringComparison.Ordinal);
    }

    public void Dispose() => folders.Dispose();
}
