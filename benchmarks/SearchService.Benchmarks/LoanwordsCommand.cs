using System.Globalization;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Loanwords;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Benchmarks;

/// <summary>
/// Precision of loanword matching (<see cref="LoanwordIndex"/>) against pairs nobody wrote for it: the word
/// translations IBM Model 1 learns from the notes with both commentaries, and the hand dictionary's one-word
/// Korean entries. Every Korean word of a pair is matched against the whole corpus vocabulary; a match is right
/// when it is the pair's English word (up to a plural s). Mismatches are printed for a person to read, since a
/// learned pair can itself be wrong (안전 → anthropic). Never reads the queries.
/// </summary>
public static class LoanwordsCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return Task.FromResult(0);
        }
        var papers = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes")).Files.SelectMany(f => f.Papers).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var common = args.SkipWhile(a => a != "--common").Skip(1).Select(int.Parse).FirstOrDefault(LoanwordIndex.CommonKoreanPapers);
        var index = LoanwordIndex.Build(papers, common);
        Console.WriteLine($"{index.WordCount} English words indexed in {clock.ElapsedMilliseconds} ms");

        // Learned without the dictionary, so the transliterations the dictionary already has are tested too.
        var learned = TranslationLexicon.Learn(papers, known: null).Select(l => (l.Korean, English: new[] { l.English }));
        Report("pairs learned from the parallel commentaries (IBM Model 1, t >= 0.3, 3+ notes)", learned, index, args.Contains("--list"));
        var dictionary = TerminologyMap.LoadEmbedded()
            .Where(p => !p.Korean.Contains(' ') && p.Korean.All(c => c is >= '\uAC00' and <= '\uD7A3'))
            .GroupBy(p => p.Korean)
            .Select(g => (g.Key, g.SelectMany(p => p.English.ToLowerInvariant().Split(' ').Append(p.English.ToLowerInvariant())).ToArray()));
        Report("one-word Korean entries of the hand dictionary", dictionary, index, args.Contains("--list"));
        return Task.FromResult(0);
    }

    private static void Report(string title, IEnumerable<(string Korean, string[] English)> pairs, LoanwordIndex index, bool list)
    {
        var all = pairs.ToList();
        var matched = all.Select(p => (p.Korean, p.English, Match: index.Match(p.Korean))).Where(p => p.Match is not null).ToList();
        var right = matched.Where(p => p.English.Any(e => SameWord(e, p.Match!.English))).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\n{title}: {all.Count} pairs, {matched.Count} matched by sound, {right.Count} to the pair's English word: precision {right.Count / (double)Math.Max(1, matched.Count):P1}"));
        Console.WriteLine("right: " + string.Join(", ", right.Select(p => $"{p.Korean}→{p.Match!.English}")));
        Console.WriteLine("other: " + string.Join(", ", matched.Except(right).Select(p => $"{p.Korean}→{p.Match!.English} (pair: {string.Join('/', p.English)})")));
        if (list) Console.WriteLine("unmatched: " + string.Join(", ", all.Where(p => index.Match(p.Korean) is null).Select(p => $"{p.Korean}/{string.Join('/', p.English)}")));
    }

    /// <summary>The same word up to a plural or a hyphen (modality, modalities; post-training, posttraining).</summary>
    private static bool SameWord(string a, string b) => Stem(a) == Stem(b);

    private static string Stem(string word)
    {
        word = word.Replace("-", "", StringComparison.Ordinal);
        return word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith('s') && word.Length > 3 ? word[..^1]
            : word;
    }
}
