using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SearchService.Core.Semantic;

namespace SearchService.Benchmarks;

/// <summary>
/// <c>vectors --data DATA [--queries 200]</c>: over the vectors a service stored under DATA/vectors/&lt;model&gt; (vectors.bin, the
/// HNSW graph it saved, and the chunks.tsv that <c>generate --vectors</c> wrote), the recall@10 of the approximate
/// index against exact search, and the latency of each, for queries near random stored vectors.
/// Run it with the service stopped: it holds every vector twice (exact rows and the graph). With <c>--synthetic N</c>
/// it needs no service: it makes N clustered vectors and builds the service's HNSW index (same parameters) over them.
/// </summary>
public static class VectorRecallCommand
{
    private const int Dimensions = SentenceModelCard.Dimensions;
    private const int K = 10;

    public static Task<int> RunAsync(string[] args)
    {
        var queries = int.Parse(GenerateCommand.Option(args, "--queries") ?? "200", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        float[] rows;
        string[] keys;
        HnswVectorIndex hnsw;
        if (GenerateCommand.Option(args, "--synthetic") is { } synthetic)
        {
            // No service needed: N clustered vectors (as generate writes them) and the service's index built over them.
            (rows, keys) = Synthetic(int.Parse(synthetic, CultureInfo.InvariantCulture));
            Console.WriteLine($"{keys.Length} synthetic vectors made in {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            hnsw = HnswVectorIndex.Build(keys.Select((key, row) => (key, rows.AsSpan(row * Dimensions, Dimensions).ToArray())).ToList(), Dimensions, "synthetic");
            Console.WriteLine($"HNSW index of {hnsw.Count} vectors built in {clock.ElapsedMilliseconds} ms");
        }
        else
        {
            var data = GenerateCommand.Option(args, "--data") ?? throw new ArgumentException("--data DATA or --synthetic N is required");
            var folder = Embedders.VectorFolder(Path.Combine(data, "vectors"), new SemanticOptions().Model);
            // Only the chunks the service indexed: a corpus cut after generation leaves vectors of papers it never ingested.
            // A keys file line is the chunk key, a tab and the digest of its vector.
            var indexed = File.ReadLines(Path.Combine(folder, HnswVectorIndex.KeysFile)).Skip(2)
                .Select(line => line[..line.LastIndexOf('\t')]).ToHashSet(StringComparer.Ordinal);
            var keyByHash = File.ReadLines(Path.Combine(folder, "chunks.tsv"))
                .Select(line => line.Split('\t'))
                .Where(parts => indexed.Contains(parts[0]))
                .GroupBy(parts => parts[1], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[0], StringComparer.Ordinal);
            (rows, keys) = ReadRows(Path.Combine(folder, VectorStore.FileName), keyByHash);
            Console.WriteLine($"{keys.Length} vectors read in {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            var fingerprint = File.ReadLines(Path.Combine(folder, HnswVectorIndex.KeysFile)).Skip(1).First();
            hnsw = HnswVectorIndex.TryLoad(folder, fingerprint) ?? throw new InvalidOperationException("No HNSW index saved in " + folder);
            Console.WriteLine($"HNSW index of {hnsw.Count} vectors loaded in {clock.ElapsedMilliseconds} ms");
        }
        using var _ = hnsw;
        if (GenerateCommand.Option(args, "--ef") is { } ef && !hnsw.ChangeExpansionSearch(int.Parse(ef, CultureInfo.InvariantCulture)))
            throw new InvalidOperationException("The binding does not let the search width change.");

        var random = new Random(10);
        var recall = 0.0;
        var exactTimes = new List<double>();
        var approximateTimes = new List<double>();
        for (var q = 0; q < queries; q++)
        {
            var query = NearRow(rows, random.Next(keys.Length), random);
            var watch = Stopwatch.StartNew();
            var exact = Exact(rows, keys, query);
            exactTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var approximate = hnsw.Search(query, K);
            approximateTimes.Add(watch.Elapsed.TotalMilliseconds);
            recall += approximate.Count(hit => exact.Contains(hit.Key)) / (double)K;
        }
        Console.WriteLine($"{queries} queries, k={K}: HNSW recall@10 {recall / queries:F3}; " +
            $"HNSW p50 {Percentile(approximateTimes, 0.5):F2} ms, p95 {Percentile(approximateTimes, 0.95):F2} ms; " +
            $"exact p50 {Percentile(exactTimes, 0.5):F1} ms, p95 {Percentile(exactTimes, 0.95):F1} ms");
        return Task.FromResult(0);
    }

    /// <summary>The records of vectors.bin (header, then hash, floats and checksum each) as one row array, with each row's chunk key.</summary>
    private static (float[] Rows, string[] Keys) ReadRows(string path, Dictionary<string, string> keyByHash)
    {
        const int header = 16, hashSize = 32;
        var recordSize = hashSize + Dimensions * sizeof(float) + sizeof(uint);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
        var count = (int)((file.Length - header) / recordSize);
        var rows = new float[(long)count * Dimensions];
        var keys = new List<string>(count);
        var record = new byte[recordSize];
        file.Position = header;
        for (var i = 0; i < count; i++)
        {
            file.ReadExactly(record);
            if (!keyByHash.TryGetValue(Convert.ToHexStringLower(record.AsSpan(0, hashSize)), out var key)) continue;
            MemoryMarshal.Cast<byte, float>(record.AsSpan(hashSize, Dimensions * sizeof(float))).CopyTo(rows.AsSpan(keys.Count * Dimensions, Dimensions));
            keys.Add(key);
        }
        return (rows, keys.ToArray());
    }

    /// <summary><paramref name="count"/> chunk vectors of papers with the corpus's tag spread (one or two chunks each).</summary>
    private static (float[] Rows, string[] Keys) Synthetic(int count)
    {
        var random = new Random(12);
        var clusters = new Generation.ClusteredVectors(Dimensions, seed: 12);
        var rows = new float[(long)count * Dimensions];
        var keys = new string[count];
        for (var row = 0; row < count;)
        {
            var paper = clusters.Paper("t" + random.Next(400), 1 + random.Next(2));
            for (var n = 0; n < paper.Length && row < count; n++, row++)
            {
                paper[n].CopyTo(rows.AsSpan(row * Dimensions, Dimensions));
                keys[row] = row.ToString(CultureInfo.InvariantCulture);
            }
        }
        return (rows, keys);
    }

    private static float[] NearRow(float[] rows, int row, Random random)
    {
        var query = rows.AsSpan(row * Dimensions, Dimensions).ToArray();
        for (var i = 0; i < Dimensions; i++)
            query[i] += (float)((random.NextDouble() - 0.5) * 2 * Math.Sqrt(3) * 0.35 / Math.Sqrt(Dimensions));
        TensorPrimitives.Divide(query, TensorPrimitives.Norm(query), query);
        return query;
    }

    private static HashSet<string> Exact(float[] rows, string[] keys, float[] query)
    {
        var best = new PriorityQueue<int, float>(K + 1);
        for (var row = 0; row < keys.Length; row++)
        {
            var score = TensorPrimitives.Dot(query, rows.AsSpan(row * Dimensions, Dimensions));
            if (best.Count < K) best.Enqueue(row, score);
            else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(row, score);
        }
        return best.UnorderedItems.Select(item => keys[item.Element]).ToHashSet(StringComparer.Ordinal);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
