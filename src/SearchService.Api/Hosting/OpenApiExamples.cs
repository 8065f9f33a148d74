using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.Hosting;

/// <summary>
/// Puts an example on every parameter and request body of the OpenAPI document, keyed by operation id, so the
/// reference at <c>/docs</c> opens with requests that work on the sample corpus (index-data/) as they stand.
/// Examples live here, in one table, rather than as attributes scattered over the handlers.
/// </summary>
public sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Dictionary<string, JsonNode>> Parameters = new()
    {
        ["Search"] = new()
        {
            ["q"] = "mixture of experts", ["author"] = new JsonArray("Lacroix"), ["tag"] = new JsonArray("moe"),
            ["from"] = "2021", ["to"] = "2024-06", ["sort"] = "relevance", ["mode"] = "keyword", ["limit"] = "10", ["offset"] = "0",
        },
        ["GetPaper"] = new() { ["id"] = "2401.04088" },
        ["RelatedToPaper"] = new() { ["id"] = "240108 Mixtral of Experts", ["limit"] = 5 },
        ["RelatedToText"] = new() { ["limit"] = 5 },
        ["ListAuthors"] = new() { ["prefix"] = "vasw", ["limit"] = 10 },
        ["ListTags"] = new() { ["prefix"] = "long", ["limit"] = 10 },
        ["ListWarnings"] = new() { ["code"] = "missing-authors", ["limit"] = 20, ["offset"] = 0 },
        ["DeletePaper"] = new() { ["id"] = "my-draft-notes-on-sparse-attention" },
        ["Ingest"] = new() { ["name"] = "240108 Mixtral of Experts.md" },
    };

    private static readonly Dictionary<string, Dictionary<string, JsonNode>> Bodies = new()
    {
        ["RelatedToText"] = new()
        {
            ["text/plain"] = "We route each token to two of eight feed-forward experts in a sparse mixture-of-experts language model.",
            ["application/json"] = new JsonObject { ["text"] = "We route each token to two of eight feed-forward experts in a sparse mixture-of-experts language model." },
        },
        ["UpsertPaper"] = new()
        {
            ["application/json"] = new JsonObject
            {
                ["title"] = "My Draft: Notes on Sparse Attention",
                ["authors"] = new JsonArray("Ada Lovelace"),
                ["abstract"] = "A short summary of sparse attention variants.",
                ["koreanCommentary"] = "희소 어텐션 변형들을 정리한 메모.",
                ["tags"] = new JsonArray("#attention", "#long-context"),
                ["date"] = "2025-01-15",
            },
        },
        ["Ingest"] = new()
        {
            ["text/markdown"] = "https://arxiv.org/abs/2401.04088\n\n*Mixtral of Experts* (Albert Q. Jiang, Alexandre Sablayrolles)\n\n> A sparse mixture-of-experts language model.\n\n토큰마다 8개 expert 중 2개를 고르는 MoE 모델.\n\n#moe #llm\n",
            ["text/plain"] = "https://arxiv.org/abs/2401.04088\n\n*Mixtral of Experts* (Albert Q. Jiang, Alexandre Sablayrolles)\n\n#moe\n",
        },
    };

    /// <summary>Operations without parameters or a body get an example of their answer instead.</summary>
    private static readonly Dictionary<string, JsonNode> Answers = new()
    {
        ["Health"] = new JsonObject
        {
            ["status"] = "ready", ["documents"] = 38, ["files"] = 32, ["warnings"] = 4,
            ["lastIngest"] = "2026-12-02T12:36:56.85+00:00", ["lastIngestSeconds"] = 2.45,
            ["semantic"] = "embedding", ["embedded"] = 12, ["filesSeen"] = 32, ["filesTotal"] = 32, ["embeddingTotal"] = 38,
        },
        ["GetConfig"] = new JsonObject { ["obsidianVault"] = "Papers" },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id) return Task.CompletedTask;
        if (Parameters.TryGetValue(id, out var parameters))
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (parameter.Name is { } name && parameters.TryGetValue(name, out var example)) parameter.Example = example.DeepClone();
        }
        if (Bodies.TryGetValue(id, out var bodies) && operation.RequestBody?.Content is { } content)
        {
            foreach (var (mediaType, media) in content)
                if (bodies.TryGetValue(mediaType, out var example)) media.Example = example.DeepClone();
        }
        if (Answers.TryGetValue(id, out var answer) && operation.Responses is { } responses && responses.TryGetValue("200", out var response)
            && response.Content is { } answers && answers.TryGetValue("application/json", out var json) && json is OpenApiMediaType ok)
            ok.Example = answer.DeepClone();
        return Task.CompletedTask;
    }
}
