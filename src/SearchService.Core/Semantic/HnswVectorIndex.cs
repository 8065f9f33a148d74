using System.Globalization;
using System.Numerics.Tensors;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Cloud.Unum.USearch;

namespace SearchService.Core.Semantic;

/// <summary>
/// Approximate nearest neighbours: a hierarchical navigable small-world graph (USearch, cosine). A search visits a
/// few hundred vectors instead of all of them, so its cost grows with the logarithm of the collection rather than
/// its size. Built whole from a snapshot; a later snapshot that changes a few vectors is applied to the same graph
/// (<see cref="TryUpdate"/>: over 143,540 vectors a rebuild took 38 s, one changed paper 0.85 s with the graph saved;
/// at a million papers a rebuild takes about 20 minutes of both cores). Saved as two files beside the vector cache: the graph, and the keys with a fingerprint of what
/// was indexed, so a restart over the same vectors loads it instead of rebuilding.
/// The graph keeps the vectors as 16-bit floats (half the memory; the cosines move in the third decimal) and
/// hands them back by key (<see cref="TryGet"/>), so a caller needs no copy of its own.
/// </summary>
public sealed class HnswVectorIndex : IDisposable
{
    public const string GraphFile = "vectors.hnsw";
    public const string KeysFile = "vectors.hnsw.keys";
    // Graph degree and build width: the usual HNSW defaults.
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;

    /// <summary>
    /// How many candidates a search keeps (ef_search) for a graph of <paramref name="count"/> vectors: one per 1,400,
    /// between 128 and 1,024. A fixed width finds fewer of the true nearest as the graph grows: with 128, recall@10
    /// against exact search was 0.972 at 396k generated vectors and 0.845 at 1.44M; at 1.44M, 256 gave 0.902, 512 0.923
    /// and 1,024 0.952 (p50 1.5 → 4.0 ms; exact search 86 ms).
    /// </summary>
    public static int ExpansionSearchFor(int count) => Math.Clamp(count / 1_400, 128, 1_024);

    /// <summary>
    /// Changes of a few vectors are made on the graph in place. Above this share of the graph (removed plus added) a
    /// rebuild is cheaper than the inserts, and makes a better graph than one with many removed nodes.
    /// </summary>
    public const double UpdateAtMost = 0.1;

    private readonly USearchIndex index;
    /// <summary>Each row's key (the graph's own key is the row number); null for a row removed by an update.</summary>
    private readonly string?[] keys;
    private readonly Dictionary<string, int> rows;
    /// <summary>A digest of each row's source (<see cref="Digest"/>), so an update finds the vectors that changed; null when the sources were not given.</summary>
    private readonly long[]? digests;
    /// <summary>
    /// Searches read the graph under the read lock; an update changes it under the write lock, one vector at a time.
    /// Shared by every <see cref="HnswVectorIndex"/> over the same graph (an update hands back a new one).
    /// </summary>
    private readonly ReaderWriterLockSlim gate;

    /// <summary>
    /// Searches running at once. The library gives each search one of a fixed set of contexts, one per core as the
    /// native side counts them, and fails a search that finds none free ("Reserve capacity ahead of searches!"): at a
    /// million papers, 16 clients of hybrid search got 74 such 500s in 10 s once requests no longer held a thread while
    /// their query was embedded. A search is a few milliseconds of one core, so more at once would gain nothing anyway.
    /// </summary>
    private static readonly SemaphoreSlim SearchContexts = new(Environment.ProcessorCount);

    private HnswVectorIndex(USearchIndex index, string?[] keys, long[]? digests, string fingerprint, ReaderWriterLockSlim? gate = null)
    {
        this.index = index;
        this.keys = keys;
        this.digests = digests;
        this.gate = gate ?? new ReaderWriterLockSlim();
        rows = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
            if (keys[i] is { } key) rows.TryAdd(key, i);
        Fingerprint = fingerprint;
    }

    /// <summary>Identifies the vectors indexed (see <see cref="FingerprintOf"/>): equal fingerprints, same index.</summary>
    public string Fingerprint { get; }

    /// <summary>How many vectors the graph answers for.</summary>
    public int Count => rows.Count;

    /// <summary>Whether the native library loads on this machine; when it does not, search stays exact.</summary>
    public static bool IsSupported => supported.Value;
    private static readonly Lazy<bool> supported = new(() =>
    {
        try
        {
            using var probe = new USearchIndex(MetricKind.Cos, ScalarKind.Float32, 2);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or USearchException)
        {
            return false;
        }
    });

    /// <summary>A fingerprint of the rows: their keys and a hash of each vector's source (or the vector itself), in order.</summary>
    public static string FingerprintOf(IEnumerable<(string Key, string Source)> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, source) in rows)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(key));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(source));
            sha.AppendData([0]);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>A 64-bit FNV-1a digest of a vector's source: enough to tell a changed vector from an unchanged one.</summary>
    public static long Digest(string source)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in source) hash = (hash ^ c) * 1099511628211UL;
        return (long)hash;
    }

    public static HnswVectorIndex Build(IReadOnlyList<(string Key, float[] Vector)> rows, int dimensions, string fingerprint) =>
        Build(rows.Select(r => r.Key).ToList(), row => rows[row].Vector, dimensions, fingerprint);

    /// <summary>
    /// Builds the graph over <paramref name="keys"/>, asking <paramref name="vectorOf"/> for each row's vector (read as it
    /// is added, so the caller need not hold them all), on every core: the graph is built by concurrent inserts.
    /// With <paramref name="sourceOf"/> (a key's source, as given to <see cref="FingerprintOf"/>) it can be updated later.
    /// </summary>
    public static HnswVectorIndex Build(IReadOnlyList<string> keys, Func<int, float[]> vectorOf, int dimensions, string fingerprint, Func<string, string>? sourceOf = null)
    {
        var index = new USearchIndex(MetricKind.Cos, ScalarKind.Float16, (ulong)dimensions, Connectivity, ExpansionAdd, (ulong)ExpansionSearchFor(keys.Count));
        try
        {
            // The binding grows the graph one insert at a time, which is not safe from several threads: reserve it whole first.
            var parallel = keys.Count > 1 && TryReserve(index, keys.Count);
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallel ? Environment.ProcessorCount : 1 };
            Parallel.For(0, keys.Count, options, row => index.Add((ulong)row, vectorOf(row)));
            string?[] rowKeys = keys.ToArray();
            return new HnswVectorIndex(index, rowKeys, DigestsOf(rowKeys, sourceOf), fingerprint);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    [DllImport("libusearch_c")]
    private static extern void usearch_reserve(IntPtr index, UIntPtr capacity, out IntPtr error);

    [DllImport("libusearch_c")]
    private static extern void usearch_change_expansion_search(IntPtr index, UIntPtr expansion, out IntPtr error);

    /// <summary>
    /// Sets how many candidates a search keeps (ef_search): more finds more of the true nearest for a little more time.
    /// An index loaded from its file starts with the library's default (64), not the width it was built with, so
    /// <see cref="TryLoad"/> sets it again. False when the binding does not let us.
    /// </summary>
    public bool ChangeExpansionSearch(int expansion)
    {
        if (NativeHandle?.GetValue(index) is not IntPtr handle || handle == IntPtr.Zero) return false;
        try
        {
            usearch_change_expansion_search(handle, (UIntPtr)(uint)expansion, out var error);
            return error == IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // The binding (2.26.6) keeps its native handle private and reserves room only inside Add.
    private static readonly FieldInfo? NativeHandle = typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>Reserves room for <paramref name="capacity"/> vectors (and a search context per core); false when the binding does not let us.</summary>
    private static bool TryReserve(USearchIndex index, int capacity)
    {
        if (NativeHandle?.GetValue(index) is not IntPtr handle || handle == IntPtr.Zero) return false;
        try
        {
            usearch_reserve(handle, (UIntPtr)(uint)capacity, out var error);
            return error == IntPtr.Zero && index.Capacity() >= (ulong)capacity;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The stored vector of <paramref name="key"/> (normalized, as 16-bit floats give it back).</summary>
    public bool TryGet(string key, out float[] vector)
    {
        gate.EnterReadLock();
        try
        {
            return TryGetUnlocked(key, out vector);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private bool TryGetUnlocked(string key, out float[] vector)
    {
        vector = [];
        if (!rows.TryGetValue(key, out var row) || index.Get((ulong)row, out float[] stored) < 1) return false;
        var norm = TensorPrimitives.Norm(stored);
        if (norm > 0) TensorPrimitives.Divide(stored, norm, stored);
        vector = stored;
        return true;
    }

    public bool Contains(string key) => rows.ContainsKey(key);

    /// <summary>
    /// The <paramref name="k"/> keys nearest to <paramref name="query"/> among those <paramref name="filter"/> accepts, by
    /// exact cosine over the stored vectors: for a filter too narrow for the graph search. Reads only the accepted rows.
    /// </summary>
    public IReadOnlyList<(string Key, float Score)> ExactSearch(float[] query, int k, Func<string, bool> filter)
    {
        if (k <= 0) return [];
        var q = (float[])query.Clone();
        var norm = TensorPrimitives.Norm(q);
        if (norm > 0) TensorPrimitives.Divide(q, norm, q);
        var best = new PriorityQueue<(string Key, float Score), float>(k + 1);
        gate.EnterReadLock();
        try
        {
            foreach (var key in keys)
            {
                if (key is null || !filter(key) || !TryGetUnlocked(key, out var vector)) continue;
                var score = TensorPrimitives.Dot(q, vector);
                if (best.Count < k) best.Enqueue((key, score), score);
                else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue((key, score), score);
            }
        }
        finally
        {
            gate.ExitReadLock();
        }
        var hits = new (string Key, float Score)[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--) hits[i] = best.Dequeue();
        return hits;
    }

    /// <summary>The <paramref name="k"/> nearest keys with their cosine, best first.</summary>
    public IReadOnlyList<(string Key, float Score)> Search(float[] query, int k)
    {
        if (k <= 0 || rows.Count == 0) return [];
        int found;
        ulong[] ids;
        float[] distances;
        SearchContexts.Wait();
        gate.EnterReadLock();
        try
        {
            found = index.Search(query, Math.Min(k, rows.Count), out ids, out distances);
        }
        finally
        {
            gate.ExitReadLock();
            SearchContexts.Release();
        }
        var hits = new List<(string Key, float Score)>(found);
        // A row added by a later update is not this snapshot's (its number is past our keys); a removed one is gone from the graph.
        for (var i = 0; i < found; i++)
            if (ids[i] < (ulong)keys.Length && keys[ids[i]] is { } key) hits.Add((key, 1f - distances[i]));
        return hits;
    }

    /// <summary>
    /// This graph brought to <paramref name="now"/> (every key with its source), in place: the rows whose key is gone or
    /// whose source changed are removed, and the new and changed ones added with vectors from <paramref name="vectorOf"/>
    /// (given the key's source). Returns the index for the new snapshot; this one keeps answering for the rows it knew
    /// that are still there. Null, and the graph untouched, when the sources of this graph are not known or more than
    /// <see cref="UpdateAtMost"/> of it would change: then build a new one.
    /// </summary>
    public HnswVectorIndex? TryUpdate(IReadOnlyList<(string Key, string Source)> now, Func<string, float[]> vectorOf, string fingerprint)
    {
        if (digests is null) return null;
        var kept = new bool[keys.Length];
        var added = new List<(string Key, string Source)>();
        foreach (var (key, source) in now)
        {
            if (rows.TryGetValue(key, out var row) && digests[row] == Digest(source)) kept[row] = true;
            else added.Add((key, source));
        }
        var removed = Enumerable.Range(0, keys.Length).Where(row => keys[row] is not null && !kept[row]).ToList();
        if (removed.Count + added.Count > Math.Max(1, (int)(rows.Count * UpdateAtMost))) return null;

        var nextKeys = new string?[keys.Length + added.Count];
        var nextDigests = new long[nextKeys.Length];
        keys.CopyTo(nextKeys, 0);
        digests.CopyTo(nextDigests, 0);
        foreach (var row in removed)
        {
            WithWriteLock(() => index.Remove((ulong)row));
            nextKeys[row] = null;
        }
        WithWriteLock(() => TryReserve(index, (int)index.Size() + added.Count));
        for (var i = 0; i < added.Count; i++)
        {
            var row = keys.Length + i;
            // Read outside the lock: only the insert itself keeps searches waiting.
            var vector = vectorOf(added[i].Source);
            WithWriteLock(() => index.Add((ulong)row, vector));
            nextKeys[row] = added[i].Key;
            nextDigests[row] = Digest(added[i].Source);
        }
        var next = new HnswVectorIndex(index, nextKeys, nextDigests, fingerprint, gate);
        next.ChangeExpansionSearch(ExpansionSearchFor(next.Count));
        return next;
    }

    private void WithWriteLock(Action change)
    {
        gate.EnterWriteLock();
        try
        {
            change();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Each row's digest (0 for a removed row), or null without sources.</summary>
    private static long[]? DigestsOf(string?[] keys, Func<string, string>? sourceOf) =>
        sourceOf is null ? null : keys.Select(key => key is null ? 0 : Digest(sourceOf(key))).ToArray();

    /// <summary>
    /// Writes the graph and its keys into <paramref name="folder"/> (through temporary files, so a crash leaves the old pair
    /// or none). The keys file holds the number of rows, the fingerprint, then one line per row: its key and, after a tab,
    /// the digest of its source (when known, so a later start can update the graph: <see cref="TryLoadForUpdate"/>), or an
    /// empty line for a row an update removed.
    /// </summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var graph = Path.Combine(folder, GraphFile);
        var keyFile = Path.Combine(folder, KeysFile);
        // The keys go last: without a keys file that names the graph's fingerprint, the graph is not trusted.
        File.Delete(keyFile);
        gate.EnterReadLock();
        try
        {
            index.Save(graph + ".tmp");
        }
        finally
        {
            gate.ExitReadLock();
        }
        File.Move(graph + ".tmp", graph, overwrite: true);
        File.WriteAllLines(keyFile + ".tmp", keys.Select(KeyLine).Prepend(Fingerprint).Prepend(keys.Length.ToString(CultureInfo.InvariantCulture)));
        File.Move(keyFile + ".tmp", keyFile, overwrite: true);
    }

    private string KeyLine(string? key, int row) =>
        key is null ? "" : digests is null ? key : $"{key}\t{digests[row].ToString("x16", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The index saved in <paramref name="folder"/> when its fingerprint is <paramref name="fingerprint"/>; null otherwise.
    /// With <paramref name="sourceOf"/> (a key's source, as given to <see cref="FingerprintOf"/>) it can be updated later
    /// (a graph saved with its digests can be updated without it).
    /// </summary>
    public static HnswVectorIndex? TryLoad(string folder, string fingerprint, Func<string, string>? sourceOf = null)
    {
        if (SavedKeys.Read(Path.Combine(folder, KeysFile)) is not { } saved || saved.Fingerprint != fingerprint) return null;
        var loaded = Open(folder, saved, saved.Digests ?? DigestsOf(saved.Keys, sourceOf));
        if (loaded is not null) loaded.SavedWithoutDigests = saved.Digests is null && sourceOf is not null;
        return loaded;
    }

    /// <summary>Whether this index was loaded from a keys file without digests, and knows them now: save it again so a later start can update it.</summary>
    public bool SavedWithoutDigests { get; private set; }

    /// <summary>
    /// The index saved in <paramref name="folder"/> whatever vectors it was built for, for <see cref="TryUpdate"/> to bring
    /// up to date: after a restart over notes changed while the service was stopped, updating the saved graph takes seconds
    /// where building one takes many minutes at a million papers. Null when there is none, it does not open, or it was saved
    /// without its rows' digests (by an earlier version).
    /// </summary>
    public static HnswVectorIndex? TryLoadForUpdate(string folder) =>
        SavedKeys.Read(Path.Combine(folder, KeysFile)) is { Digests: { } digests } saved ? Open(folder, saved, digests) : null;

    private static HnswVectorIndex? Open(string folder, SavedKeys saved, long[]? digests)
    {
        var graph = Path.Combine(folder, GraphFile);
        if (!File.Exists(graph)) return null;
        try
        {
            var index = new USearchIndex(graph);
            if (index.Size() != (ulong)saved.Keys.Count(key => key is not null))
            {
                index.Dispose();
                return null;
            }
            var loaded = new HnswVectorIndex(index, saved.Keys, digests, saved.Fingerprint);
            loaded.ChangeExpansionSearch(ExpansionSearchFor(loaded.Count));
            return loaded;
        }
        catch (Exception e) when (e is IOException or USearchException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>What a keys file holds (see <see cref="Save"/>); <see cref="Digests"/> is null when a live row has none.</summary>
    private sealed record SavedKeys(string Fingerprint, string?[] Keys, long[]? Digests)
    {
        public static SavedKeys? Read(string path)
        {
            string[] lines;
            try
            {
                if (!File.Exists(path)) return null;
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            if (lines.Length < 2 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var count) || lines.Length != count + 2) return null;
            var keys = new string?[count];
            var digests = new long[count];
            var allDigests = true;
            for (var row = 0; row < count; row++)
            {
                var line = lines[row + 2];
                if (line.Length == 0) continue;
                // A key is an id and a chunk number; the digest is the last field, so a tab inside a key cannot mislead.
                var tab = line.LastIndexOf('\t');
                if (tab > 0 && long.TryParse(line.AsSpan(tab + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var digest))
                {
                    keys[row] = line[..tab];
                    digests[row] = digest;
                }
                else
                {
                    keys[row] = line;
                    allDigests = false;
                }
            }
            return new SavedKeys(lines[1], keys, allDigests ? digests : null);
        }
    }

    public void Dispose() => index.Dispose();
}
