namespace SearchService.Core.Semantic;

/// <summary>Speed/quality knobs of <see cref="MiniLmEmbedder"/>; the defaults were measured on 2 cores.</summary>
public sealed class MiniLmOptions
{
    /// <summary>
    /// Word pieces per text, [CLS] and [SEP] included. all-MiniLM-L6-v2 was trained with 256;
    /// longer input is cut, never rejected.
    /// </summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Texts per ONNX run. Texts are sorted by length first, so a batch pads little.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads ONNX Runtime uses inside one run; 0 means one per core.</summary>
    public int IntraOpThreads { get; set; }
}
