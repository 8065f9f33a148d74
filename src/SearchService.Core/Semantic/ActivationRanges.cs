using System.Text.RegularExpressions;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace SearchService.Core.Semantic;

/// <summary>
/// How large each input channel of each weight product gets (the largest magnitude over every token), measured by
/// running the float model over query-like texts. <see cref="Int8Weights"/> uses it to move the range of large
/// channels from the activations, which are rounded to bytes on every run, into the weights, which are rounded once.
/// </summary>
internal static partial class ActivationRanges
{
    /// <summary>Texts to measure on: enough that the largest values settle, few enough to take well under a second.</summary>
    public const int CalibrationTexts = 100;

    /// <summary>
    /// Query-like texts the same on every start: the model's query instruction and three common words of its vocabulary
    /// (whole lower-case words past the first 2,000 entries, which hold special tokens, characters and word pieces),
    /// drawn with a fixed seed. Nothing of the corpus or of any query set goes in, so the byte model never depends on them.
    /// </summary>
    public static IReadOnlyList<string> QueryLikeTexts(IReadOnlyList<string> vocabulary, string queryPrefix)
    {
        var words = vocabulary.Skip(2_000).Where(word => PlainWord().IsMatch(word)).Take(10_000).ToArray();
        if (words.Length == 0)
            return [queryPrefix + "search"];
        var random = new Random(20261203);
        return Enumerable.Range(0, CalibrationTexts)
            .Select(_ => queryPrefix + string.Join(' ', Enumerable.Range(0, 3).Select(_ => words[random.Next(words.Length)])))
            .ToArray();
    }

    /// <summary>For each input of a product with a constant weight matrix, its largest magnitude per channel (last axis).</summary>
    public static Dictionary<string, float[]> Measure(byte[] onnx, EncoderInputs names, IEnumerable<int[]> sequences)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var measured = Int8Weights.WeightProducts(model.Graph).Select(product => product.Node.Input[0]).Distinct().ToList();
        // Intermediate values become outputs of the graph so a run hands them back.
        foreach (var name in measured)
            model.Graph.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } });

        var ranges = new Dictionary<string, float[]>();
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(model.ToByteArray(), options);
        foreach (var tokens in sequences)
        {
            // One text per run: padding would add values no real token has.
            var (inputNames, inputs, _) = EncoderBatch.Inputs(names, [tokens]);
            try
            {
                using var runOptions = new RunOptions();
                using var outputs = session.Run(runOptions, inputNames, inputs, measured);
                for (var i = 0; i < measured.Count; i++)
                    Widen(ranges, measured[i], outputs[i]);
            }
            finally
            {
                foreach (var input in inputs)
                    input.Dispose();
            }
        }
        return ranges;
    }

    private static void Widen(Dictionary<string, float[]> ranges, string name, OrtValue value)
    {
        var values = value.GetTensorDataAsSpan<float>();
        var channels = checked((int)value.GetTensorTypeAndShape().Shape[^1]);
        if (!ranges.TryGetValue(name, out var largest))
            ranges[name] = largest = new float[channels];
        for (var i = 0; i < values.Length; i++)
            largest[i % channels] = Math.Max(largest[i % channels], Math.Abs(values[i]));
    }

    [GeneratedRegex("^[a-z]{4,}$")]
    private static partial Regex PlainWord();
}
