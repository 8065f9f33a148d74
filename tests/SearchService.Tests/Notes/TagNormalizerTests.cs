using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class TagNormalizerTests
{
    [Theory]
    [InlineData("long-context", "long-context")]
    [InlineData("long_context", "long-context")]
    [InlineData("#Long Context", "long-context")]
    [InlineData("#GAN", "gan")]
    [InlineData("__positional--_encoding__", "positional-encoding")]
    [InlineData("  #3d_vision ", "3d-vision")]
    [InlineData("한국어_태그", "한국어-태그")]
    [InlineData("", "")]
    [InlineData("#", "")]
    public void SpellingsOfOneTagNormalizeToOneKey(string tag, string expected) =>
        Assert.Equal(expected, TagNormalizer.Normalize(tag));
}
