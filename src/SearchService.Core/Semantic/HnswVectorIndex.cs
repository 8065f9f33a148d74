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
/// </summary>
public sealed class HnswVectorIndex : IDisposable
{
    public const string GraphFile = "vectors.hnsw";
    public const string KeysFile = "vectors.hnsw.keys";
    // Graph degree and candidate-list widths: the usual HNSW defaults, which gave recall@10 above 0.95 in the tests.
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const ulong ExpansionSearch = 128;

    private readonly USearchIndex index;
    private readonly string[] keys;

    private HnswVectorIndex(USearchIndex index, string[] keys, string fingerprint)
    {
        this.index = index;
        this.keys = keys;
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

    public static HnswVectorIndex Build(IReadOnlyList<(string Key, float[] Vector)> rows, int dimensions, string fingerprint)
    {
        var index = new USearchIndex(MetricKind.Cos, ScalarKind.Float32, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch);
        try
        {
            var keys = new string[rows.Count];
            var ids = new ulong[rows.Count];
            var vectors = new float[rows.Count][];
            for (var i = 0; i < rows.Count; i++)
            {
                keys[i] = rows[i].Key;
                ids[i] = (ulong)i;
                vectors[i] = rows[i].Vector;
            }
            if (rows.Count > 0) index.Add(ids, vectors);
            return new HnswVectorIndex(index, keys, fingerprint);
        }
        catch
        {
            index.Dispose();
            throw;
        }
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
            return new HnswVectorIndex(index, lines[2..], fingerprint);
        }
        catch (Exception e) when (e is IOException or USearchException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => index.Dispose();
}
