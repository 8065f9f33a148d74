namespace SearchService.Core.Semantic;

/// <summary>
/// Two embedding models side by side: each text's vector is the two models' unit vectors one after the other,
/// each scaled by 1/√2, so the result is a unit vector again and its dot product with another is the mean of
/// the two models' cosines. Every consumer of vectors (exact and approximate search, feedback, related papers)
/// so fuses the two models' scores without knowing there are two.
/// </summary>
public sealed class JoinedEmbedder(ITextEmbedder first, ITextEmbedder second) : ITextEmbedder, IDisposable
{
    private static readonly float Scale = 1 / MathF.Sqrt(2);

    public bool IsAvailable => first.IsAvailable && second.IsAvailable;

    public int Dimensions => first.Dimensions + second.Dimensions;

    public string ModelId => $"{first.ModelId}+{second.ModelId}";

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default) =>
        JoinEach(first.Embed(texts, ct), second.Embed(texts, ct));

    public float[][] EmbedQueries(IReadOnlyList<string> queries, CancellationToken ct = default) =>
        JoinEach(first.EmbedQueries(queries, ct), second.EmbedQueries(queries, ct));

    private static float[][] JoinEach(float[][] a, float[][] b) => a.Select((vector, i) => Join(vector, b[i])).ToArray();

    private static float[] Join(float[] a, float[] b)
    {
        var joined = new float[a.Length + b.Length];
        for (var i = 0; i < a.Length; i++) joined[i] = a[i] * Scale;
        for (var i = 0; i < b.Length; i++) joined[a.Length + i] = b[i] * Scale;
        return joined;
    }

    public void Dispose()
    {
        (first as IDisposable)?.Dispose();
        (second as IDisposable)?.Dispose();
    }
}
