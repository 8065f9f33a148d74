using System.Numerics.Tensors;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

/// <summary>snowflake-arctic-embed-xs twice: as shipped, and with queries on byte weights.</summary>
public sealed class Int8QueryEmbedderFixture : IDisposable
{
    public SentenceEmbedder Float { get; } = new(SentenceModelCard.ArcticXs);

    public SentenceEmbedder Int8 { get; } = new(SentenceModelCard.ArcticXs, new EmbedderOptions { Int8Queries = true });

    public void Dispose()
    {
        Float.Dispose();
        Int8.Dispose();
    }
}

public sealed class Int8QueryEmbedderTests(Int8QueryEmbedderFixture fixture) : IClassFixture<Int8QueryEmbedderFixture>
{
    private static readonly string[] Queries =
    [
        "low-rank adaptation of large language models",
        "diffusion models image generation",
        "reinforcement learning from human feedback",
        "graph neural network molecules",
        "speculative decoding latency",
        "강화학습 reward model",
    ];

    private static readonly string[] Passages =
    [
        "LoRA freezes the pretrained weights and trains small low-rank matrices added to each layer.",
        "Denoising diffusion probabilistic models generate images by reversing a gradual noising process.",
        "InstructGPT fine-tunes a language model on human preference rankings with PPO.",
        "Message passing networks predict molecular properties from atoms and bonds.",
        "A small draft model proposes tokens that the large model verifies in one pass.",
    ];

    [Fact]
    public void QueriesRunOnTheByteModelOnlyWhenAskedTo()
    {
        Assert.True(fixture.Int8.QueriesRunInt8);
        Assert.False(fixture.Float.QueriesRunInt8);
        // The vectors stored for passages stay the float model's, so the model id (part of their hash) is the same.
        Assert.Equal(fixture.Float.ModelId, fixture.Int8.ModelId);
    }

    [Fact]
    public void PassagesAreEmbeddedByTheFloatModelEitherWay()
    {
        var expected = fixture.Float.Embed(Passages);
        var actual = fixture.Int8.Embed(Passages);

        for (var i = 0; i < Passages.Length; i++)
            Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void ByteQueryVectorsStayCloseToTheFloatOnesAndFindTheSamePassage()
    {
        var passages = fixture.Float.Embed(Passages);
        var expected = fixture.Float.EmbedQueries(Queries);
        var actual = fixture.Int8.EmbedQueries(Queries);

        for (var i = 0; i < Queries.Length; i++)
        {
            Assert.True(TensorPrimitives.Dot(expected[i], actual[i]) > 0.99f, $"{Queries[i]}: cosine {TensorPrimitives.Dot(expected[i], actual[i])}");
            Assert.Equal(Nearest(passages, expected[i]), Nearest(passages, actual[i]));
        }
    }

    [Fact]
    public void AQueryGetsTheSameVectorAloneAsAmongOthers()
    {
        // Each run rounds its activations over their whole range; queries run one by one so no other query sets it.
        var together = fixture.Int8.EmbedQueries(Queries);

        for (var i = 0; i < Queries.Length; i++)
            Assert.Equal(together[i], fixture.Int8.EmbedQuery(Queries[i]));
    }

    private static int Nearest(float[][] passages, float[] query) =>
        Enumerable.Range(0, passages.Length).MaxBy(i => TensorPrimitives.Dot(passages[i], query));
}
