using System.Numerics.Tensors;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using Onnx;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class ClsOnlyLastLayerTests
{
    [Fact]
    public void ArcticXsGivesTheSameVectorsWithTheLastLayerOnTheFirstPositionAlone()
    {
        var files = EmbeddedModelFiles.Load(SentenceModelCard.ArcticXs);
        var tokenizer = BertTokenizer.Create(files.Vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        var rewritten = ClsOnlyLastLayer.Rewrite(files.Onnx);
        Assert.NotNull(rewritten);
        using var whole = new InferenceSession(files.Onnx);
        using var firstOnly = new InferenceSession(rewritten);
        var names = EncoderInputs.From(whole, SentenceModelCard.Dimensions);
        // One run of texts of different lengths, so the shorter ones are padded.
        int[][] tokens = [.. new[]
        {
            SentenceModelCard.ArcticXs.QueryPrefix + "low-rank adaptation",
            "Denoising diffusion probabilistic models generate images by reversing a gradual noising process, " +
            "one small step at a time, and a network learns to undo each step.",
            "LoRA",
        }.Select(text => tokenizer.EncodeToIds(text, 256, out _, out _).ToArray())];

        var expected = EncoderBatch.Run(whole, names, tokens, Pooling.Cls, CancellationToken.None);
        var actual = EncoderBatch.Run(firstOnly, names, tokens, Pooling.Cls, CancellationToken.None);

        for (var i = 0; i < tokens.Length; i++)
            Assert.True(TensorPrimitives.Dot(expected[i], actual[i]) > 0.99999f, $"text {i}: cosine {TensorPrimitives.Dot(expected[i], actual[i])}");
    }

    [Fact]
    public void GraphOfAnotherLayoutIsLeftWhole()
    {
        var graph = new GraphProto { Name = "identity" };
        graph.Input.Add(new ValueInfoProto { Name = "x" });
        graph.Node.Add(new NodeProto { OpType = "Identity", Input = { "x" }, Output = { "y" } });
        graph.Output.Add(new ValueInfoProto { Name = "y" });

        Assert.Null(ClsOnlyLastLayer.Rewrite(new ModelProto { Graph = graph }.ToByteArray()));
    }
}
