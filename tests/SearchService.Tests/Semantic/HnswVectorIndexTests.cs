using SearchService.Core.Semantic;
using Xunit.Abstractions;

namespace SearchService.Tests.Semantic;

/// <summary>The approximate index against exact search, on synthetic clustered vectors (10,000, 64 dimensions).</summary>
public sealed class HnswVectorIndexTests(ITestOutputHelper output) : IDisposable
{
    private const int Dimensions = 64;
    private const int Count = 10_000;
    private const int K = 10;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", "hnsw-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public void RecallAtTenAgainstExactSearchIsAtLeastNinetyFivePercent()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, queries) = ClusteredVectors(new Random(11));
        using var exact = new VectorIndex(Dimensions);
        foreach (var (key, vector) in rows) exact.Set(key, vector);
        using var approximate = HnswVectorIndex.Build(rows, Dimensions, "test");

        var recall = Recall(approximate, exact, queries);
        output.WriteLine($"recall@{K} against exact search: {recall:F3}");
        Assert.True(recall >= 0.95, $"recall@{K} {recall:F3}");
    }

    [Theory]
    [InlineData(1_000, 128)]
    [InlineData(396_000, 282)]
    [InlineData(1_435_326, 1_024)]
    [InlineData(10_000_000, 1_024)]
    public void SearchWidensAsTheGraphGrows(int vectors, int width) =>
        Assert.Equal(width, HnswVectorIndex.ExpansionSearchFor(vectors));

    [SkippableFact]
    public void ASavedIndexLoadsOnlyForTheSameVectors()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, queries) = ClusteredVectors(new Random(12), count: 2_000);
        using var built = HnswVectorIndex.Build(rows, Dimensions, "one");
        built.Save(folder);

        Assert.Null(HnswVectorIndex.TryLoad(folder, "other"));
        using var loaded = HnswVectorIndex.TryLoad(folder, "one");
        Assert.NotNull(loaded);
        Assert.Equal(rows.Count, loaded.Count);
        foreach (var query in queries.Take(20))
            Assert.Equal(built.Search(query, K).Select(h => h.Key), loaded.Search(query, K).Select(h => h.Key));
    }

    private static double Recall(HnswVectorIndex approximate, VectorIndex exact, IReadOnlyList<float[]> queries)
    {
        var found = 0;
        foreach (var query in queries)
        {
            var truth = exact.Search(query, K).Select(h => h.Id).ToHashSet();
            found += approximate.Search(query, K).Count(h => truth.Contains(h.Key));
        }
        return found / (double)(queries.Count * K);
    }

    /// <summary>Points around 50 random centres (like papers around topics), and queries drawn the same way.</summary>
    private static (List<(string Key, float[] Vector)> Rows, List<float[]> Queries) ClusteredVectors(Random random, int count = Count)
    {
        var centres = Enumerable.Range(0, 50).Select(_ => Gaussian(random, 1.0)).ToList();
        float[] Near() => Gaussian(random, 0.35).Zip(centres[random.Next(centres.Count)], (noise, c) => c + noise).ToArray();
        var rows = Enumerable.Range(0, count).Select(i => ($"p{i}", Near())).ToList();
        var queries = Enumerable.Range(0, 100).Select(_ => Near()).ToList();
        return (rows, queries);
    }

    private static float[] Gaussian(Random random, double sigma) =>
        Enumerable.Range(0, Dimensions).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
}
