using Microsoft.Extensions.DependencyInjection;
using SearchService.Api.Apis;
using SearchService.Api.Hosting;
using SearchService.Core.Indexing;
using SearchService.Core.Ingestion;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Tests.Api;

/// <summary>
/// A start over an index an earlier pass completed serves all of it at once and says "checking" while the new pass
/// compares it with the corpus folders; a first ingest (or one cut short) says "indexing"; both turn "ready" after a pass.
/// </summary>
public sealed class RestartHealthTests : IDisposable
{
    private const int NoteCount = 120;
    private readonly IngestFolders folders = new();
    private readonly ServiceProvider services = new ServiceCollection().AddSingleton(new SemanticOptions { Enabled = false }).BuildServiceProvider();
    private readonly SemanticServices semanticOff;

    public RestartHealthTests()
    {
        semanticOff = new SemanticServices(services);
        for (var i = 0; i < NoteCount; i++) folders.Write($"notes/{i:000} note.md", Note(i, "original"));
    }

    private static string Note(int i, string word) => $"""
        https://arxiv.org/abs/2501.{10000 + i}

        *Sparse routing study {i}* (Ada Lovelace)

        > We study {word} sparse routing of experts.

        #moe
        """;

    private static int Total(PaperStore store, string query) =>
        new KeywordSearcher(store.Index).Search(new SearchRequest { Query = query }).Total;

    [Fact]
    public async Task RestartOverACompletedIndexIsCheckingAndSearchesSeeAllOfItWhileThePassRuns()
    {
        var (store, ingestor) = folders.Open();
        using (store)
        {
            Assert.Equal("indexing", HealthApi.Health(store, ingestor, semanticOff).Status);
            await ingestor.RunAsync(CancellationToken.None);
            Assert.Equal("ready", HealthApi.Health(store, ingestor, semanticOff).Status);
        }
        // Half the notes change while the service is stopped: the restart pass has real work to do.
        for (var i = 0; i < NoteCount; i += 2) folders.Write($"notes/{i:000} note.md", Note(i, "revised"));

        var (again, restarted) = folders.Open();
        using (again)
        {
            var before = HealthApi.Health(again, restarted, semanticOff);
            Assert.Equal("checking", before.Status);
            Assert.Equal(NoteCount, before.Documents);
            Assert.NotNull(before.LastIngest);
            Assert.Equal(NoteCount, Total(again, "routing"));

            var pass = Task.Run(() => restarted.RunAsync(CancellationToken.None));
            while (!pass.IsCompleted)
            {
                // A paper being rewritten is replaced, never missing: every search sees every paper.
                Assert.Equal(NoteCount, Total(again, "routing"));
                Assert.Contains(HealthApi.Health(again, restarted, semanticOff).Status, new[] { "checking", "ready" });
            }
            await pass;

            Assert.Equal("ready", HealthApi.Health(again, restarted, semanticOff).Status);
            Assert.Equal(NoteCount / 2, restarted.Progress.FilesParsed);
            Assert.Equal(NoteCount / 2, Total(again, "revised"));
        }
    }

    [Fact]
    public async Task AnIndexNoPassEverCompletedIsStillIndexingAfterARestart()
    {
        var (store, _) = folders.Open();
        using (store)
        {
            // What a first ingest killed after a commit leaves: papers on disk, no record of a whole pass.
            store.Put(Parsed(0));
            store.Commit();
        }
        var (again, restarted) = folders.Open();
        using (again)
        {
            Assert.Null(again.Index.LastCorpusPass);
            Assert.Equal("indexing", HealthApi.Health(again, restarted, semanticOff).Status);
            await restarted.RunAsync(CancellationToken.None);
            Assert.Equal("ready", HealthApi.Health(again, restarted, semanticOff).Status);
            Assert.NotNull(again.Index.LastCorpusPass);
        }
    }

    private IngestedFile Parsed(int i)
    {
        var relative = $"notes/{i:000} note.md";
        var bytes = File.ReadAllBytes(folders.PathOf(relative));
        return CorpusIngestor.Parse(folders.PathOf(relative), relative, ContentHash.Of(bytes), bytes);
    }

    public void Dispose()
    {
        services.Dispose();
        folders.Dispose();
    }
}
