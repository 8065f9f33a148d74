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
    public async Task SearchesRunWhileVectorsAreAdded()
    {
        using var index = new VectorIndex(3);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
                index.Set($"p{i}", [i, 1, 0]);
        });

        while (!writer.IsCompleted)
            Assert.True(index.Search([1, 0, 0], 5).Count <= 5);
        await writer;

        Assert.Equal(2000, index.Count);
    }
}
