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
    public void SearchesFromMoreThreadsThanCoresAllAnswer()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, queries) = ClusteredVectors(new Random(13), count: 2_000);
        using var built = HnswVectorIndex.Build(rows, Dimensions, "one");
        built.Save(folder);
        // A loaded graph too: the library gives each search one of a fixed number of contexts, one per core by default.
        using var loaded = HnswVectorIndex.TryLoad(folder, "one")!;
        var expected = queries.Select(q => built.Search(q, K).Select(h => h.Key).ToList()).ToList();

        foreach (var index in new[] { built, loaded })
        {
            var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, 4 * Environment.ProcessorCount + 4).Select(t => new Thread(() =>
            {
                try
                {
                    for (var round = 0; round < 20; round++)
                        for (var q = t % 7; q < queries.Count; q += 7)
                            Assert.Equal(expected[q], index.Search(queries[q], K).Select(h => h.Key));
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(failures);
        }
    }

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

    [SkippableFact]
    public void AnUpdateTakesOutGoneAndChangedVectorsAndPutsInNewOnes()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var random = new Random(13);
        var (rows, queries) = ClusteredVectors(random, count: 2_000);
        var vectors = rows.ToDictionary(r => r.Key + "@1", r => r.Vector);
        using var built = HnswVectorIndex.Build(rows.Select(r => r.Key).ToList(), row => vectors[rows[row].Key + "@1"], Dimensions, "one", key => key + "@1");

        // 10 papers gone, 10 changed (a new vector under the same key), 20 new: 40 changes, 2% of the graph.
        var now = rows.Skip(10).Select(r => (r.Key, Source: r.Key + "@1")).ToList();
        for (var i = 0; i < 10; i++) now[i] = (now[i].Key, now[i].Key + "@2");
        now.AddRange(Enumerable.Range(0, 20).Select(i => ($"new{i}", $"new{i}@1")));
        var (fresh, _) = ClusteredVectors(random, count: 30);
        for (var i = 0; i < 10; i++) vectors[now[i].Source] = fresh[i].Vector;
        for (var i = 0; i < 20; i++) vectors[$"new{i}@1"] = fresh[10 + i].Vector;
        var updated = built.TryUpdate(now, source => vectors[source], "two");

        Assert.NotNull(updated);
        Assert.Equal(now.Count, updated.Count);
        Assert.All(rows.Take(10), gone => Assert.False(updated.Contains(gone.Key)));
        Assert.All(rows.Take(10), gone => Assert.DoesNotContain(updated.Search(gone.Vector, K), hit => hit.Key == gone.Key));
        foreach (var (key, source) in now.Take(10).Concat(now.TakeLast(20)))
        {
            Assert.True(updated.TryGet(key, out var stored));
            Assert.True(Cosine(stored, vectors[source]) > 0.999, key);
            Assert.Equal(key, updated.Search(vectors[source], 1).Single().Key);
        }
        using var exact = new VectorIndex(Dimensions);
        foreach (var (key, source) in now) exact.Set(key, vectors[source]);
        Assert.True(Recall(updated, exact, queries) >= 0.95);
        // The index of the earlier snapshot still answers, and never with a row added after it.
        Assert.All(queries.Take(20), query => Assert.All(built.Search(query, K), hit => Assert.DoesNotContain("new", hit.Key)));
    }

    [SkippableFact]
    public void AnUpdatedIndexSavesAndLoadsWithoutItsRemovedRows()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, queries) = ClusteredVectors(new Random(14), count: 2_000);
        using var built = HnswVectorIndex.Build(rows.Select(r => r.Key).ToList(), row => rows[row].Vector, Dimensions, "one", key => key);
        var now = rows.Skip(5).Select(r => (r.Key, Source: r.Key)).ToList();
        var updated = built.TryUpdate(now, source => rows.First(r => r.Key == source).Vector, "two")!;
        updated.Save(folder);

        using var loaded = HnswVectorIndex.TryLoad(folder, "two");

        Assert.NotNull(loaded);
        Assert.Equal(now.Count, loaded.Count);
        Assert.False(loaded.Contains(rows[0].Key));
        foreach (var query in queries.Take(20))
            Assert.Equal(updated.Search(query, K).Select(h => h.Key), loaded.Search(query, K).Select(h => h.Key));
    }

    [SkippableFact]
    public void AGraphSavedWithItsDigestsLoadsForAnUpdateToOtherVectors()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, queries) = ClusteredVectors(new Random(16), count: 2_000);
        using (var built = HnswVectorIndex.Build(rows.Select(r => r.Key).ToList(), row => rows[row].Vector, Dimensions, "one", key => key))
            built.Save(folder);
        var now = rows.Skip(5).Select(r => (r.Key, Source: r.Key)).ToList();

        Assert.Null(HnswVectorIndex.TryLoad(folder, "two"));
        using var saved = HnswVectorIndex.TryLoadForUpdate(folder);
        Assert.NotNull(saved);
        Assert.Equal("one", saved.Fingerprint);
        var updated = saved.TryUpdate(now, source => rows.First(r => r.Key == source).Vector, "two");

        Assert.NotNull(updated);
        Assert.Equal(now.Count, updated.Count);
        Assert.False(updated.Contains(rows[0].Key));
        using var exact = new VectorIndex(Dimensions);
        foreach (var (key, vector) in rows.Skip(5)) exact.Set(key, vector);
        Assert.True(Recall(updated, exact, queries) >= 0.95);
    }

    [SkippableFact]
    public void AGraphSavedWithoutSourcesDoesNotLoadForAnUpdateUntilSavedAgainWithThem()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, _) = ClusteredVectors(new Random(17), count: 500);
        using (var built = HnswVectorIndex.Build(rows, Dimensions, "one"))
            built.Save(folder);

        Assert.Null(HnswVectorIndex.TryLoadForUpdate(folder));
        using var loaded = HnswVectorIndex.TryLoad(folder, "one");
        Assert.NotNull(loaded);
        Assert.False(loaded.SavedWithoutDigests);
        // Given the sources it knows its digests, and says it should be saved again with them.
        using var withSources = HnswVectorIndex.TryLoad(folder, "one", key => key);
        Assert.True(withSources?.SavedWithoutDigests);
        withSources!.Save(folder);
        using var again = HnswVectorIndex.TryLoadForUpdate(folder);
        Assert.NotNull(again);
    }

    [SkippableFact]
    public void ManyChangesOrUnknownSourcesAskForANewGraphAndLeaveThisOneAlone()
    {
        Skip.IfNot(HnswVectorIndex.IsSupported, "The USearch native library does not load on this machine.");
        var (rows, queries) = ClusteredVectors(new Random(15), count: 2_000);
        using var built = HnswVectorIndex.Build(rows.Select(r => r.Key).ToList(), row => rows[row].Vector, Dimensions, "one", key => key);
        using var withoutSources = HnswVectorIndex.Build(rows, Dimensions, "one");
        var before = queries.Select(q => built.Search(q, K).Select(h => h.Key).ToList()).ToList();
        // A fifth of the papers gone: more than the share an update takes.
        var now = rows.Skip(400).Select(r => (r.Key, Source: r.Key)).ToList();

        Assert.Null(built.TryUpdate(now, _ => throw new InvalidOperationException("no vector is read"), "two"));
        Assert.Null(withoutSources.TryUpdate(now.Take(1_990).ToList(), _ => [], "two"));
        Assert.Equal(rows.Count, built.Count);
        Assert.Equal(before, queries.Select(q => built.Search(q, K).Select(h => h.Key).ToList()).ToList());
    }

    private static double Cosine(float[] a, float[] b) =>
        System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

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
