using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Notes;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

/// <summary>Switching the embedding model re-embeds once into the new model's folder and never mixes the two.</summary>
public sealed class ModelSwitchTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));

    // Stand-ins for two models with vectors of the same width: only the folder and the model id keep them apart.
    private static readonly VocabularyEmbedder First = new("diffusion", "optimizer", "images");
    private static readonly VocabularyEmbedder Second = new("noise", "gradients", "pictures");

    private static readonly Paper[] Papers =
    [
        new() { Id = "d", Title = "Denoising diffusion models", Abstract = "We generate images from noise." },
        new() { Id = "o", Title = "A second-order optimizer", Abstract = "Preconditioning gradients." },
    ];

    private async Task<int> SyncAsync(EmbeddingModel model, ITextEmbedder embedder)
    {
        using var store = InMemoryStore.With(Papers);
        using var vectors = new VectorStore(Embedders.VectorFolder(root, model), embedder.Dimensions);
        using var paperVectors = new PaperVectors(store, embedder, vectors, NullLogger<PaperVectors>.Instance);
        await paperVectors.SyncAsync(CancellationToken.None);
        return paperVectors.ComputedLastSync;
    }

    [Fact]
    public async Task SwitchingModelReembedsAndSwitchingBackReusesTheFirstModelsVectors()
    {
        Assert.Equal(2, await SyncAsync(EmbeddingModel.MiniLM, First));
        Assert.Equal(2, await SyncAsync(EmbeddingModel.ArcticXs, Second));
        Assert.Equal(0, await SyncAsync(EmbeddingModel.MiniLM, First));
        Assert.Equal(0, await SyncAsync(EmbeddingModel.ArcticXs, Second));
    }

    [Fact]
    public void EveryModelHasAFolderOfItsOwn()
    {
        var folders = Enum.GetValues<EmbeddingModel>().Select(m => Embedders.VectorFolder(root, m)).ToList();

        Assert.Equal(folders.Count, folders.Distinct().Count());
    }

    [Fact]
    public void SettingNamesEveryModelAndBuildsItsEmbedder()
    {
        using var joined = (IDisposable)Embedders.Create(EmbeddingModel.MiniLMAndArcticXs);
        var embedder = (ITextEmbedder)joined;

        Assert.Equal(768, embedder.Dimensions);
        Assert.Contains("all-MiniLM-L6-v2", embedder.ModelId);
        Assert.Contains("snowflake-arctic-embed-xs", embedder.ModelId);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
