using System.Globalization;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Benchmarks;

/// <summary>
/// Prints dictionary candidates mined from the notes that pair Korean commentary with its English translation,
/// as TSV for a person to review before anything goes into terms.ko-en.tsv. <c>--ibm1</c> prints the
/// translations IBM Model 1 learns from the same notes instead (<see cref="TranslationLexicon"/>).
/// </summary>
public static class MineTermsCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return Task.FromResult(0);
        }
        var corpus = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes"));
        if (args.Contains("--ibm1"))
        {
            var learned = TranslationLexicon.Learn(corpus.Files.SelectMany(f => f.Papers), TerminologyMap.Load());
            Console.WriteLine("# korean\tenglish\tt(english | korean)\tnotes together (IBM Model 1; Korean words of the hand dictionary left out)");
            foreach (var l in learned)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Korean}\t{l.English}\t{l.Probability:F2}\t{l.Notes}"));
            return Task.FromResult(0);
        }
        var candidates = TermPairMiner.Mine(corpus.Files.SelectMany(f => f.Papers), TerminologyMap.Load());
        Console.WriteLine("# korean\tenglish\tnotes together\tDice (review each before adding it to terms.ko-en.tsv)");
        foreach (var c in candidates)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Korean}\t{c.English}\t{c.Together}\t{c.Dice:F2}"));
        return Task.FromResult(0);
    }
}
