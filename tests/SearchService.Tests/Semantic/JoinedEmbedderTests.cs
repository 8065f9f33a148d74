using System.Numerics.Tensors;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class JoinedEmbedderTests
{
    // Two stand-in models that see different words, so their cosines differ and can be worked out by hand.
    private static readonly VocabularyEmbedder Colours = new("red", "green", "blue");
    private static readonly VocabularyEmbedder Shapes = new("circle", "square", "red");
    private readonly JoinedEmbedder joined = new(Colours, Shapes);

    [Fact]
    public void DotProductOfJoinedVectorsIsTheMeanOfTheTwoModelsCosines()
    {
        const string a = "red circle", b = "red square blue";

        var fused = TensorPrimitives.Dot(joined.Embed([a])[0], joined.Embed([b])[0]);

        var colours = TensorPrimitives.Dot(Colours.Embed([a])[0], Colours.Embed([b])[0]);
        var shapes = TensorPrimitives.Dot(Shapes.Embed([a])[0], Shapes.Embed([b])[0]);
        Assert.Equal((colours + shapes) / 2, fused, 5);
    }

    [Fact]
    public void JoinedVectorsHaveBothWidthsAndUnitLength()
    {
        var vector = joined.Embed(["green square"])[0];

        Assert.Equal(6, joined.Dimensions);
        Assert.Equal(6, vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 5);
    }

    [Fact]
    public void ModelIdNamesBothModelsSoTheirStoredVectorsAreNotReusedAlone()
    {
        Assert.Contains(Colours.ModelId, joined.ModelId);
        Assert.Contains(Shapes.ModelId, joined.ModelId);
        Assert.NotEqual(Colours.ModelId, joined.ModelId);
    }

    [Fact]
    public void UnavailableWhenEitherModelIs()
    {
        var broken = new VocabularyEmbedder("red") { IsAvailable = false };

        Assert.False(new JoinedEmbedder(Colours, broken).IsAvailable);
        Assert.False(new JoinedEmbedder(broken, Shapes).IsAvailable);
    }
}
