using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.Extensions.Logging;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Store;

namespace SearchService.Core.Semantic;

/// <summary>
/// The vectors of every paper, kept in step with the <see cref="PaperStore"/>: a paper whose embedding text
/// is already in the <see cref="VectorStore"/> (by content hash) is never embedded again, so a restart
/// over an unchanged corpus computes nothing. Also answers nearest-paper lookups for related papers.
/// </summary>
/// <remarks>
/// From <see cref="SemanticOptions.ApproximateAbove"/> vectors on, nearest-paper lookups go through an HNSW index
/// (<see cref="HnswVectorIndex"/>) built after each sync and saved beside the vector cache; exact search stays
/// for smaller collections, for filters that leave too few approximate hits, and when the native library does not load.
/// </remarks>
public sealed class PaperVectors(PaperStore store, ITextEmbedder embedder, VectorStore vectors, ILogger<PaperVectors> logger,
    IQueryTranslator? translator = null, SemanticOptions? options = null)
    : ISimilarPapers, IDisposable
{
    private readonly int approximateAbove = (options ?? new SemanticOptions()).ApproximateAbove;
    private volatile HnswVectorIndex? approximate;

    private const int Batch = 64;
    private readonly VectorIndex index = new(embedder.Dimensions);
    private readonly SemaphoreSlim syncing = new(1, 1);
    private volatile int computedLastSync;
    private volatile EmbeddingProgress progress = new(false, 0, 0, false);

    /// <summary>The first pass over a corpus takes minutes: log how far it got this often.</summary>
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    public bool IsAvailable => embedder.IsAvailable;
    /// <summary>Papers with at least one vector; counted when vectors change, not per request.</summary>
    public int Embedded => embedded;
    private volatile int embedded;
    public int ComputedLastSync => computedLastSync;
    public EmbeddingProgress Progress => progress;

    /// <summary>Brings the vectors in step with the papers: reuses stored vectors, embeds the rest in batches, drops the deleted.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        if (!embedder.IsAvailable) return;
        await syncing.WaitAsync(ct);
        try { Sync(ct); }
        finally
        {
            progress = progress with { Running = false };
            syncing.Release();
        }
    }

    private void Sync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Running from the start: hashing every paper's text comes before the first embedding and takes a moment too.
        progress = progress with { Running = true, Done = 0, Total = 0 };
        var papers = 0;
        var missing = new List<(string Key, EmbeddingChunk Chunk, string Hash)>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var live = new HashSet<string>(StringComparer.Ordinal);
        // Walked one paper at a time: only each chunk's key and hash are kept (and the text of the few to embed).
        foreach (var paper in store.Papers())
        {
            papers++;
            var chunks = PaperEmbeddingText.Chunks(paper, translateKorean: translator is not null);
            for (var n = 0; n < chunks.Count; n++)
            {
                var key = ChunkKey(paper.Id, n);
                live.Add(key);
                var hash = chunks[n].Key(embedder.ModelId, translator);
                hashes[key] = hash;
                if (vectors.TryGet(hash, out var vector)) index.Set(key, vector);
                else missing.Add((key, chunks[n], hash));
            }
        }
        foreach (var key in index.Ids().Where(key => !live.Contains(key)).ToList()) index.Remove(key);
        CountEmbedded();

        progress = progress with { Total = missing.Count };
        var nextLog = LogEvery;
        foreach (var chunk in missing.Chunk(Batch))
        {
            ct.ThrowIfCancellationRequested();
            if (clock.Elapsed >= nextLog)
            {
                nextLog = clock.Elapsed + LogEvery;
                var done = progress.Done;
                var rate = done / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                logger.LogInformation("Embedding: {Done} of {Total} texts ({Rate:F1} texts/s, about {Left:F0} s left)",
                    done, missing.Count, rate, (missing.Count - done) / Math.Max(0.001, rate));
            }
            var embedded = embedder.Embed(chunk.Select(c => PaperEmbeddingText.Text(c.Chunk, translator)).ToList(), ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                vectors.Add(chunk[i].Hash, embedded[i]);
                index.Set(chunk[i].Key, embedded[i]);
            }
            vectors.Flush();
            progress = progress with { Done = progress.Done + chunk.Length };
            CountEmbedded();
        }
        computedLastSync = missing.Count;
        RefreshApproximate(hashes);
        progress = new EmbeddingProgress(false, missing.Count, missing.Count, true);
        if (missing.Count > 0 || clock.ElapsedMilliseconds > 1000)
            logger.LogInformation("Vectors in step: {Computed} embeddings computed, {Reused} reused, for {Papers} papers in {Elapsed} ms ({Rate:F1} texts/s)",
                missing.Count, live.Count - missing.Count, papers, clock.ElapsedMilliseconds, missing.Count / Math.Max(0.001, clock.Elapsed.TotalSeconds));
        else
            logger.LogInformation("Vectors in step: 0 embeddings computed, {Reused} reused, for {Papers} papers", live.Count, papers);
    }

    /// <summary>Loads or builds the approximate index for the vectors as they are now, when there are enough of them.</summary>
    private void RefreshApproximate(Dictionary<string, string> hashes)
    {
        if (approximateAbove <= 0 || index.Count < approximateAbove || !HnswVectorIndex.IsSupported)
        {
            approximate = null;
            return;
        }
        var rows = index.Rows().Where(r => hashes.ContainsKey(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var fingerprint = HnswVectorIndex.FingerprintOf(rows.Select(r => (r.Id, hashes[r.Id])));
        if (approximate?.Fingerprint == fingerprint) return;
        var folder = Path.GetDirectoryName(vectors.Path)!;
        var clock = Stopwatch.StartNew();
        var loaded = HnswVectorIndex.TryLoad(folder, fingerprint);
        var next = loaded ?? HnswVectorIndex.Build(rows, embedder.Dimensions, fingerprint);
        if (loaded is null) next.Save(folder);
        // The previous index is not disposed here: a search may still be running on it; its finalizer frees it.
        approximate = next;
        logger.LogInformation("Approximate vector index {How} for {Count} vectors in {Elapsed} ms", loaded is null ? "built" : "loaded", rows.Count, clock.ElapsedMilliseconds);
    }

    private void CountEmbedded() => embedded = index.Ids().Select(PaperIdOf).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The vector of a search query (with the model's query prefix, if it has one), or null when the model is unavailable.</summary>
    public float[]? EmbedQuery(string text) => embedder.IsAvailable ? embedder.EmbedQuery(text) : null;

    /// <summary>The mean of the paper's chunk vectors: where the paper as a whole sits.</summary>
    public bool TryGet(string id, out float[] vector)
    {
        var chunks = ChunkVectors(id).ToList();
        vector = chunks.Count == 0 ? [] : new float[chunks[0].Length];
        foreach (var chunk in chunks)
            for (var i = 0; i < chunk.Length; i++) vector[i] += chunk[i] / chunks.Count;
        return chunks.Count > 0;
    }

    /// <summary>Cosine of the paper's best chunk to a query vector, or null when the paper has no vector.</summary>
    public float? Similarity(float[] query, string id)
    {
        var norm = MathF.Sqrt(TensorPrimitives.Dot(query, query));
        float? best = null;
        for (var n = 0; n < MaxChunks; n++)
        {
            if (index.Dot(ChunkKey(id, n), query) is not { } dot) continue;
            var cosine = norm == 0 ? 0 : dot / norm;
            if (best is null || cosine > best) best = cosine;
        }
        return best;
    }

    /// <summary>The <paramref name="k"/> papers whose best chunk is nearest to <paramref name="query"/>.</summary>
    public IReadOnlyList<(string Id, float Score)> Nearest(float[] query, int k, Func<string, bool>? filter = null)
    {
        if (approximate is { } ann && ApproximateNearest(ann, query, k, filter) is { } found) return found;
        return ByPaper(index.Search(query, k * MaxChunks, filter is null ? null : key => filter(PaperIdOf(key))), k);
    }

    /// <summary>
    /// The nearest papers from the approximate index, or null when a filter left fewer than <paramref name="k"/>
    /// of its candidates (the caller then searches exactly, so a narrow filter still gets its best papers).
    /// </summary>
    private List<(string Id, float Score)>? ApproximateNearest(HnswVectorIndex ann, float[] query, int k, Func<string, bool>? filter)
    {
        // A filter drops candidates after the graph search: ask for more so that enough pass it.
        var wanted = k * MaxChunks * (filter is null ? 1 : 4);
        var hits = ann.Search(query, wanted).Where(h => index.Contains(h.Key) && (filter is null || filter(PaperIdOf(h.Key))));
        var papers = ByPaper(hits, k);
        return papers.Count >= k || ann.Count <= wanted ? papers : null;
    }

    /// <summary>Each paper's best chunk, best first (ties by id), at most <paramref name="k"/>.</summary>
    /// <remarks>A loop, not GroupBy/OrderBy: it runs twice in every hybrid request, over a few hundred chunks.</remarks>
    private static List<(string Id, float Score)> ByPaper(IEnumerable<(string Key, float Score)> hits, int k)
    {
        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (key, score) in hits)
        {
            var id = PaperIdOf(key);
            if (!best.TryGetValue(id, out var seen) || score > seen) best[id] = score;
        }
        var papers = new List<(string Id, float Score)>(best.Count);
        foreach (var (id, score) in best) papers.Add((id, score));
        papers.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.Id, y.Id));
        if (papers.Count > k) papers.RemoveRange(k, papers.Count - k);
        return papers;
    }

    public IReadOnlyList<(string Id, float Score)> NearPaper(string id, int k) =>
        TryGet(id, out var vector) ? Nearest(vector, k, other => other != id) : [];

    /// <remarks>The text is a passage (a pasted abstract or draft), compared as papers are, so it gets no query prefix.</remarks>
    public IReadOnlyList<(string Id, float Score)> NearText(string text, int k) =>
        embedder.IsAvailable ? Nearest(embedder.Embed([text])[0], k) : [];

    /// <summary>Papers have at most this many chunks (<see cref="PaperEmbeddingText.Chunks"/>).</summary>
    private const int MaxChunks = 2;
    private const char ChunkSeparator = '\u001F';

    private static string ChunkKey(string paperId, int chunk) => $"{paperId}{ChunkSeparator}{chunk}";

    private static string PaperIdOf(string key) => key[..key.LastIndexOf(ChunkSeparator)];

    private IEnumerable<float[]> ChunkVectors(string id)
    {
        for (var n = 0; n < MaxChunks; n++)
            if (index.TryGet(ChunkKey(id, n), out var vector)) yield return vector;
    }

    public void Dispose()
    {
        index.Dispose();
        syncing.Dispose();
    }
}
