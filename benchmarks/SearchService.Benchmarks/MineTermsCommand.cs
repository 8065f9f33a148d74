using System.Globalization;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Benchmarks;

/// <summary>
/// Prints dictionary candidates mined from the notes that pair Korean commentary with its English translation,
/// as TSV for a person to review before anything goes into terms.ko-en.tsv.
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
        var candidates = TermPairMiner.Mine(corpus.Files.SelectMany(f => f.Papers), TerminologyMap.Load());
        Console.WriteLine("# korean\tenglish\tnotes together\tDice (review each before adding it to terms.ko-en.tsv)");
        foreach (var c in candidates)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Korean}\t{c.English}\t{c.Together}\t{c.Dice:F2}"));
        return Task.FromResult(0);
    }
}
