using System.Text.RegularExpressions;
using Google.Protobuf;
using Onnx;

namespace SearchService.Core.Semantic;

/// <summary>
/// For a model pooled by its [CLS] token: the last encoder layer computes only that token. Every token's keys and
/// values are still computed, since [CLS] attends to them all, but its query, attention output and feed-forward network
/// run for the first position alone, and the model's output shrinks to [batch, 1, dimensions]. The vector is the same
/// up to float rounding: over 480 load-test queries, cosine to the whole model's at least 0.99999976. arctic-embed-xs,
/// one thread, runs of 8 queries: 4.3-4.4 → 3.7-3.9 ms of CPU a query.
/// </summary>
internal static partial class ClsOnlyLastLayer
{
    /// <summary>
    /// The rewritten model, or null when the graph is not laid out as expected. The layer is found by the node names
    /// that Hugging Face's BERT export gives (<c>/encoder/layer.N/attention/self/query/MatMul</c> and the residual
    /// <c>/encoder/layer.N/attention/output/Add</c>), which both packaged models have; anything else is left whole.
    /// </summary>
    public static byte[]? Rewrite(byte[] onnx)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var last = graph.Node.Select(node => QueryProjection().Match(node.Name)).Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
        var query = graph.Node.SingleOrDefault(node => node.Name == $"/encoder/layer.{last}/attention/self/query/MatMul");
        var residual = graph.Node.SingleOrDefault(node => node.Name == $"/encoder/layer.{last}/attention/output/Add");
        if (query is null || residual is null || !residual.Input.Contains(query.Input[0]) || graph.Output.Count != 1
            || graph.Output[0].Type?.TensorType?.Shape?.Dim is not { Count: 3 } outputShape)
            return null;

        // The layer's input, cut to the first position: [batch, tokens, d] → [batch, 1, d].
        var layerInput = query.Input[0];
        const string First = "cls_only_first_position";
        graph.Initializer.Add(OneInteger(First + "_start", 0));
        graph.Initializer.Add(OneInteger(First + "_end", 1));
        graph.Initializer.Add(OneInteger(First + "_axis", 1));
        var slice = new NodeProto { Name = First, OpType = "Slice" };
        slice.Input.Add(layerInput);
        slice.Input.Add(First + "_start");
        slice.Input.Add(First + "_end");
        slice.Input.Add(First + "_axis");
        slice.Output.Add(First);
        graph.Node.Insert(graph.Node.IndexOf(query), slice);

        // The query and the residual read the cut input; the attention takes its shapes from the query, so it then
        // scores one position against every key, and all that follows is per position.
        query.Input[0] = First;
        for (var i = 0; i < residual.Input.Count; i++)
            if (residual.Input[i] == layerInput) residual.Input[i] = First;
        outputShape[1] = new TensorShapeProto.Types.Dimension { DimValue = 1 };
        return model.ToByteArray();
    }

    private static TensorProto OneInteger(string name, long value)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(1);
        tensor.Int64Data.Add(value);
        return tensor;
    }

    [GeneratedRegex(@"^/encoder/layer\.(\d+)/attention/self/query/MatMul$")]
    private static partial Regex QueryProjection();
}
