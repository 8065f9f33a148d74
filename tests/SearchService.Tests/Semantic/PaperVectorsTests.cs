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

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
