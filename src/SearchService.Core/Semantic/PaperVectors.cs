using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SearchService.Core.Ingestion;
using SearchService.Core.Related;

namespace SearchService.Core.Semantic;

/// <summary>
/// The vectors of every paper, kept in step with the <see cref="PaperStore"/>: a paper whose embedding text
/// is already in the <see cref="VectorStore"/> (by content hash) is never embedded again, so a restart
/// over an unchanged corpus computes nothing. Also answers nearest-paper lookups for related papers.
/// </summary>
public sealed class PaperVectors(PaperStore store, ITextEmbedder embedder, VectorStore vectors, ILogger<PaperVectors> logger)
    : ISimilarPapers, IDisposable
{
    private const int Batch = 64;
    private readonly VectorIndex index = new(embedder.Dimensions);
    private readonly SemaphoreSlim syncing = new(1, 1);
    private volatile int computedLastSync;

    public bool IsAvailable => embedder.IsAvailable;
    public int Embedded => index.Count;
    public int ComputedLastSync => computedLastSync;
    public ITextEmbedder Embedder => embedder;

    /// <summary>Brings the vectors in step with the papers: reuses stored vectors, embeds the rest in batches, drops the deleted.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        if (!embedder.IsAvailable) return;
        await syncing.WaitAsync(ct);
        try { Sync(ct); }
        finally { syncing.Release(); }
    }

    private void Sync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var papers = store.Papers();
        var missing = new List<(string Id, string Text, string Hash)>();
        foreach (var paper in papers)
        {
            var text = PaperEmbeddingText.For(paper);
            var hash = ContentHash.Of(text, embedder.ModelId);
            if (vectors.TryGet(hash, out var vector)) index.Set(paper.Id, vector);
            else missing.Add((paper.Id, text, hash));
        }
        var live = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in index.Ids().Where(id => !live.Contains(id)).ToList()) index.Remove(id);

        foreach (var chunk in missing.Chunk(Batch))
        {
            ct.ThrowIfCancellationRequested();
            var embedded = embedder.Embed(chunk.Select(c => c.Text).ToList(), ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                vectors.Add(chunk[i].Hash, embedded[i]);
                index.Set(chunk[i].Id, embedded[i]);
            }
            vectors.Flush();
        }
        computedLastSync = missing.Count;
        if (missing.Count > 0 || clock.ElapsedMilliseconds > 1000)
            logger.LogInformation("Vectors in step: {Computed} embeddings computed, {Reused} reused, in {Elapsed} ms ({Rate:F1} papers/s)",
                missing.Count, papers.Count - missing.Count, clock.ElapsedMilliseconds, missing.Count / Math.Max(0.001, clock.Elapsed.TotalSeconds));
        else
            logger.LogInformation("Vectors in step: 0 embeddings computed, {Reused} reused", papers.Count);
    }

    /// <summary>The query's vector, or null when the model is unavailable.</summary>
    public float[]? EmbedQuery(string text) => embedder.IsAvailable ? embedder.Embed([text])[0] : null;

    public bool TryGet(string id, out float[] vector) => index.TryGet(id, out vector);

    public IReadOnlyList<(string Id, float Score)> Nearest(float[] query, int k, Func<string, bool>? filter = null) =>
        index.Search(query, k, filter);

    public IReadOnlyList<(string Id, float Score)> NearPaper(string id, int k) =>
        index.TryGet(id, out var vector) ? index.Search(vector, k + 1, other => other != id) : [];

    public IReadOnlyList<(string Id, float Score)> NearText(string text, int k) =>
        EmbedQuery(text) is { } vector ? index.Search(vector, k) : [];

    public void Dispose()
    {
        index.Dispose();
        syncing.Dispose();
    }
}
