using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class ScriptTests
{
    [Theory]
    [InlineData("확산 모델", 1.0)]
    [InlineData("diffusion model", 0.0)]
    [InlineData("트랜스포머 attention", 5.0 / 14)]
    [InlineData("GPT-4 2023년 모델!", 0.5)]
    [InlineData("2023 - 42", 0.0)]
    [InlineData("", 0.0)]
    public void HangulShareCountsLettersOnly(string text, double expected) =>
        Assert.Equal(expected, Script.HangulShare(text), precision: 9);
}
