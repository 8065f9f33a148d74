using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace SearchService.Core.Semantic;

/// <summary>
/// Rewrites a float ONNX encoder so that every matrix product with a constant weight matrix reads that matrix as
/// signed bytes: each <c>MatMul</c> becomes ONNX Runtime's <c>DynamicQuantizeMatMul</c>, which turns the activations
/// into bytes on each run and scales the integer product back to floats. The weights (10.6M of arctic-embed-xs's
/// parameters, 42 MB as floats) then take 11 MB, and a short query runs in about half the CPU time. The vectors move
/// a little. Activations are rounded per run over their whole range, so channels that run large are first scaled down
/// and their weight rows up by the same factor (SmoothQuant, Xiao et al. 2023, with the channel ranges of
/// <see cref="ActivationRanges"/>): the product is unchanged, and the activations' rounding error shrinks. Over 480
/// three-word queries of the load test's word list (dictionary-translated, Hangul left where no entry knew a word) the
/// cosine to the float model's vector was 0.9991 on average, 0.9978 at least (0.9981 and 0.9956 without the scaling).
/// </summary>
internal static class Int8Weights
{
    /// <summary>
    /// Weight bytes span -63..63, not -127..127. Without VNNI, ONNX Runtime's AVX2 kernel multiplies activation bytes
    /// (0..255) by weight bytes and adds each pair into 16 bits, which saturates with full-range weights: the same
    /// 480 queries' mean cosine to the float vectors was 0.9959 with 127 levels against 0.9981 with 63.
    /// </summary>
    private const int Levels = 63;

    /// <summary>
    /// How much of a channel's range moves into the weights: its activations are divided by range^α / weight range^(1-α),
    /// never by less than 1. Mean cosine over the 480 queries above for α = 0.5, 0.65, 0.8, 0.9, 1.0: 0.9980, 0.9991,
    /// 0.9991, 0.9989, 0.9985 (the held-out and dev query sets were not used to choose).
    /// </summary>
    private const double Migration = 0.8;

    /// <summary>The products this rewrites: <c>MatMul</c> nodes whose second input is a constant float matrix.</summary>
    public static IEnumerable<(NodeProto Node, TensorProto Weight)> WeightProducts(GraphProto graph)
    {
        var weights = graph.Initializer.ToDictionary(tensor => tensor.Name);
        foreach (var node in graph.Node)
        {
            if (node.OpType == "MatMul" && node.Domain.Length == 0 && weights.TryGetValue(node.Input[1], out var weight)
                && weight.Dims.Count == 2 && weight.DataType == (int)TensorProto.Types.DataType.Float)
                yield return (node, weight);
        }
    }

    /// <summary>
    /// The rewritten model, and how many products it quantized (0: nothing to gain, use the original).
    /// <paramref name="activationRanges"/> (<see cref="ActivationRanges.Measure"/>) turns on the channel scaling for
    /// the products whose input it names.
    /// </summary>
    public static (byte[] Model, int Quantized) Rewrite(byte[] onnx, IReadOnlyDictionary<string, float[]>? activationRanges = null)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var products = WeightProducts(graph).ToDictionary<(NodeProto Node, TensorProto Weight), NodeProto, TensorProto>(product => product.Node, product => product.Weight, ReferenceEqualityComparer.Instance);
        var consumers = graph.Node.SelectMany(node => node.Input).GroupBy(name => name).ToDictionary(g => g.Key, g => g.Count());
        var nodes = new List<NodeProto>(graph.Node.Count);
        var quantized = 0;
        foreach (var node in graph.Node)
        {
            if (!products.TryGetValue(node, out var weight))
            {
                nodes.Add(node);
                continue;
            }

            var values = FloatValues(weight);
            var input = node.Input[0];
            // Named by weight and product: a weight two products share gets bytes of its own for each (each may be scaled
            // differently), and node names may be empty.
            var name = $"{weight.Name}_{quantized}";
            if (activationRanges?.GetValueOrDefault(input) is { } range && range.Length == weight.Dims[0])
            {
                var divisors = MigrateRange(values, range, checked((int)weight.Dims[1]));
                var divisorTensor = FloatTensor(name + "_smooth", divisors.Select(d => 1 / d).ToArray());
                graph.Initializer.Add(divisorTensor);
                var scaled = new NodeProto { Name = name + "_smooth", OpType = "Mul" };
                scaled.Input.Add(input);
                scaled.Input.Add(divisorTensor.Name);
                scaled.Output.Add(name + "_smoothed");
                nodes.Add(scaled);
                input = scaled.Output[0];
            }

            var (bytes, scales) = Quantize(name, weight, values);
            graph.Initializer.Add(bytes);
            graph.Initializer.Add(scales);
            // The float matrix goes unless another node still reads it (a tied weight).
            if (consumers[weight.Name] == 1)
                graph.Initializer.Remove(weight);
            var product = new NodeProto { Name = name + "_product", OpType = "DynamicQuantizeMatMul", Domain = "com.microsoft" };
            product.Input.Add(input);
            product.Input.Add(bytes.Name);
            product.Input.Add(scales.Name);
            product.Output.Add(node.Output[0]);
            nodes.Add(product);
            quantized++;
        }

        if (quantized == 0)
            return (onnx, 0);
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        if (!model.OpsetImport.Any(opset => opset.Domain == "com.microsoft"))
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        return (model.ToByteArray(), quantized);
    }

    private static float[] FloatValues(TensorProto weight)
    {
        var values = weight.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray() : [.. weight.FloatData];
        if (values.Length != weight.Dims[0] * weight.Dims[1])
            throw new InvalidDataException($"Weight {weight.Name} holds {values.Length} values, not {weight.Dims[0]}×{weight.Dims[1]}.");
        return values;
    }

    // Multiplies each weight row by its channel's divisor (in place) and returns the divisors; a channel that is
    // never seen, or whose weights are all zero, keeps 1. A divisor below 1 would enlarge a channel that ran small on the
    // calibration texts but may run large on a real query (Hangul, say) and then widen the whole run's range: with
    // divisors below 1 allowed, the 480 queries' cosine fell to 0.9974 on average and 0.977 at least.
    private static float[] MigrateRange(float[] values, float[] activationRange, int columns)
    {
        var divisors = new float[activationRange.Length];
        for (var row = 0; row < divisors.Length; row++)
        {
            var weights = values.AsSpan(row * columns, columns);
            var weightRange = TensorPrimitives.MaxMagnitude(weights);
            divisors[row] = activationRange[row] > 0 && weightRange != 0
                ? Math.Max(1f, (float)(Math.Pow(activationRange[row], Migration) / Math.Pow(Math.Abs(weightRange), 1 - Migration)))
                : 1f;
            TensorPrimitives.Multiply(weights, divisors[row], weights);
        }
        return divisors;
    }

    // One scale per output column (symmetric, zero point 0): columns of a weight matrix differ in range, and one
    // scale for the whole matrix would round the small columns coarsely.
    private static (TensorProto Bytes, TensorProto Scales) Quantize(string name, TensorProto weight, float[] values)
    {
        var rows = checked((int)weight.Dims[0]);
        var columns = checked((int)weight.Dims[1]);

        var scales = new float[columns];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
                scales[column] = Math.Max(scales[column], Math.Abs(values[row * columns + column]));
        for (var column = 0; column < columns; column++)
            scales[column] = scales[column] > 0 ? scales[column] / Levels : 1;

        var bytes = new sbyte[values.Length];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
                bytes[row * columns + column] = (sbyte)Math.Clamp(MathF.Round(values[row * columns + column] / scales[column]), -Levels, Levels);

        var byteTensor = new TensorProto
        {
            Name = name + "_int8",
            DataType = (int)TensorProto.Types.DataType.Int8,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(bytes.AsSpan())),
        };
        byteTensor.Dims.Add(rows);
        byteTensor.Dims.Add(columns);
        return (byteTensor, FloatTensor(name + "_scale", scales));
    }

    private static TensorProto FloatTensor(string name, float[] values)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
        };
        tensor.Dims.Add(values.Length);
        return tensor;
    }
}
