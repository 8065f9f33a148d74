namespace SearchService.Core.Semantic;

/// <summary>Speed/quality knobs of <see cref="SentenceEmbedder"/>; the defaults were measured on 2 cores.</summary>
public sealed class EmbedderOptions
{
    /// <summary>
    /// Word pieces per text, [CLS] and [SEP] included; longer input is cut, never rejected.
    /// all-MiniLM-L6-v2 was trained with 256. 128 is about twice as fast, but on 200 corpus notes it kept
    /// only 60% of each paper's 10 nearest neighbours, and an English abstract alone often passes 128.
    /// </summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>
    /// Texts per ONNX run. Texts are sorted by length first, so a batch pads little. On 2 cores 8-16 was
    /// fastest; 64 was about 20% slower per CPU-second (bigger activations fall out of cache).
    /// </summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Threads ONNX Runtime uses inside one run; 0 means one per core. One by default: a query is a short text,
    /// and splitting its run across cores costs more in hand-offs than it saves while other requests want the
    /// cores too; the texts of an ingest run as parallel batches instead (<see cref="ParallelBatches"/>).
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Batches of one <c>Embed</c> call run at once; 0 means one per core.</summary>
    public int ParallelBatches { get; set; }

    /// <summary>
    /// Queries (not passages) run on a copy of the model whose weight matrices are signed bytes (<see cref="Int8Weights"/>):
    /// a short query costs about half the CPU (arctic-embed-xs, one thread, runs of 8: 4.0 -> 2.2 ms a query), and its
    /// vector stays within cosine 0.998 of the float model's, so the stored passage vectors still match. Off by default:
    /// the rankings move a little (<see cref="SemanticOptions.Int8Queries"/>).
    /// </summary>
    public bool Int8Queries { get; set; }
}
