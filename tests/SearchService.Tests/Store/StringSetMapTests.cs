using SearchService.Core;

namespace SearchService.Tests.Store;

public sealed class StringSetMapTests
{
    [Fact]
    public void AKeyHoldsASetWhetherItHasOneMemberOrSeveral()
    {
        var map = new StringSetMap();
        Assert.True(map.Add("title", "2401.00001"));
        Assert.False(map.Add("title", "2401.00001"));
        Assert.Equal(["2401.00001"], map.Of("title"));
        Assert.Equal("2401.00001", map.Single("title"));

        Assert.True(map.Add("title", "2401.00002"));
        Assert.False(map.Add("title", "2401.00002"));
        Assert.Equal(["2401.00001", "2401.00002"], map.Of("title"));
        Assert.Equal(2, map.CountOf("title"));
        Assert.Null(map.Single("title"));
    }

    [Fact]
    public void RemovingMembersGoesBackToOneAndThenDropsTheKey()
    {
        var map = new StringSetMap();
        map.Add("title", "a");
        map.Add("title", "b");
        map.Add("title", "c");

        Assert.False(map.Remove("title", "x"));
        Assert.True(map.Remove("title", "b"));
        Assert.True(map.Remove("title", "a"));
        Assert.Equal("c", map.Single("title"));
        Assert.False(map.Remove("title", "a"));
        Assert.True(map.Remove("title", "c"));

        Assert.False(map.ContainsKey("title"));
        Assert.Empty(map.Of("title"));
        Assert.Equal(0, map.CountOf("title"));
        Assert.Empty(map.Keys);
    }

    [Fact]
    public void RemoveKeyDropsEveryMember()
    {
        var map = new StringSetMap();
        map.Add("name", "a");
        map.Add("name", "b");
        map.Add("other", "c");

        Assert.True(map.RemoveKey("name"));
        Assert.False(map.RemoveKey("name"));
        Assert.Equal(["other"], map.Keys);
    }
}
