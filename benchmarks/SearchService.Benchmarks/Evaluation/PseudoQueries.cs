using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>
/// Training queries made from the corpus, each answered by the note it was cut from, for the learned ranker.
/// A query is a few consecutive words of one sentence of the note (its Korean commentary, abstract or English
/// commentary), without the words of its title (they would name the paper outright), and with some words swapped
/// for their dictionary equivalent in the other language, so that, as in real queries, the words are the note's
/// idea more often than its exact text. Never made from the dev or held-out queries.
/// </summary>
public static class PseudoQueries
{
    private const int MaxWords = 8;
    private const int MinWords = 3;

    // A real query keeps few of these, and a window of a sentence is full of them.
    private static readonly HashSet<string> FunctionWords =
        ["the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "by", "from", "as", "at", "is", "are", "was", "were",
         "be", "been", "it", "its", "this", "that", "these", "those", "we", "our", "which", "can", "than", "then", "also"];

    public static IReadOnlyList<DevQuery> From(IReadOnlyList<Paper> papers, TerminologyMap dictionary, int count, int seed)
    {
        var random = new Random(seed);
        var toKorean = Lookup(dictionary.Pairs.Where(p => !p.English.Contains(' ')), p => p.English.ToLowerInvariant(), p => p.Korean);
        var toEnglish = Lookup(dictionary.Pairs.Where(p => !p.Korean.Contains(' ')), p => p.Korean, p => p.English);
        var queries = new List<DevQuery>();
        foreach (var paper in papers.OrderBy(_ => random.Next()))
        {
            if (queries.Count == count) break;
            if (Make(paper, random, toKorean, toEnglish) is not { } text) continue;
            var relevant = paper.Sources.Select(s => s.NoteName).Append(paper.Id).ToList();
            queries.Add(new DevQuery($"p{queries.Count:D4}", LanguageOf(text), "pseudo", text, relevant));
        }
        return queries;
    }

    private static string? Make(Paper paper, Random random, Dictionary<string, string> toKorean, Dictionary<string, string> toEnglish)
    {
        var sources = new[] { paper.KoreanCommentary, paper.Abstract, paper.EnglishCommentary }.Where(s => s.Length > 0).ToList();
        if (sources.Count == 0) return null;
        var sentences = sources[random.Next(sources.Count)]
            .Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Words(s).Where(w => !InTitle(w, paper.Title) && !FunctionWords.Contains(w.ToLowerInvariant())).ToList())
            .Where(words => words.Count >= MinWords + 2)
            .ToList();
        if (sentences.Count == 0) return null;
        var sentence = sentences[random.Next(sentences.Count)];
        var length = Math.Min(sentence.Count, random.Next(MinWords + 1, MaxWords + 1));
        var start = random.Next(sentence.Count - length + 1);
        var words = sentence.Skip(start).Take(length).Select(w => random.NextDouble() < 0.5 ? Paraphrase(w, toKorean, toEnglish) ?? w : w);
        return string.Join(' ', words);
    }

    /// <summary>The word in the other language, through the dictionary; a Korean word may carry a one-syllable particle.</summary>
    private static string? Paraphrase(string word, Dictionary<string, string> toKorean, Dictionary<string, string> toEnglish) =>
        toKorean.GetValueOrDefault(word.ToLowerInvariant())
        ?? toEnglish.GetValueOrDefault(word)
        ?? (word.Length > 2 ? toEnglish.GetValueOrDefault(word[..^1]) : null);

    private static bool InTitle(string word, string title)
    {
        var stem = word.Length > 2 && word.Any(IsHangul) ? word[..2] : word;
        return title.Contains(stem, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Words(string sentence) =>
        sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', ';', ':', '(', ')', '"', '\'', '[', ']', '*', '`', '“', '”'))
            .Where(w => w.Length >= 2 && !w.All(c => char.IsDigit(c) || char.IsPunctuation(c)) && !w.Contains("http", StringComparison.Ordinal))
            .ToList();

    private static Dictionary<string, string> Lookup(IEnumerable<TermPair> pairs, Func<TermPair, string> key, Func<TermPair, string> value)
    {
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs) lookup.TryAdd(key(pair), value(pair));
        return lookup;
    }

    private static string LanguageOf(string text)
    {
        var letters = text.Count(char.IsLetter);
        var hangul = letters == 0 ? 0 : text.Count(IsHangul) / (double)letters;
        return hangul > 0.7 ? "ko" : hangul < 0.1 ? "en" : "mixed";
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
