using Microsoft.Extensions.Logging;

namespace SearchService.Core.Semantic;

/// <summary>Builds the embedder for a <see cref="EmbeddingModel"/> setting, and says where its vectors are kept.</summary>
public static class Embedders
{
    /// <summary>The embedder of <paramref name="model"/>; check <see cref="ITextEmbedder.IsAvailable"/> before use.</summary>
    public static ITextEmbedder Create(EmbeddingModel model, EmbedderOptions? options = null, ILogger<SentenceEmbedder>? logger = null) => model switch
    {
        EmbeddingModel.MiniLM => new SentenceEmbedder(SentenceModelCard.MiniLM, options, logger),
        EmbeddingModel.ArcticXs => new SentenceEmbedder(SentenceModelCard.ArcticXs, options, logger),
        EmbeddingModel.MiniLMAndArcticXs => new JoinedEmbedder(
            new SentenceEmbedder(SentenceModelCard.MiniLM, options, logger),
            new SentenceEmbedder(SentenceModelCard.ArcticXs, options, logger)),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown embedding model."),
    };

    /// <summary>
    /// Each model's vectors in a folder of their own under <paramref name="vectorsRoot"/>: switching the model
    /// never mixes vectors of two models in one store, and switching back finds the old vectors still there.
    /// </summary>
    public static string VectorFolder(string vectorsRoot, EmbeddingModel model) =>
        Path.Combine(vectorsRoot, model.ToString().ToLowerInvariant());

    /// <summary>Why <paramref name="embedder"/> did not load, for logs and <c>/health</c>.</summary>
    public static string? UnavailableReason(ITextEmbedder embedder) => embedder switch
    {
        SentenceEmbedder sentence => sentence.UnavailableReason,
        JoinedEmbedder => "one of the two models did not load",
        _ => embedder.IsAvailable ? null : "the model did not load",
    };
}
