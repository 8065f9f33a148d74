using System.Numerics.Tensors;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmEmbedderTests(MiniLmEmbedderFixture fixture)
{
    private readonly SentenceEmbedder _embedder = fixture.Embedder;

    [Fact]
    public void ModelShippedInThePackageLoads()
    {
        // The model is inside a NuGet package, so a machine without it has a broken restore: fail loudly.
        Assert.True(_embedder.IsAvailable, _embedder.UnavailableReason);
    }

    [Fact]
    public void EmbedReturns384DimensionalUnitVectors()
    {
        var vectors = _embedder.Embed(["a cat sits on the mat", "stock market crash", ""]);

        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v =>
        {
            Assert.Equal(384, v.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(v), 3);
        });
    }

    [Fact]
    public void SimilarSentencesScoreHigherThanUnrelatedOnes()
    {
        var v = _embedder.Embed(["a cat sits on the mat", "a kitten is on the rug", "stock market crash"]);

        var similar = TensorPrimitives.Dot(v[0], v[1]);
        var unrelated = TensorPrimitives.Dot(v[0], v[2]);

        Assert.True(similar > unrelated + 0.3f, $"similar {similar}, unrelated {unrelated}");
    }

    [Fact]
    public void BatchingAndLengthSortingDoNotChangeVectorsOrOrder()
    {
        string[] texts =
        [
            "Attention is all you need: a network architecture based solely on attention mechanisms.",
            "LoRA",
            "Scaling laws for neural language models relate loss to model size, data and compute.",
        ];

        var together = _embedder.Embed(texts);
        var alone = texts.Select(t => _embedder.Embed([t])[0]).ToArray();

        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(1f, TensorPrimitives.Dot(together[i], alone[i]), 4);
    }

    [Fact]
    public void TextLongerThanTheModelLimitIsTruncatedNotRejected()
    {
        var longText = string.Join(' ', Enumerable.Repeat("transformer attention scaling", 1000));

        var vector = _embedder.Embed([longText])[0];

        Assert.Equal(384, vector.Length);
    }

    [Fact]
    public void ModelIdNamesTheTruncationLength()
    {
        Assert.Contains("all-MiniLM-L6-v2", _embedder.ModelId);
        Assert.Contains("max256", _embedder.ModelId);
    }

    [Fact]
    public void ModelThatFailsToLoadLeavesEmbedderUnavailableInsteadOfThrowing()
    {
        using var broken = new SentenceEmbedder(SentenceModelCard.MiniLM, null, null, _ => throw new FileNotFoundException("model.onnx"));

        Assert.False(broken.IsAvailable);
        Assert.Contains("model.onnx", broken.UnavailableReason);
        Assert.Throws<InvalidOperationException>(() => broken.Embed(["text"]));
    }
}
