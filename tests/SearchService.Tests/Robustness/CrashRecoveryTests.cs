using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Tests.Api;
using SearchService.Core.Store;

namespace SearchService.Tests.Robustness;

/// <summary>
/// The API as a real child process, killed with SIGKILL in the middle of an ingest and started again over
/// the same folders. The ingest commits every 250 files here (Index:CommitEvery) so that a corpus of a few
/// thousand files has several commits before the kill; the kill comes once /health shows more than 1,200
/// files but still "indexing", so at least the commit at 1,000 files is on disk and the rest is not.
/// </summary>
[Trait("Category", "Process")]
public sealed partial class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int NoteCount = 3000;
    private const int CommitEvery = 250;
    private const int KillAfterFiles = 1200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string root = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    private string Corpus => Path.Combine(root, "corpus");
    private string Data => Path.Combine(root, "index");

    [SkippableFact]
    public async Task IngestKilledMidwayCompletesAfterRestartWithNothingLostOrDuplicated()
    {
        var clock = Stopwatch.StartNew();
        SyntheticCorpus.Write(Corpus, NoteCount);

        ApiProcess.Health atKill;
        using (var first = ApiProcess.Start(Corpus, Data, $"--Index:CommitEvery={CommitEvery}"))
        {
            atKill = await first.WaitForAsync(h => h.Files >= KillAfterFiles || h.Status == "ready", Patience);
            first.Kill();
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed at {atKill}");
        // On a fast machine the whole ingest can finish between two polls of /health: nothing to recover, so nothing tested.
        Skip.If(atKill.Status != "indexing", $"The ingest finished before the kill ({atKill}), so there was nothing to recover.");

        ApiProcess.Health recovered;
        string log;
        using (var second = ApiProcess.Start(Corpus, Data, $"--Index:CommitEvery={CommitEvery}"))
        {
            // The committed part answers at once, before the interrupted ingest is finished.
            await second.WaitForAsync(_ => true, Patience);
            var early = await second.Client.GetFromJsonAsync<SearchDto>("/search?q=synthetic&limit=1&mode=keyword");
            Assert.True(early!.Total > 0);

            recovered = await second.WaitForAsync(h => h.Status == "ready", Patience);
            var all = await second.Client.GetFromJsonAsync<SearchDto>("/search?q=synthetic&limit=1&mode=keyword");
            Assert.Equal(recovered.Documents, all!.Total);
            var known = await second.Client.GetFromJsonAsync<SearchDto>($"/search?q={SyntheticCorpus.MarkerOf(2345)}&mode=keyword");
            Assert.Contains(known!.Results, r => r.Id == SyntheticCorpus.ArxivIdOf(2345));
            log = second.StandardOutput;
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: restarted and ready with {recovered}");

        // The restart parsed only what the last commit before the kill did not hold.
        var parsedAfterRestart = int.Parse(IngestDone().Match(log).Groups["parsed"].Value);
        Assert.InRange(parsedAfterRestart, 0, NoteCount - 1000);

        var clean = await CleanIngestAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: clean ingest gave {clean}; {parsedAfterRestart} files parsed after the restart");
        Assert.Equal(NoteCount, recovered.Files);
        Assert.Equal(clean.Files, recovered.Files);
        Assert.Equal(clean.Documents, recovered.Documents);
        Assert.Equal(clean.Warnings, recovered.Warnings);
        // One paper per arXiv id: every tenth note shares its URL with the note before.
        Assert.Equal(NoteCount - NoteCount / 10, clean.Documents);

        var ids = PaperIdsIn(Data);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(clean.Documents, ids.Count);
    }

    [Fact]
    public async Task SecondInstanceOnALockedIndexExitsWithAClearError()
    {
        foreach (var (path, text) in SampleNotes.All)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Corpus, path))!);
            File.WriteAllText(Path.Combine(Corpus, path), text);
        }
        using var first = ApiProcess.Start(Corpus, Data);
        await first.WaitForAsync(h => h.Status == "ready", Patience);

        using var second = ApiProcess.Start(Corpus, Data);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("locked", second.StandardError);
        // The instance holding the lock is unaffected.
        Assert.Equal("ready", (await first.HealthAsync())?.Status);
    }

    private async Task<ApiProcess.Health> CleanIngestAsync()
    {
        using var store = new PaperStore(PaperIndex.Open(Path.Combine(root, "clean"), PaperAnalyzers.Create()));
        await new CorpusIngestor(store, [Corpus], NullLogger<CorpusIngestor>.Instance).RunAsync(CancellationToken.None);
        return new ApiProcess.Health("ready", store.PaperCount, store.FileCount, store.WarningCount);
    }

    /// <summary>The id of every paper document in the committed index, duplicates included.</summary>
    private static List<string> PaperIdsIn(string folder)
    {
        using var index = PaperIndex.Open(folder, PaperAnalyzers.Create());
        using var lease = index.Lease();
        var searcher = lease.Searcher;
        var query = new TermQuery(new Term(PaperFields.Kind, PaperFields.PaperKind));
        var hits = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs;
        return hits.Select(h => searcher.Doc(h.Doc).Get(PaperFields.Id)).ToList();
    }

    [GeneratedRegex(@"files seen, (?<parsed>\d+) parsed")]
    private static partial Regex IngestDone();

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }

    private sealed record SearchDto(int Total, List<HitDto> Results);
    private sealed record HitDto(string Id);
}
