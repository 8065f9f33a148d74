using SearchService.Core.Search;

namespace SearchService.Tests.Search;

public sealed class ShouldMatchTests
{
    [Theory]
    [InlineData("2<75%", 1, 1)]
    [InlineData("2<75%", 2, 2)]
    [InlineData("2<75%", 3, 2)]
    [InlineData("2<75%", 4, 3)]
    [InlineData("2<75%", 12, 9)]
    [InlineData("75%", 3, 2)]
    [InlineData("-25%", 4, 3)]
    [InlineData("-1", 3, 2)]
    [InlineData("3", 2, 2)]
    [InlineData("1", 5, 1)]
    [InlineData("2<50% 5<75%", 4, 2)]
    [InlineData("2<50% 5<75%", 8, 6)]
    [InlineData("10%", 3, 1)]
    public void RequiredWordsFollowElasticsearchMinimumShouldMatch(string spec, int words, int required) =>
        Assert.Equal(required, ShouldMatch.Required(spec, words));

    [Fact]
    public void NoWordsRequireNothing() => Assert.Equal(0, ShouldMatch.Required("2<75%", 0));
}
