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
/// for smaller collections and when the native library does not load. Above that size the graph is the only copy
/// of the vectors in memory (a chunk's vector is read back from it), so a million papers do not hold them twice;
/// a filter that leaves too few approximate hits is then answered by an exact pass over the graph's vectors.
/// </remarks>
public sealed class PaperVectors(PaperStore store, ITextEmbedder embedder, VectorStore vectors, ILogger<PaperVectors> logger,
    IQueryTranslator? translator = null, SemanticOptions? options = null)
    : ISimilarPapers, IDisposable
{
    private readonly int approximateAbove = (options ?? new SemanticOptions()).ApproximateAbove;
    private volatile HnswVectorIndex? approximate;
    // True once the vectors live in the approximate index only (the exact rows are then empty).
    private volatile bool rowsInGraph;

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
        // Walked one paper at a time: only each chunk's key and hash are kept (and the text of the few to embed).
        foreach (var paper in store.Papers())
        {
            papers++;
            var chunks = PaperEmbeddingText.Chunks(paper, translateKorean: translator is not null);
            for (var n = 0; n < chunks.Count; n++)
            {
                var key = ChunkKey(paper.Id, n);
                var hash = chunks[n].Key(embedder.ModelId, translator);
                hashes[key] = hash;
                if (!vectors.Contains(hash)) missing.Add((key, chunks[n], hash));
            }
        }
        // Above the threshold the vectors go into the graph only (built below); under it they are held as exact rows.
        var inGraph = approximateAbove > 0 && hashes.Count >= approximateAbove && HnswVectorIndex.IsSupported;
        if (!inGraph) SetRows(hashes);
        CountEmbedded(hashes);

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
                // Counting walks every chunk: for a collection bound for the graph, as often as the log, not every batch.
                if (inGraph) CountEmbedded(hashes);
            }
            var embedded = embedder.Embed(chunk.Select(c => PaperEmbeddingText.Text(c.Chunk, translator)).ToList(), ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                vectors.Add(chunk[i].Hash, embedded[i]);
                if (!inGraph) index.Set(chunk[i].Key, embedded[i]);
            }
            vectors.Flush();
            progress = progress with { Done = progress.Done + chunk.Length };
            if (!inGraph) CountEmbedded(hashes);
        }
        computedLastSync = missing.Count;
        RefreshApproximate(hashes, inGraph);
        CountEmbedded(hashes);
        progress = new EmbeddingProgress(false, missing.Count, missing.Count, true);
        if (missing.Count > 0 || clock.ElapsedMilliseconds > 1000)
            logger.LogInformation("Vectors in step: {Computed} embeddings computed, {Reused} reused, for {Papers} papers in {Elapsed} ms ({Rate:F1} texts/s)",
                missing.Count, hashes.Count - missing.Count, papers, clock.ElapsedMilliseconds, missing.Count / Math.Max(0.001, clock.Elapsed.TotalSeconds));
        else
            logger.LogInformation("Vectors in step: 0 embeddings computed, {Reused} reused, for {Papers} papers", hashes.Count, papers);
    }

    /// <summary>Makes the exact rows those of <paramref name="hashes"/> (read from the vector store) and drops the rest.</summary>
    private void SetRows(Dictionary<string, string> hashes)
    {
        foreach (var (key, hash) in hashes)
            if (vectors.TryGet(hash, out var vector)) index.Set(key, vector);
        foreach (var key in index.Ids().Where(key => !hashes.ContainsKey(key)).ToList()) index.Remove(key);
        // The rows are in place before the graph stops answering for them.
        rowsInGraph = false;
    }

    /// <summary>
    /// Loads or builds the approximate index for the vectors as they are now when <paramref name="inGraph"/> (enough of them),
    /// reading each vector from the store as it is added; then the exact rows are dropped. Otherwise drops the approximate index.
    /// </summary>
    private void RefreshApproximate(Dictionary<string, string> hashes, bool inGraph)
    {
        if (!inGraph)
        {
            approximate = null;
            return;
        }
        var keys = hashes.Where(h => vectors.Contains(h.Value)).Select(h => h.Key).Order(StringComparer.Ordinal).ToList();
        var fingerprint = HnswVectorIndex.FingerprintOf(keys.Select(key => (key, hashes[key])));
        if (approximate?.Fingerprint != fingerprint)
        {
            var folder = Path.GetDirectoryName(vectors.Path)!;
            var clock = Stopwatch.StartNew();
            var loaded = HnswVectorIndex.TryLoad(folder, fingerprint, key => hashes[key]);
            // After a start over notes changed while the service was stopped, the saved graph is the one to update.
            var saved = loaded is null && approximate is null ? HnswVectorIndex.TryLoadForUpdate(folder) : null;
            // A few changed vectors go into the graph in place; a first graph, or many changes, means building one.
            var updated = loaded is null ? (approximate ?? saved)?.TryUpdate(keys.Select(key => (key, hashes[key])).ToList(), StoredVector, fingerprint) : null;
            if (updated is null) saved?.Dispose();
            var next = loaded ?? updated ?? HnswVectorIndex.Build(keys, row => StoredVector(hashes[keys[row]]), embedder.Dimensions, fingerprint, key => hashes[key]);
            if (loaded is not { SavedWithoutDigests: false }) next.Save(folder);
            // The previous index is not disposed here: a search may still be running on it (an updated one shares its graph).
            approximate = next;
            logger.LogInformation("Approximate vector index {How} for {Count} vectors in {Elapsed} ms",
                loaded is not null ? "loaded" : updated is null ? "built" : saved is null ? "updated" : "loaded and updated", next.Count, clock.ElapsedMilliseconds);
        }
        rowsInGraph = true;
        foreach (var key in index.Ids()) index.Remove(key);
        index.TrimExcess();
    }

    private float[] StoredVector(string hash)
    {
        if (!vectors.TryGet(hash, out var vector)) throw new InvalidOperationException($"Vector {hash} left the store during a sync.");
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>Papers with at least one stored vector among the chunks of <paramref name="hashes"/>.</summary>
    private void CountEmbedded(Dictionary<string, string> hashes) =>
        embedded = hashes.Where(h => vectors.Contains(h.Value)).Select(h => PaperIdOf(h.Key)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The vector of a search query (with the model's query prefix, if it has one), or null when the model is unavailable.</summary>
    public async Task<float[]?> EmbedQueryAsync(string text) => embedder.IsAvailable ? await queries.Value.EmbedAsync(text) : null;

    // Started by the first query: a service that only ingests, or a test that never searches, runs no embedding threads.
    private readonly Lazy<QueryBatcher> queries = new(() => new QueryBatcher(embedder, Environment.ProcessorCount, QueryBatcher.MaxBatch));

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
        var ann = rowsInGraph ? approximate : null;
        float? best = null;
        for (var n = 0; n < MaxChunks; n++)
        {
            // Exact rows are read in place; in graph mode the chunk's vector comes back from the graph.
            float? dot = ann is null ? index.Dot(ChunkKey(id, n), query)
                : ann.TryGet(ChunkKey(id, n), out var vector) ? TensorPrimitives.Dot(query, vector) : null;
            if (dot is null) continue;
            var cosine = norm == 0 ? 0 : dot.Value / norm;
            if (best is null || cosine > best) best = cosine;
        }
        return best;
    }

    /// <summary>The <paramref name="k"/> papers whose best chunk is nearest to <paramref name="query"/>.</summary>
    public IReadOnlyList<(string Id, float Score)> Nearest(float[] query, int k, Func<string, bool>? filter = null)
    {
        Func<string, bool>? byKey = filter is null ? null : key => filter(PaperIdOf(key));
        if (approximate is { } ann)
        {
            if (ApproximateNearest(ann, query, k, filter) is { } found) return found;
            if (rowsInGraph) return ByPaper(ann.ExactSearch(query, k * MaxChunks, byKey ?? (_ => true)), k);
        }
        return ByPaper(index.Search(query, k * MaxChunks, byKey), k);
    }

    /// <summary>
    /// The nearest papers from the approximate index, or null when a filter left fewer than <paramref name="k"/>
    /// of its candidates (the caller then searches exactly, so a narrow filter still gets its best papers).
    /// </summary>
    private List<(string Id, float Score)>? ApproximateNearest(HnswVectorIndex ann, float[] query, int k, Func<string, bool>? filter)
    {
        // A filter drops candidates after the graph search: ask for more so that enough pass it.
        var wanted = k * MaxChunks * (filter is null ? 1 : 4);
        var inGraph = rowsInGraph;
        var hits = ann.Search(query, wanted).Where(h => (inGraph || index.Contains(h.Key)) && (filter is null || filter(PaperIdOf(h.Key))));
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
        var ann = rowsInGraph ? approximate : null;
        for (var n = 0; n < MaxChunks; n++)
            if (ann is not null ? ann.TryGet(ChunkKey(id, n), out var vector) : index.TryGet(ChunkKey(id, n), out vector)) yield return vector;
    }

    public void Dispose()
    {
        if (queries.IsValueCreated) queries.Value.Dispose();
        index.Dispose();
        syncing.Dispose();
    }
}
