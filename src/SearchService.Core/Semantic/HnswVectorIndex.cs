using System.Numerics.Tensors;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Cloud.Unum.USearch;

namespace SearchService.Core.Semantic;

/// <summary>
/// Approximate nearest neighbours over a fixed set of vectors: a hierarchical navigable small-world graph
/// (USearch, cosine). A search visits a few hundred vectors instead of all of them, so its cost grows with the
/// logarithm of the collection rather than its size. Built whole from a snapshot and never changed after;
/// a new snapshot means a new index. Saved as two files beside the vector cache: the graph, and the keys
/// with a fingerprint of what was indexed, so a restart over the same vectors loads it instead of rebuilding.
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

    private readonly USearchIndex index;
    private readonly string[] keys;
    private readonly Dictionary<string, int> rows;

    private HnswVectorIndex(USearchIndex index, string[] keys, string fingerprint)
    {
        this.index = index;
        this.keys = keys;
        rows = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++) rows.TryAdd(keys[i], i);
        Fingerprint = fingerprint;
    }

    /// <summary>Identifies the vectors indexed (see <see cref="FingerprintOf"/>): equal fingerprints, same index.</summary>
    public string Fingerprint { get; }

    public int Count => keys.Length;

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

    public static HnswVectorIndex Build(IReadOnlyList<(string Key, float[] Vector)> rows, int dimensions, string fingerprint) =>
        Build(rows.Select(r => r.Key).ToList(), row => rows[row].Vector, dimensions, fingerprint);

    /// <summary>
    /// Builds the graph over <paramref name="keys"/>, asking <paramref name="vectorOf"/> for each row's vector (read as it
    /// is added, so the caller need not hold them all), on every core: the graph is built by concurrent inserts.
    /// </summary>
    public static HnswVectorIndex Build(IReadOnlyList<string> keys, Func<int, float[]> vectorOf, int dimensions, string fingerprint)
    {
        var index = new USearchIndex(MetricKind.Cos, ScalarKind.Float16, (ulong)dimensions, Connectivity, ExpansionAdd, (ulong)ExpansionSearchFor(keys.Count));
        try
        {
            // The binding grows the graph one insert at a time, which is not safe from several threads: reserve it whole first.
            var parallel = keys.Count > 1 && TryReserve(index, keys.Count);
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallel ? Environment.ProcessorCount : 1 };
            Parallel.For(0, keys.Count, options, row => index.Add((ulong)row, vectorOf(row)));
            return new HnswVectorIndex(index, keys.ToArray(), fingerprint);
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
        for (var row = 0; row < keys.Length; row++)
        {
            if (!filter(keys[row]) || !TryGet(keys[row], out var vector)) continue;
            var score = TensorPrimitives.Dot(q, vector);
            if (best.Count < k) best.Enqueue((keys[row], score), score);
            else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue((keys[row], score), score);
        }
        var hits = new (string Key, float Score)[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--) hits[i] = best.Dequeue();
        return hits;
    }

    /// <summary>The <paramref name="k"/> nearest keys with their cosine, best first.</summary>
    public IReadOnlyList<(string Key, float Score)> Search(float[] query, int k)
    {
        if (k <= 0 || keys.Length == 0) return [];
        var found = index.Search(query, Math.Min(k, keys.Length), out var ids, out var distances);
        var hits = new List<(string Key, float Score)>(found);
        for (var i = 0; i < found; i++)
            if (ids[i] < (ulong)keys.Length) hits.Add((keys[ids[i]], 1f - distances[i]));
        return hits;
    }

    /// <summary>Writes the graph and its keys into <paramref name="folder"/> (through temporary files, so a crash leaves the old pair or none).</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var graph = Path.Combine(folder, GraphFile);
        var keyFile = Path.Combine(folder, KeysFile);
        // The keys go last: without a keys file that names the graph's fingerprint, the graph is not trusted.
        File.Delete(keyFile);
        index.Save(graph + ".tmp");
        File.Move(graph + ".tmp", graph, overwrite: true);
        File.WriteAllLines(keyFile + ".tmp", keys.Prepend(Fingerprint).Prepend(keys.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        File.Move(keyFile + ".tmp", keyFile, overwrite: true);
    }

    /// <summary>The index saved in <paramref name="folder"/> when its fingerprint is <paramref name="fingerprint"/>; null otherwise.</summary>
    public static HnswVectorIndex? TryLoad(string folder, string fingerprint)
    {
        var graph = Path.Combine(folder, GraphFile);
        var keyFile = Path.Combine(folder, KeysFile);
        if (!File.Exists(graph) || !File.Exists(keyFile)) return null;
        try
        {
            var lines = File.ReadAllLines(keyFile);
            if (lines.Length < 2 || lines[1] != fingerprint || !int.TryParse(lines[0], out var count) || lines.Length != count + 2) return null;
            var index = new USearchIndex(graph);
            if (index.Size() != (ulong)count)
            {
                index.Dispose();
                return null;
            }
            var loaded = new HnswVectorIndex(index, lines[2..], fingerprint);
            loaded.ChangeExpansionSearch(ExpansionSearchFor(count));
            return loaded;
        }
        catch (Exception e) when (e is IOException or USearchException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => index.Dispose();
}
