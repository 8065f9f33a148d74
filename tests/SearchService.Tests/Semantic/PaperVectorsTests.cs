using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Notes;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Tests.Semantic;

public sealed class PaperVectorsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    private static readonly Lazy<SentenceEmbedder> Embedder = new(() => new SentenceEmbedder());

    private static PaperStore StoreWith(params Paper[] papers) => InMemoryStore.With(papers);

    private static readonly Paper Diffusion = new() { Id = "d", Title = "Denoising diffusion models for image synthesis", Abstract = "We generate images by reversing a noising process." };
    private static readonly Paper Optimizer = new() { Id = "o", Title = "A second-order optimizer", EnglishCommentary = "Preconditioning gradients with Kronecker factors." };

    [Fact]
    public async Task RestartOverUnchangedPapersComputesNoEmbedding()
    {
        using var store = StoreWith(Diffusion, Optimizer);
        using (var vectors = new VectorStore(folder, Embedder.Value.Dimensions))
        using (var first = new PaperVectors(store, Embedder.Value, vectors, NullLogger<PaperVectors>.Instance))
        {
            await first.SyncAsync(CancellationToken.None);
            Assert.Equal(2, first.ComputedLastSync);
            Assert.Equal(2, first.Embedded);
        }
        using var reopened = new VectorStore(folder, Embedder.Value.Dimensions);
        using var second = new PaperVectors(store, Embedder.Value, reopened, NullLogger<PaperVectors>.Instance);
        await second.SyncAsync(CancellationToken.None);
        Assert.Equal(0, second.ComputedLastSync);
        Assert.Equal(2, second.Embedded);
    }

    [Fact]
    public async Task NearestPaperFollowsMeaningNotWords()
    {
        using var store = StoreWith(Diffusion, Optimizer);
        using var vectors = new VectorStore(folder, Embedder.Value.Dimensions);
        using var paperVectors = new PaperVectors(store, Embedder.Value, vectors, NullLogger<PaperVectors>.Instance);
        await paperVectors.SyncAsync(CancellationToken.None);

        Assert.Equal("d", paperVectors.NearText("generative model that turns noise into pictures", 1).Single().Id);
        Assert.Equal("o", paperVectors.NearText("training neural networks faster with curvature information", 1).Single().Id);
    }

    [Fact]
    public async Task DeletedPaperLosesItsVectors()
    {
        using var store = StoreWith(Diffusion, Optimizer);
        using var vectors = new VectorStore(folder, Embedder.Value.Dimensions);
        using var paperVectors = new PaperVectors(store, Embedder.Value, vectors, NullLogger<PaperVectors>.Instance);
        await paperVectors.SyncAsync(CancellationToken.None);
        store.Remove("mem:d");
        await paperVectors.SyncAsync(CancellationToken.None);
        Assert.Equal(1, paperVectors.Embedded);
        Assert.DoesNotContain(paperVectors.NearText("diffusion", 5), hit => hit.Id == "d");
    }

    [SkippableFact]
    public async Task AboveTheApproximateSizeTheGraphHoldsTheVectorsAndAnswersNarrowFilters()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var diffusions = Enumerable.Range(0, 10).Select(i => new Paper
        {
            Id = $"d{i}", Title = $"Diffusion model number {i} for image synthesis", Abstract = "We generate images by reversing a noising process.",
        });
        using var store = StoreWith([.. diffusions, Optimizer]);
        using var vectors = new VectorStore(folder, Embedder.Value.Dimensions);
        using var paperVectors = new PaperVectors(store, Embedder.Value, vectors, NullLogger<PaperVectors>.Instance,
            options: new SemanticOptions { ApproximateAbove = 5 });
        await paperVectors.SyncAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(folder, HnswVectorIndex.GraphFile)));
        Assert.Equal(11, paperVectors.Embedded);
        Assert.True(paperVectors.TryGet("o", out var optimizer));
        Assert.Equal(Embedder.Value.Dimensions, optimizer.Length);
        Assert.StartsWith("d", paperVectors.NearText("generative model that turns noise into pictures", 1).Single().Id);
        // The optimizer paper is far from this query: no graph candidate passes the filter, so an exact pass over the graph's vectors answers.
        var query = Embedder.Value.Embed(["image synthesis by denoising"])[0];
        Assert.Equal("o", paperVectors.Nearest(query, 1, id => id == "o").Single().Id);
        Assert.Equal(1f, paperVectors.Similarity(optimizer, "o")!.Value, precision: 2);
    }

    [SkippableFact]
    public async Task AFewChangedPapersAreAppliedToTheGraphInsteadOfRebuildingIt()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        using var store = StoreWith(TopicPapers());
        using var vectors = new VectorStore(folder, Embedder.Value.Dimensions);
        var log = new ListLogger<PaperVectors>();
        using var paperVectors = new PaperVectors(store, Embedder.Value, vectors, log, options: new SemanticOptions { ApproximateAbove = 5 });
        await paperVectors.SyncAsync(CancellationToken.None);

        ChangeTwoOfThirtyPapers(store);
        await paperVectors.SyncAsync(CancellationToken.None);

        Assert.Contains(log.Messages, m => m.StartsWith("Approximate vector index built", StringComparison.Ordinal));
        Assert.Contains(log.Messages, m => m.StartsWith("Approximate vector index updated for 31 vectors", StringComparison.Ordinal));
        Assert.Equal("p3", paperVectors.NearText("how proteins fold, from their sequence", 1).Single().Id);
        Assert.Equal("w", paperVectors.NearText("weather prediction", 1).Single().Id);
        // The graph saved after the update loads at the next start.
        using var reopened = new VectorStore(folder, Embedder.Value.Dimensions);
        var restartLog = new ListLogger<PaperVectors>();
        using var restarted = new PaperVectors(store, Embedder.Value, reopened, restartLog, options: new SemanticOptions { ApproximateAbove = 5 });
        await restarted.SyncAsync(CancellationToken.None);
        Assert.Contains(restartLog.Messages, m => m.StartsWith("Approximate vector index loaded for 31 vectors", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task AStartOverPapersChangedWhileStoppedUpdatesTheSavedGraphInsteadOfRebuildingIt()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        using var store = StoreWith(TopicPapers());
        using (var vectors = new VectorStore(folder, Embedder.Value.Dimensions))
        using (var first = new PaperVectors(store, Embedder.Value, vectors, new ListLogger<PaperVectors>(), options: new SemanticOptions { ApproximateAbove = 5 }))
            await first.SyncAsync(CancellationToken.None);

        ChangeTwoOfThirtyPapers(store);
        using var reopened = new VectorStore(folder, Embedder.Value.Dimensions);
        var log = new ListLogger<PaperVectors>();
        using var restarted = new PaperVectors(store, Embedder.Value, reopened, log, options: new SemanticOptions { ApproximateAbove = 5 });
        await restarted.SyncAsync(CancellationToken.None);

        Assert.Contains(log.Messages, m => m.StartsWith("Approximate vector index loaded and updated for 31 vectors", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.StartsWith("Approximate vector index built", StringComparison.Ordinal));
        Assert.Equal("p3", restarted.NearText("how proteins fold, from their sequence", 1).Single().Id);
        Assert.Equal("w", restarted.NearText("weather prediction", 1).Single().Id);
    }

    private static Paper[] TopicPapers()
    {
        string[] topics = ["image diffusion", "speech recognition", "graph neural networks", "machine translation", "robot control"];
        return Enumerable.Range(0, 30).Select(i => new Paper
        {
            Id = $"p{i}", Title = $"A study of {topics[i % topics.Length]}, part {i}", Abstract = $"We look at {topics[i % topics.Length]} again.",
        }).ToArray();
    }

    /// <summary>One paper rewritten about another field, one new: 2 of 30 papers change.</summary>
    private static void ChangeTwoOfThirtyPapers(Core.Store.PaperStore store)
    {
        var folding = new Paper { Id = "p3", Title = "Predicting protein structure from amino acid sequences", Sources = [new PaperSource("p3.md")] };
        var weather = new Paper { Id = "w", Title = "Forecasting the weather with neural networks", Sources = [new PaperSource("w.md")] };
        store.Put(new Core.Indexing.IngestedFile("mem:p3", "p3", [folding], []));
        store.Put(new Core.Indexing.IngestedFile("mem:w", "w", [weather], []));
        store.Commit();
        store.Refresh();
    }

    /// <summary>Keeps every message logged, formatted.</summary>
    private sealed class ListLogger<T> : Microsoft.Extensions.Logging.ILogger<T>
    {
        public List<string> Messages { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
