using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SearchService.Core.Semantic;

namespace SearchService.Benchmarks;

/// <summary>
/// Exact vector search as the real corpus needs it (7,600 chunk vectors of 384 dimensions, k = 200 for a hybrid
/// request, 20 for related papers): <see cref="VectorIndex.Search"/>, which reads byte rows first, against a pass over
/// every float row (what it did before). The vectors are shaped like the model's: a large direction all of them share
/// (the median cosine of a query to a paper is near 0.8, as with the real vectors), topics around it, and a few dimensions far larger than the rest.
/// </summary>
[MemoryDiagnoser]
public class VectorSearchBenchmarks
{
    private const int Dimensions = 384;
    private const int Rows = 7_600;
    private VectorIndex index = null!;
    private float[] floats = null!;
    private float[][] queries = null!;
    private int next;

    [Params(20, 200)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var shared = Unit(Enumerable.Range(0, Dimensions).Select(i => Noise(random) * (i % 97 == 0 ? 12 : 1)).ToArray());
        var topics = Enumerable.Range(0, 40).Select(_ => RandomUnit(random)).ToArray();
        float[] Vector() => Unit(Mix(shared, 0.6f, Mix(topics[random.Next(topics.Length)], 0.5f, RandomUnit(random))));
        index = new VectorIndex(Dimensions);
        floats = new float[Rows * Dimensions];
        for (var row = 0; row < Rows; row++)
        {
            var vector = Vector();
            index.Set($"p{row}", vector);
            vector.CopyTo(floats, row * Dimensions);
        }
        queries = Enumerable.Range(0, 64).Select(_ => Vector()).ToArray();
    }

    [Benchmark]
    public int ByteRowsFirst() => index.Search(queries[next++ % queries.Length], K).Count;

    [Benchmark(Baseline = true)]
    public int EveryFloatRow()
    {
        var query = queries[next++ % queries.Length];
        var best = new PriorityQueue<int, float>(K + 1);
        for (var row = 0; row < Rows; row++)
        {
            var score = TensorPrimitives.Dot(query, floats.AsSpan(row * Dimensions, Dimensions));
            if (best.Count < K) best.Enqueue(row, score);
            else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(row, score);
        }
        return best.Count;
    }

    private static float Noise(Random random) => (float)(random.NextDouble() * 2 - 1);

    private static float[] RandomUnit(Random random) => Unit(Enumerable.Range(0, Dimensions).Select(_ => Noise(random)).ToArray());

    private static float[] Mix(float[] a, float weight, float[] b) => a.Select((x, i) => weight * x + (1 - weight) * b[i]).ToArray();

    private static float[] Unit(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        return vector.Select(x => x / norm).ToArray();
    }
}
