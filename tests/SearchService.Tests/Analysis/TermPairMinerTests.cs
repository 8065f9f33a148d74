using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Tests.Analysis;

public sealed class TermPairMinerTests
{
    private static Paper Note(int i, string korean, string english) =>
        new() { Id = $"p{i}", KoreanCommentary = korean, EnglishCommentary = english };

    [Fact]
    public void WordsThatKeepAppearingTogetherAreSuggested()
    {
        string[] korean = ["강화", "보상", "정책", "탐색", "가치", "환경"];
        string[] english = ["reinforcement", "reward", "policy", "search", "value", "environment"];
        var papers = Enumerable.Range(0, 6).Select(i => Note(i, $"롤아웃을 {korean[i]}", $"Rollouts with {english[i]}"))
            .Append(Note(9, "다른 이야기", "Another story"));

        var candidates = TermPairMiner.Mine(papers, TerminologyMap.FromPairs([]));

        Assert.Contains(candidates, c => c is { Korean: "롤아웃", English: "rollouts" });
    }

    [Fact]
    public void KnownTermsAndRarePairsAreNotSuggested()
    {
        var papers = Enumerable.Range(0, 6).Select(i => Note(i, "트랜스포머 구조", "transformer architecture"))
            .Append(Note(7, "희귀한 단어", "rare word"));

        var candidates = TermPairMiner.Mine(papers, TerminologyMap.FromPairs([new TermPair("트랜스포머", "transformer")]));

        Assert.DoesNotContain(candidates, c => c.Korean == "트랜스포머");
        Assert.DoesNotContain(candidates, c => c.Korean == "희귀");
    }
}
