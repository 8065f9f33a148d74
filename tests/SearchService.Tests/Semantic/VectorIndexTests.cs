using System.Numerics.Tensors;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class VectorIndexTests
{
    private static VectorIndex IndexOf(params (string Id, float[] Vector)[] rows)
    {
        var index = new VectorIndex(3);
        foreach (var (id, vector) in rows)
            index.Set(id, vector);
        return index;
    }

    [Fact]
    public void SearchReturnsTopKBestFirst()
    {
        using var index = IndexOf(("far", [0, 0, 1]), ("near", [1, 0.1f, 0]), ("exact", [2, 0, 0]), ("mid", [1, 1, 0]));

        var hits = index.Search([1, 0, 0], 3);

        Assert.Equal(["exact", "near", "mid"], hits.Select(h => h.Id));
        Assert.Equal(1f, hits[0].Score, 5);
        Assert.True(hits[1].Score > hits[2].Score);
    }

    [Fact]
    public void SearchOverManyRowsKeepsTheTopKOfABruteForceRanking()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 500).Select(i => ($"p{i:D3}", new[] { (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() })).ToArray();
        using var index = IndexOf(rows);
        float[] query = [0.2f, 0.9f, 0.4f];

        var hits = index.Search(query, 25);

        var expected = rows
            .Select(r => (r.Item1, Score: index.Dot(r.Item1, query)!.Value / MathF.Sqrt(query.Sum(x => x * x))))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Item1, StringComparer.Ordinal).Take(25).Select(r => r.Item1);
        Assert.Equal(expected, hits.Select(h => h.Id));
    }

    [Fact]
    public void SearchOverWideClusteredRowsMatchesABruteForceRankingWithFiltersAndRemovals()
    {
        // Model-sized rows in tight clusters: many rows score within the byte form's error of each other, so the
        // exact second pass decides; the result must be the float ranking, scores included, with and without a filter.
        const int Dimensions = 384;
        var random = new Random(11);
        var centres = Enumerable.Range(0, 8).Select(_ => RandomVector(random, Dimensions)).ToArray();
        var rows = Enumerable.Range(0, 3000).Select(i => ($"p{i:D4}", Near(centres[i % centres.Length], random, 0.05f))).ToList();
        using var index = new VectorIndex(Dimensions);
        foreach (var (id, vector) in rows) index.Set(id, vector);
        foreach (var (id, _) in rows.Where((_, i) => i % 7 == 0)) index.Remove(id);
        var kept = rows.Where((_, i) => i % 7 != 0).Select(r => r.Item1).ToList();

        for (var q = 0; q < 20; q++)
        {
            var query = Near(centres[q % centres.Length], random, 0.05f);
            Func<string, bool>? filter = q % 2 == 0 ? null : id => id[^1] != '3';
            var hits = index.Search(query, 200, filter);

            // Normalized as the index normalizes a query, so the scores compare bit for bit.
            var unit = new float[Dimensions];
            TensorPrimitives.Divide(query, TensorPrimitives.Norm(query), unit);
            var expected = kept.Where(id => filter?.Invoke(id) ?? true)
                .Select(id => (Id: id, Score: index.Dot(id, unit)!.Value))
                .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(200).ToList();
            Assert.Equal(expected.Select(r => r.Id), hits.Select(h => h.Id));
            Assert.Equal(expected.Select(r => r.Score), hits.Select(h => h.Score));
        }
    }

    private static float[] RandomVector(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static float[] Near(float[] centre, Random random, float spread)
    {
        var norm = MathF.Sqrt(centre.Sum(x => x * x));
        return centre.Select(x => x / norm + spread * (float)(random.NextDouble() * 2 - 1) / MathF.Sqrt(centre.Length)).ToArray();
    }

    [Fact]
    public void DotReadsTheNormalizedVectorInPlaceAndIsNullForAnUnknownId()
    {
        using var index = IndexOf(("a", [3, 4, 0]));

        Assert.Equal(0.6f, index.Dot("a", [1, 0, 0])!.Value, 5);
        Assert.Null(index.Dot("missing", [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => index.Dot("a", [1, 0]));
    }

    [Fact]
    public void SearchSkipsIdsTheFilterRejects()
    {
        using var index = IndexOf(("a", [1, 0, 0]), ("b", [0.9f, 0.1f, 0]), ("c", [0, 1, 0]));

        var hits = index.Search([1, 0, 0], 10, id => id != "a");

        Assert.Equal(["b", "c"], hits.Select(h => h.Id));
    }

    [Fact]
    public void EqualScoresAreOrderedById()
    {
        using var index = IndexOf(("b", [1, 0, 0]), ("c", [1, 0, 0]), ("a", [1, 0, 0]));

        Assert.Equal(["a", "b"], index.Search([1, 0, 0], 2).Select(h => h.Id));
    }

    [Fact]
    public void RemovedIdsNoLongerMatchAndOthersKeepTheirVectors()
    {
        using var index = IndexOf(("a", [1, 0, 0]), ("b", [0, 1, 0]), ("c", [0, 0, 1]));

        Assert.True(index.Remove("a"));
        Assert.False(index.Remove("a"));

        Assert.Equal(2, index.Count);
        Assert.Equal("c", index.Search([0, 0, 1], 1)[0].Id);
        Assert.Equal("b", index.Search([0, 1, 0], 1)[0].Id);
        Assert.DoesNotContain(index.Search([1, 0, 0], 10), h => h.Id == "a");
    }

    [Fact]
    public void SetReplacesTheVectorOfAnExistingId()
    {
        using var index = IndexOf(("a", [1, 0, 0]));

        index.Set("a", [0, 1, 0]);

        Assert.Equal(1, index.Count);
        Assert.Equal(1f, index.Search([0, 1, 0], 1)[0].Score, 5);
    }

    [Fact]
    public async Task SearchesWhileVectorsAreAddedSeeEveryVectorAddedBefore()
    {
        // Vector i is ever nearer the query (its angle shrinks from 90° to 45°), so whatever prefix p0..pN of the
        // writes a search sees, its best five are pN, pN-1, ... pN-4, and N + 1 lies between the counts around it.
        const int Vectors = 2000;
        using var index = new VectorIndex(3);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Vectors; i++)
            {
                var angle = MathF.PI / 2 - MathF.PI / 4 * i / Vectors;
                index.Set($"p{i}", [MathF.Cos(angle), MathF.Sin(angle), 0]);
            }
        });

        var searches = 0;
        do
        {
            var before = index.Count;
            var hits = index.Search([1, 0, 0], 5);
            var after = index.Count;
            searches++;
            if (hits.Count == 0)
            {
                Assert.Equal(0, before);
                continue;
            }
            var newest = int.Parse(hits[0].Id[1..]);
            Assert.InRange(newest + 1, before, after);
            Assert.Equal(Enumerable.Range(0, Math.Min(5, newest + 1)).Select(k => $"p{newest - k}"), hits.Select(h => h.Id));
        }
        while (!writer.IsCompleted);
        await writer;

        Assert.Equal(Vectors, index.Count);
        Assert.True(searches > 0);
    }
}
