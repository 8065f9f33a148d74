using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class QueryBatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task QueriesThatArriveDuringARunShareTheNextOneAndEachGetsItsOwnVector()
    {
        var model = new GatedEmbedder(new VocabularyEmbedder("graph", "neural", "retrieval", "korean"));
        using var batcher = new QueryBatcher(model, threads: 1, maxBatch: 8);

        var first = batcher.EmbedAsync("graph");
        Assert.True(model.Started.Wait(Patience), "the first query never reached the model");
        string[] later = ["neural", "retrieval", "korean graph"];
        var waiting = later.Select(batcher.EmbedAsync).ToArray();
        model.Release.Set();

        Assert.Equal(model.Inner.EmbedQuery("graph"), await first.WaitAsync(Patience));
        for (var i = 0; i < later.Length; i++)
            Assert.Equal(model.Inner.EmbedQuery(later[i]), await waiting[i].WaitAsync(Patience));
        Assert.Equal([1, 3], model.RunSizes);
    }

    [Fact]
    public async Task ARunTakesAtMostTheBatchSize()
    {
        var model = new GatedEmbedder(new VocabularyEmbedder("graph"));
        using var batcher = new QueryBatcher(model, threads: 1, maxBatch: 2);

        var first = batcher.EmbedAsync("graph");
        Assert.True(model.Started.Wait(Patience));
        var waiting = Enumerable.Range(0, 5).Select(_ => batcher.EmbedAsync("graph")).ToArray();
        model.Release.Set();
        await Task.WhenAll(waiting.Append(first)).WaitAsync(Patience);

        Assert.Equal([1, 2, 2, 1], model.RunSizes);
    }

    [Fact]
    public async Task AFailedRunFailsItsQueriesAndTheNextRunAnswers()
    {
        var model = new GatedEmbedder(new VocabularyEmbedder("graph")) { FailNext = true };
        model.Release.Set();
        using var batcher = new QueryBatcher(model, threads: 2, maxBatch: 8);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.EmbedAsync("graph").WaitAsync(Patience));
        Assert.Equal("the model failed", failure.Message);
        var vector = await batcher.EmbedAsync("graph").WaitAsync(Patience);
        Assert.Equal(new[] { 1f }, vector);
    }

    /// <summary>Holds its first run until released, so the test can queue queries behind it; records each run's size.</summary>
    private sealed class GatedEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public ITextEmbedder Inner => inner;
        public ManualResetEventSlim Started { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public bool FailNext { get; set; }
        public List<int> RunSizes { get; } = [];

        public bool IsAvailable => true;
        public int Dimensions => inner.Dimensions;
        public string ModelId => inner.ModelId;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
        {
            lock (RunSizes) RunSizes.Add(texts.Count);
            Started.Set();
            Release.Wait(ct);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the model failed");
            }
            return inner.Embed(texts, ct);
        }
    }
}
