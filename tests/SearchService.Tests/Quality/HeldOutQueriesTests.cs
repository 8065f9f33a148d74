using System.Text.Json;
using System.Text.RegularExpressions;

namespace SearchService.Tests.Quality;

/// <summary>
/// Guards the held-out queries (<c>benchmarks/heldout/queries.jsonl</c>): every answer is a real note, no query
/// copies three consecutive words of the note it should find (so the set measures paraphrase, not copy), and
/// the languages keep the proportions of the dev set.
/// </summary>
public sealed partial class HeldOutQueriesTests
{
    private const int CopiedRun = 3;

    [Fact]
    public void HeldOutSetHasAtLeast120QueriesInTheLanguageProportionsOfDev()
    {
        var queries = HeldOutQuery.LoadAll();

        Assert.True(queries.Count >= 120, $"{queries.Count} held-out queries");
        Assert.Equal(queries.Count, queries.Select(q => q.Id).Distinct().Count());
        var share = queries.GroupBy(q => q.Lang).ToDictionary(g => g.Key, g => g.Count() / (double)queries.Count);
        Assert.Equal(0.4, share.GetValueOrDefault("ko"), 2);
        Assert.Equal(0.4, share.GetValueOrDefault("en"), 2);
        Assert.Equal(0.2, share.GetValueOrDefault("mixed"), 2);
        Assert.All(queries, q => Assert.NotEmpty(q.Relevant));
    }

    [SkippableFact]
    public void EveryHeldOutAnswerIsANoteOfTheCorpus()
    {
        var notes = CorpusNotes();

        var missing = HeldOutQuery.LoadAll().SelectMany(q => q.Relevant.Where(r => !notes.ContainsKey(r)).Select(r => $"{q.Id}: {r}")).ToList();

        Assert.True(missing.Count == 0, "not in the corpus:\n" + string.Join("\n", missing));
    }

    [SkippableFact]
    public void NoHeldOutQueryCopiesThreeConsecutiveWordsOfItsNote()
    {
        var notes = CorpusNotes();

        var copies = new List<string>();
        foreach (var query in HeldOutQuery.LoadAll())
        {
            var queryRuns = Runs(Words(query.Query)).ToHashSet();
            foreach (var note in query.Relevant.Where(notes.ContainsKey))
            {
                var shared = Runs(Words(File.ReadAllText(notes[note]))).Where(queryRuns.Contains).Distinct().ToList();
                if (shared.Count > 0) copies.Add($"{query.Id} copies \"{string.Join("\", \"", shared)}\" from {note}");
            }
        }

        Assert.True(copies.Count == 0, string.Join("\n", copies));
    }

    [Fact]
    public void WordsAreLowerCasedLettersAndDigitsSoPunctuationDoesNotHideACopy()
    {
        Assert.Equal(["low", "rank", "adapters", "모델이", "2"], Words("Low-Rank (adapters) 모델이, 2!"));
        Assert.Equal(["a b c", "b c d"], Runs(["a", "b", "c", "d"]));
    }

    private static Dictionary<string, string> CorpusNotes()
    {
        var corpus = SharedData.Corpus;
        Skip.If(corpus is null, SharedData.MissingMessage("the held-out answer check"));
        return Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal);
    }

    internal static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    internal static List<string> Runs(IReadOnlyList<string> words) =>
        Enumerable.Range(0, Math.Max(0, words.Count - CopiedRun + 1))
            .Select(i => string.Join(' ', words.Skip(i).Take(CopiedRun)))
            .ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    private sealed record HeldOutQuery(string Id, string Lang, string Style, string Query, IReadOnlyList<string> Relevant)
    {
        public static IReadOnlyList<HeldOutQuery> LoadAll() =>
            File.ReadLines(Path.Combine(RepositoryRoot(), "benchmarks", "heldout", "queries.jsonl"))
                .Where(l => l.Trim().Length > 0)
                .Select(l => JsonSerializer.Deserialize<HeldOutQuery>(l, JsonSerializerOptions.Web)!)
                .ToList();

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("No checkout (SearchService.sln) above the test binaries.");
        }
    }
}
