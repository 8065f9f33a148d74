using Microsoft.ML.OnnxRuntime;

namespace SearchService.Core.Semantic;

/// <summary>The input and output names of a BERT-style ONNX graph, checked once when the session loads.</summary>
internal sealed record EncoderInputs(string InputIds, string AttentionMask, string? TokenTypeIds, string HiddenState)
{
    public static EncoderInputs From(InferenceSession session, int dimensions)
    {
        var inputs = session.InputMetadata.Keys.ToHashSet();
        string Require(string name) => inputs.Contains(name)
            ? name
            : throw new InvalidDataException($"The ONNX model has no '{name}' input (it has {string.Join(", ", inputs)}).");

        var output = session.OutputMetadata.ContainsKey("last_hidden_state")
            ? "last_hidden_state"
            : session.OutputMetadata.Keys.First();
        var shape = session.OutputMetadata[output].Dimensions;
        if (shape.Length != 3 || shape[2] != dimensions)
            throw new InvalidDataException($"The ONNX output '{output}' has shape [{string.Join(", ", shape)}], not [batch, tokens, {dimensions}].");

        return new EncoderInputs(
            Require("input_ids"),
            Require("attention_mask"),
            inputs.Contains("token_type_ids") ? "token_type_ids" : null,
            output);
    }
}
