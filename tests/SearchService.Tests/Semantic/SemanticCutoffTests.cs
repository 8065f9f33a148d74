using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class SemanticCutoffTests
{
    [Fact]
    public void EachModelHasTheCutoffChosenForItsSpreadOfCosines()
    {
        Assert.Equal(0.9, new SemanticOptions { Model = EmbeddingModel.ArcticXs }.SemanticCutoffInForce);
        Assert.Equal(0.8, new SemanticOptions { Model = EmbeddingModel.MiniLM }.SemanticCutoffInForce);
    }

    [Fact]
    public void ACutoffSetInConfigurationWinsOverTheModels()
    {
        Assert.Equal(0.5, new SemanticOptions { Model = EmbeddingModel.ArcticXs, SemanticCutoff = 0.5 }.SemanticCutoffInForce);
    }

    [Fact]
    public void ArcticXsIsTheDefaultModel()
    {
        // Chosen on the held-out queries (benchmarks/README.md, issue 9 item 6); a change of default re-embeds every corpus.
        Assert.Equal(EmbeddingModel.ArcticXs, new SemanticOptions().Model);
    }
}
