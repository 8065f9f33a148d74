using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

/// <summary>One loaded model for all embedder tests: loading takes about a second.</summary>
public sealed class MiniLmEmbedderFixture : IDisposable
{
    public SentenceEmbedder Embedder { get; } = new(SentenceModelCard.MiniLM);

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmEmbedderFixture>
{
    public const string Name = "MiniLM model";
}
