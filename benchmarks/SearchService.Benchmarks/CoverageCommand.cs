using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Benchmarks;

/// <summary>
/// Field-lexicon coverage: the English terms the corpus uses most (tags, and the words and two-word phrases
/// of titles and abstracts, counted once per paper) and the share the Korean-English dictionary has an entry
/// for. Built from the corpus vocabulary, never from queries; the most frequent terms without an entry are the
/// dictionary's to-do list.
/// </summary>
public static partial class CoverageCommand
{
    /// <summary>Words of every abstract that say nothing about the field.</summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.Ordinal)
    {
        "our", "from", "can", "across", "which", "while", "introduce", "propose", "using", "however", "more", "both",
        "results", "show", "through", "demonstrate", "experiments", "work", "have", "approach", "its", "also", "has",
        "achieves", "existing", "without", "only", "method", "significantly", "paper", "when", "methods", "https",
        "new", "novel", "than", "over", "via", "further", "between", "github", "effective", "two", "first", "address",
        "all", "during", "com", "including", "different", "based", "how", "what", "large", "available", "code",
        "state", "art", "performance", "study", "well", "other", "use", "used", "each", "many", "most", "achieve",
        "outperforms", "improve", "improves", "within", "leading", "key", "make", "often", "even", "remains",
        "suggest", "provide", "present", "models", "model",
    };

    public static Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return Task.FromResult(0);
        }
        var papers = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes")).Files.SelectMany(f => f.Papers).ToList();
        // --terms FILE: also count the entries of a candidate dictionary file.
        var expansion = new QueryExpansion(TerminologyMap.Load(ExtraTermFiles.Of(args)));
        var stop = Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet;
        bool Content(string w) => w.Length >= 3 && !stop.Contains(w) && !Boilerplate.Contains(w);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            var text = Word().Matches(paper.Title + "\n" + paper.Abstract).Select(m => m.Value.ToLowerInvariant()).ToList();
            foreach (var w in text.Where(Content).Distinct()) words[w] = words.GetValueOrDefault(w) + 1;
            foreach (var p in text.Zip(text.Skip(1)).Where(p => Content(p.First) && Content(p.Second)).Select(p => p.First + " " + p.Second).Distinct())
                phrases[p] = phrases.GetValueOrDefault(p) + 1;
            foreach (var t in paper.Tags.Select(t => TagNormalizer.Normalize(t).Replace('-', ' ').Replace('_', ' ')).Distinct())
                tags[t] = tags.GetValueOrDefault(t) + 1;
        }
        bool Covered(string term) => expansion.Expand(term).Any(e => e.TargetLanguage == TermExpansion.Korean && e.Source.Length == term.Length);
        // --top N: how deep the phrase and word lists go (1,000 by default); the 1,000-deep rows stay, so figures
        // stay comparable with earlier runs, and the deeper rows are added below them.
        var depth = args.SkipWhile(a => a != "--top").Skip(1).FirstOrDefault() is { } asked ? int.Parse(asked, CultureInfo.InvariantCulture) : 1000;
        var rows = new List<(string Name, Dictionary<string, int> Counts, int Top, int Min)>
        {
            ("tags used by 5+ papers", tags, int.MaxValue, 5),
            ("two-word phrases of titles and abstracts", phrases, 1000, 1),
            ("words of titles and abstracts", words, 1000, 1),
        };
        if (depth > 1000)
        {
            rows.Add(($"two-word phrases, {depth:N0} most frequent", phrases, depth, 1));
            rows.Add(($"words, {depth:N0} most frequent", words, depth, 1));
        }
        Console.WriteLine($"{papers.Count} paper records; share of the most frequent English terms with a Korean-English dictionary entry:");
        Console.WriteLine("| terms | count | covered | most frequent without an entry (papers) |\n| --- | --- | --- | --- |");
        foreach (var (name, counts, top, min) in rows)
        {
            var head = counts.Where(kv => kv.Value >= min).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).ToList();
            var missing = head.Where(kv => !Covered(kv.Key)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {head.Count} | {1 - missing.Count / (double)head.Count:P1} | {string.Join(", ", missing.Take(12).Select(kv => $"{kv.Key} ({kv.Value})"))} |"));
        }
        // --missing: every uncovered term of each list (to --top's depth), one a line with its paper count, to write entries from.
        if (args.Contains("--missing"))
        {
            foreach (var (name, counts, top, min) in new[] { ("tag", tags, int.MaxValue, 5), ("phrase", phrases, depth, 1), ("word", words, depth, 1) })
                foreach (var (term, count) in counts.Where(kv => kv.Value >= min).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).Where(kv => !Covered(kv.Key)))
                    Console.WriteLine($"{name}\t{term}\t{count}");
        }
        return Task.FromResult(0);
    }

    [GeneratedRegex("[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")]
    private static partial Regex Word();
}
