using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Tests.Analysis;

public sealed class LearnedLexiconCacheTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lexicon-cache").FullName;
    private static readonly TerminologyMap NoDictionary = TerminologyMap.FromPairs([]);

    private static Paper Note(int i, string korean, string english) =>
        new() { Id = $"p{i}", KoreanCommentary = korean, EnglishCommentary = english };

    private static readonly Paper[] Notes =
    [
        Note(1, "생성 모델\n속도 품질", "generation model\nspeed quality"),
        Note(2, "생성 품질\n모델 속도", "generation quality\nmodel speed"),
        Note(3, "생성 속도\n모델 품질", "generation speed\nmodel quality"),
        Note(4, "모델 속도", "model speed"),
        Note(5, "생성 모델 속도", "generation model speed"),
    ];

    private string File => Path.Combine(folder, "learned-lexicon.tsv");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ASecondRunOverTheSameNotesLoadsWhatTheFirstLearned()
    {
        var learned = new LearnedLexiconCache(File).GetOrLearn(Notes, NoDictionary, 0.3);

        var restarted = new LearnedLexiconCache(File);
        var loaded = restarted.GetOrLearn(Notes.Reverse().ToArray(), NoDictionary, 0.3);

        Assert.True(restarted.LastLoaded);
        Assert.NotEmpty(loaded);
        Assert.Equal(learned, loaded);
    }

    [Fact]
    public void ChangedNotesAreLearnedAgain()
    {
        new LearnedLexiconCache(File).GetOrLearn(Notes, NoDictionary, 0.3);

        var restarted = new LearnedLexiconCache(File);
        restarted.GetOrLearn([.. Notes, Note(6, "생성", "generation")], NoDictionary, 0.3);

        Assert.False(restarted.LastLoaded);
    }

    [Fact]
    public void AChangedDictionaryOrThresholdIsLearnedAgain()
    {
        new LearnedLexiconCache(File).GetOrLearn(Notes, NoDictionary, 0.3);
        var cache = new LearnedLexiconCache(File);

        cache.GetOrLearn(Notes, TerminologyMap.FromPairs([new TermPair("속도", "speed")]), 0.3);
        Assert.False(cache.LastLoaded);
        cache.GetOrLearn(Notes, TerminologyMap.FromPairs([new TermPair("속도", "speed")]), 0.5);
        Assert.False(cache.LastLoaded);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("edited")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public void ADamagedFileIsIgnoredAndRewritten(string damage)
    {
        var learned = new LearnedLexiconCache(File).GetOrLearn(Notes, NoDictionary, 0.3);
        var text = System.IO.File.ReadAllText(File);
        System.IO.File.WriteAllText(File, damage switch
        {
            "truncated" => text[..(text.Length - 5)],
            "edited" => text.Replace("generation", "degeneration"),
            "garbage" => "\0\u00ff not a lexicon",
            _ => "",
        });

        var cache = new LearnedLexiconCache(File);
        var relearned = cache.GetOrLearn(Notes, NoDictionary, 0.3);

        Assert.False(cache.LastLoaded);
        Assert.Equal(learned, relearned);
        var again = new LearnedLexiconCache(File);
        again.GetOrLearn(Notes, NoDictionary, 0.3);
        Assert.True(again.LastLoaded);
    }

    [Fact]
    public void NoTemporaryFileIsLeftBehind()
    {
        new LearnedLexiconCache(File).GetOrLearn(Notes, NoDictionary, 0.3);

        Assert.Equal(["learned-lexicon.tsv"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void TheTranslatorTranslatesTheSameWhetherItLearnedOrLoaded()
    {
        var dictionary = new QueryExpansion(NoDictionary);
        var learning = new LearnedQueryTranslator(dictionary, cache: new LearnedLexiconCache(File));
        learning.Relearn(Notes);

        var loading = new LearnedQueryTranslator(dictionary, cache: new LearnedLexiconCache(File));
        loading.Relearn(Notes);

        Assert.Equal("generation model", loading.ToEnglish("생성 모델"));
        Assert.Equal(learning.ToEnglish("생성 모델 속도"), loading.ToEnglish("생성 모델 속도"));
        Assert.Equal(learning.LearnedCount, loading.LearnedCount);
    }
}
