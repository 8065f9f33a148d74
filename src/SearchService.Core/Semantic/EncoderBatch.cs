using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace SearchService.Core.Semantic;

/// <summary>One ONNX run over a batch of token id sequences, then pooling (mean or [CLS]) and L2 normalization.</summary>
internal static class EncoderBatch
{
    public static float[][] Run(InferenceSession session, EncoderInputs names, int[][] tokens, Pooling pooling, CancellationToken ct)
    {
        var (inputNames, inputs, width) = Inputs(names, tokens);
        try
        {
            using var runOptions = new RunOptions();
            using var cancel = ct.Register(() => runOptions.Terminate = true);
            using var outputs = session.Run(runOptions, inputNames, inputs, [names.HiddenState]);
            ct.ThrowIfCancellationRequested();
            // The output may hold fewer positions than the input (ClsOnlyLastLayer keeps the first alone).
            var positions = checked((int)outputs[0].GetTensorTypeAndShape().Shape[1]);
            if (pooling == Pooling.Mean && positions != width)
                throw new InvalidDataException($"Mean pooling needs every position, and the model gave {positions} of {width}.");
            return Pool(outputs[0].GetTensorDataAsSpan<float>(), tokens, positions, pooling);
        }
        finally
        {
            foreach (var input in inputs)
                input.Dispose();
        }
    }

    /// <summary>The model's inputs for <paramref name="tokens"/>, padded to the longest; the caller disposes the values.</summary>
    public static (List<string> Names, List<OrtValue> Values, int Width) Inputs(EncoderInputs names, int[][] tokens)
    {
        var batch = tokens.Length;
        var width = tokens.Max(t => t.Length);
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        for (var row = 0; row < batch; row++)
        {
            for (var col = 0; col < tokens[row].Length; col++)
            {
                ids[row * width + col] = tokens[row][col];
                mask[row * width + col] = 1;
            }
        }

        long[] shape = [batch, width];
        var inputNames = new List<string> { names.InputIds, names.AttentionMask };
        var inputs = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(ids, shape),
            OrtValue.CreateTensorValueFromMemory(mask, shape),
        };
        if (names.TokenTypeIds is not null)
        {
            inputNames.Add(names.TokenTypeIds);
            inputs.Add(OrtValue.CreateTensorValueFromMemory(new long[batch * width], shape));
        }
        return (inputNames, inputs, width);
    }

    // Mean over the real tokens only: padding would otherwise pull short texts toward the pad embedding.
    // [CLS] pooling reads the first position, which every row has.
    private static float[][] Pool(ReadOnlySpan<float> hidden, int[][] tokens, int positions, Pooling pooling)
    {
        var dims = hidden.Length / (tokens.Length * positions);
        var vectors = new float[tokens.Length][];
        for (var row = 0; row < tokens.Length; row++)
        {
            var sum = new float[dims];
            var pooled = pooling == Pooling.Cls ? 1 : tokens[row].Length;
            for (var col = 0; col < pooled; col++)
                TensorPrimitives.Add(sum, hidden.Slice((row * positions + col) * dims, dims), sum);
            var norm = TensorPrimitives.Norm(sum);
            if (norm > 0)
                TensorPrimitives.Divide(sum, norm, sum);
            vectors[row] = sum;
        }
        return vectors;
    }
}
