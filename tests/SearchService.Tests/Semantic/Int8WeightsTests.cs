using System.Numerics.Tensors;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

/// <summary>The rewrite of weight products as bytes, on a one-product graph where the exact answer is known.</summary>
public sealed class Int8WeightsTests
{
    private const int Rows = 3, Inner = 8, Columns = 5;

    [Fact]
    public void ByteProductStaysCloseToTheFloatProduct()
    {
        var (weights, model) = OneProduct(secondInputIsConstant: true);
        var input = Values(Rows * Inner, seed: 2);

        var (rewritten, quantized) = Int8Weights.Rewrite(model);

        Assert.Equal(1, quantized);
        AssertClose(Multiply(input, weights), Run(rewritten, input));
    }

    [Fact]
    public void ScalingLargeChannelsKeepsTheProductAndAddsOneMultiply()
    {
        var (weights, model) = OneProduct(secondInputIsConstant: true);
        var input = Values(Rows * Inner, seed: 3);
        // Channel 0 runs 40 times larger than the others, as outlier channels of an encoder do.
        for (var row = 0; row < Rows; row++)
            input[row * Inner] *= 40;
        var ranges = new Dictionary<string, float[]> { ["x"] = ChannelRanges(input) };

        var (rewritten, _) = Int8Weights.Rewrite(model, ranges);

        Assert.Contains(ModelProto.Parser.ParseFrom(rewritten).Graph.Node, node => node.OpType == "Mul");
        AssertClose(Multiply(input, weights), Run(rewritten, input));
    }

    [Fact]
    public void GraphWithoutConstantWeightsIsLeftAsItIs()
    {
        var (_, model) = OneProduct(secondInputIsConstant: false);

        var (rewritten, quantized) = Int8Weights.Rewrite(model);

        Assert.Equal(0, quantized);
        Assert.Same(model, rewritten);
    }

    // y = x · w, with w a constant of the graph, or a second input when secondInputIsConstant is false.
    private static (float[] Weights, byte[] Model) OneProduct(bool secondInputIsConstant)
    {
        var weights = Values(Inner * Columns, seed: 1);
        var graph = new GraphProto { Name = "one-product" };
        graph.Input.Add(FloatValue("x", Rows, Inner));
        if (secondInputIsConstant)
        {
            var tensor = new TensorProto
            {
                Name = "w",
                DataType = (int)TensorProto.Types.DataType.Float,
                RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan())),
            };
            tensor.Dims.Add(Inner);
            tensor.Dims.Add(Columns);
            graph.Initializer.Add(tensor);
        }
        else
        {
            graph.Input.Add(FloatValue("w", Inner, Columns));
        }
        var product = new NodeProto { Name = "product", OpType = "MatMul" };
        product.Input.Add("x");
        product.Input.Add("w");
        product.Output.Add("y");
        graph.Node.Add(product);
        graph.Output.Add(FloatValue("y", Rows, Columns));
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return (weights, model.ToByteArray());
    }

    private static ValueInfoProto FloatValue(string name, params long[] shape)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = new TensorShapeProto() };
        foreach (var size in shape)
            tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    private static float[] Run(byte[] model, float[] input)
    {
        using var session = new InferenceSession(model);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [Rows, Inner]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [value], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static float[] Multiply(float[] input, float[] weights)
    {
        var product = new float[Rows * Columns];
        for (var row = 0; row < Rows; row++)
            for (var column = 0; column < Columns; column++)
                for (var k = 0; k < Inner; k++)
                    product[row * Columns + column] += input[row * Inner + k] * weights[k * Columns + column];
        return product;
    }

    private static float[] ChannelRanges(float[] input)
    {
        var ranges = new float[Inner];
        for (var i = 0; i < input.Length; i++)
            ranges[i % Inner] = Math.Max(ranges[i % Inner], Math.Abs(input[i]));
        return ranges;
    }

    // Bytes keep about two decimal digits: every entry within 3% of the largest.
    private static void AssertClose(float[] expected, float[] actual)
    {
        var tolerance = 0.03f * Math.Abs(TensorPrimitives.MaxMagnitude(expected));
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"entry {i}: {actual[i]} against {expected[i]} (tolerance {tolerance})");
    }

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }
}
