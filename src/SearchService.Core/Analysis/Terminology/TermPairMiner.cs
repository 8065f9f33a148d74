using System.Text.RegularExpressions;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>A Korean word and an English word that keep appearing in the same notes, with how strongly.</summary>
public sealed record TermPairCandidate(string Korean, string English, int Together, double Dice);

/// <summary>
/// Suggests dictionary entries from notes that carry both a Korean commentary and its English translation:
/// a Korean word and an English word that occur in the same notes far more often than apart are likely
/// translations. Only a suggestion list for a person to review: co-occurrence also pairs words that are
/// merely related (확산 with "noise"), so nothing mined is added to the dictionary unread.
/// </summary>
public static partial class TermPairMiner
{
    public static IReadOnlyList<TermPairCandidate> Mine(IEnumerable<Paper> papers, TerminologyMap known, int minTogether = 4, double minDice = 0.3)
    {
        var koreanNotes = new Dictionary<string, int>(StringComparer.Ordinal);
        var englishNotes = new Dictionary<string, int>(StringComparer.Ordinal);
        var together = new Dictionary<(string, string), int>();
        foreach (var paper in papers.Where(p => p.KoreanCommentary.Length > 0 && p.EnglishCommentary.Length > 0))
        {
            var korean = KoreanWords(paper.KoreanCommentary);
            var english = EnglishWords(paper.EnglishCommentary);
            foreach (var k in korean) koreanNotes[k] = koreanNotes.GetValueOrDefault(k) + 1;
            foreach (var e in english) englishNotes[e] = englishNotes.GetValueOrDefault(e) + 1;
            foreach (var k in korean)
                foreach (var e in english)
                    together[(k, e)] = together.GetValueOrDefault((k, e)) + 1;
        }
        var knownKorean = known.Pairs.SelectMany(p => p.Korean.Split('|')).Select(k => k.Replace(" ", "")).ToHashSet(StringComparer.Ordinal);
        return together
            .Where(kv => kv.Value >= minTogether && !knownKorean.Contains(kv.Key.Item1))
            .Select(kv => new TermPairCandidate(kv.Key.Item1, kv.Key.Item2, kv.Value,
                2.0 * kv.Value / (koreanNotes[kv.Key.Item1] + englishNotes[kv.Key.Item2])))
            .Where(c => c.Dice >= minDice)
            // The best English partner of each Korean word only: the rest are usually its context.
            .GroupBy(c => c.Korean)
            .Select(g => g.OrderByDescending(c => c.Dice).First())
            .OrderByDescending(c => c.Dice).ThenBy(c => c.Korean, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Hangul words with particles stripped; one-syllable stems say too little to pair.</summary>
    internal static HashSet<string> KoreanWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.TakeWhile(Script.IsHangul).ToArray()))
            .Where(w => w.Length > 0)
            .Select(KoreanParticleStemmer.Stem)
            .Where(w => w.Length >= 2 && !KoreanStopWords.Set.Contains(w) && !QueryFillerWords.Korean.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Lower-cased English words of three letters or more that are not stop words.</summary>
    internal static HashSet<string> EnglishWords(string text) =>
        LatinWord().Matches(text).Select(m => m.Value.Trim('-').ToLowerInvariant())
            .Where(w => w.Length >= 3 && !Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet.Contains(w) && !QueryFillerWords.English.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("[A-Za-z][A-Za-z-]*")]
    private static partial Regex LatinWord();
}
