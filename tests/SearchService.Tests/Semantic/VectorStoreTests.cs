using SearchService.Core.Notes;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class VectorStoreTests : IDisposable
{
    private const int Dims = 384;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vectorstore-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static float[] VectorOf(int seed) => Enumerable.Range(0, Dims).Select(i => (float)Math.Sin(seed * 31 + i)).ToArray();

    private static string HashOf(int seed) => ContentHash.Of($"test-model\npaper {seed}");

    [Fact]
    public void AddedVectorsComeBackAfterReopening()
    {
        using (var store = new VectorStore(_folder, Dims))
        {
            store.Add(HashOf(1), VectorOf(1));
            store.Add(HashOf(2), VectorOf(2));
            store.Add(HashOf(1), VectorOf(1));
            Assert.Equal(2, store.Count);
        }

        using var reopened = new VectorStore(_folder, Dims);

        Assert.Equal(2, reopened.Count);
        Assert.True(reopened.TryGet(HashOf(2), out var vector));
        Assert.Equal(VectorOf(2), vector);
        Assert.False(reopened.TryGet(HashOf(3), out _));
    }

    [Fact]
    public void VectorsAddedButNotYetFlushedAreReadBackAsAdded()
    {
        using var store = new VectorStore(_folder, Dims);
        var vector = VectorOf(5);
        store.Add(HashOf(5), vector);
        vector[0] = 99;
        store.Add(HashOf(6), VectorOf(6));

        Assert.True(store.TryGet(HashOf(5), out var five));
        Assert.Equal(VectorOf(5), five);
        store.Add(HashOf(7), VectorOf(7));
        Assert.True(store.TryGet(HashOf(7), out var seven));
        Assert.Equal(VectorOf(7), seven);
        Assert.True(store.TryGet(HashOf(6), out var six));
        Assert.Equal(VectorOf(6), six);
    }

    [Fact]
    public void TruncatedTrailingRecordIsIgnoredAndLaterAppendsStayReadable()
    {
        using (var store = new VectorStore(_folder, Dims))
        {
            store.Add(HashOf(1), VectorOf(1));
            store.Add(HashOf(2), VectorOf(2));
        }
        var path = Path.Combine(_folder, VectorStore.FileName);
        using (var file = new FileStream(path, FileMode.Open))
            file.SetLength(file.Length - 100);

        using (var store = new VectorStore(_folder, Dims))
        {
            Assert.Equal(1, store.Count);
            Assert.True(store.TryGet(HashOf(1), out _));
            store.Add(HashOf(3), VectorOf(3));
        }

        using var reopened = new VectorStore(_folder, Dims);
        Assert.Equal(2, reopened.Count);
        Assert.True(reopened.TryGet(HashOf(3), out var third));
        Assert.Equal(VectorOf(3), third);
    }

    [Fact]
    public void ZeroFilledTailFromACrashIsIgnored()
    {
        using (var store = new VectorStore(_folder, Dims))
            store.Add(HashOf(1), VectorOf(1));
        var path = Path.Combine(_folder, VectorStore.FileName);
        using (var file = new FileStream(path, FileMode.Append))
            file.Write(new byte[32 + Dims * 4 + 4]);

        using var reopened = new VectorStore(_folder, Dims);

        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public void FileWithOtherDimensionsIsStartedAfresh()
    {
        using (var store = new VectorStore(_folder, Dims))
            store.Add(HashOf(1), VectorOf(1));

        using var other = new VectorStore(_folder, 8);

        Assert.Equal(0, other.Count);
    }

    [Fact]
    public void FourThousandVectorsAllComeBackIntactAfterReopening()
    {
        using (var store = new VectorStore(_folder, Dims))
        {
            for (var i = 0; i < 4000; i++)
                store.Add(HashOf(i), VectorOf(i));
        }

        using var reopened = new VectorStore(_folder, Dims);

        Assert.Equal(4000, reopened.Count);
        for (var i = 0; i < 4000; i++)
        {
            Assert.True(reopened.TryGet(HashOf(i), out var vector), $"vector {i} is missing");
            Assert.Equal(VectorOf(i), vector);
        }
    }
}
