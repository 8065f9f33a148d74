using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>A Korean word, its most probable English translation under the learned model, and in how many notes both occur.</summary>
public sealed record LearnedTranslation(string Korean, string English, double Probability, int Notes);

/// <summary>
/// Learns Korean→English word translations from the notes that carry a Korean commentary and its English
/// translation, with IBM Model 1 (Brown et al. 1993): t(e | k) by expectation-maximization over aligned
/// commentary pairs, each English word explained by some Korean word of its pair or by an empty word.
/// Unlike co-occurrence (<see cref="TermPairMiner"/>), the words compete to explain each English word, so a
/// Korean word's context ("noise" beside 확산) loses to its translation. Lines are paired one to one when both
/// commentaries have the same number of lines, else the whole commentaries are.
/// </summary>
public static class TranslationLexicon
{
    private const string Empty = "";

    /// <summary>
    /// The best translation of each Korean word seen in at least <paramref name="minNotes"/> notes whose
    /// probability reaches <paramref name="minProbability"/>, best first. Korean words of <paramref name="known"/>
    /// are left out: the hand dictionary stays the authority where it has an entry.
    /// </summary>
    public static IReadOnlyList<LearnedTranslation> Learn(IEnumerable<Paper> papers, TerminologyMap? known = null,
        int iterations = 8, double minProbability = 0.3, int minNotes = 3)
    {
        var pairs = AlignedPairs(papers).ToList();
        var notes = new Dictionary<(string, string), int>();
        var koreanNotes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (korean, english, _, _) in pairs.Where(p => p.Count))
        {
            foreach (var k in korean) koreanNotes[k] = koreanNotes.GetValueOrDefault(k) + 1;
            foreach (var k in korean)
                foreach (var e in english)
                    notes[(k, e)] = notes.GetValueOrDefault((k, e)) + 1;
        }

        // Uniform start over the pairs that ever co-occur; the empty word may explain any English word.
        var t = new Dictionary<(string K, string E), double>();
        var training = pairs.Where(p => p.Train).ToList();
        foreach (var (korean, english, _, _) in training)
            foreach (var k in korean.Append(Empty))
                foreach (var e in english)
                    t[(k, e)] = 1.0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var counts = new Dictionary<(string K, string E), double>();
            var totals = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (korean, english, _, _) in training)
            {
                var sources = korean.Append(Empty).ToList();
                foreach (var e in english)
                {
                    var norm = sources.Sum(k => t[(k, e)]);
                    foreach (var k in sources)
                    {
                        var share = t[(k, e)] / norm;
                        counts[(k, e)] = counts.GetValueOrDefault((k, e)) + share;
                        totals[k] = totals.GetValueOrDefault(k) + share;
                    }
                }
            }
            foreach (var (key, count) in counts) t[key] = count / totals[key.K];
        }

        var knownKorean = known?.Pairs.SelectMany(p => p.Korean.Split('|')).Select(k => k.Replace(" ", "")).ToHashSet(StringComparer.Ordinal) ?? [];
        return t.Where(kv => kv.Key.K != Empty && kv.Value >= minProbability && koreanNotes.GetValueOrDefault(kv.Key.K) >= minNotes && !knownKorean.Contains(kv.Key.K))
            .GroupBy(kv => kv.Key.K)
            .Select(g => g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.E, StringComparer.Ordinal).First())
            .Select(kv => new LearnedTranslation(kv.Key.K, kv.Key.E, kv.Value, notes.GetValueOrDefault((kv.Key.K, kv.Key.E))))
            .Where(l => l.Notes >= minNotes)
            .OrderByDescending(l => l.Probability).ThenBy(l => l.Korean, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Content words of aligned Korean/English pairs: each note once whole (<c>Count</c>, for note counts), and
    /// the pairs to train on (<c>Train</c>): its lines when they pair one to one, else the whole note.
    /// </summary>
    private static IEnumerable<(string[] Korean, string[] English, bool Count, bool Train)> AlignedPairs(IEnumerable<Paper> papers)
    {
        foreach (var paper in papers.Where(p => p.KoreanCommentary.Length > 0 && p.EnglishCommentary.Length > 0))
        {
            var koreanLines = Lines(paper.KoreanCommentary);
            var englishLines = Lines(paper.EnglishCommentary);
            if (koreanLines.Length == englishLines.Length && koreanLines.Length > 1)
            {
                var koreanAll = TermPairMiner.KoreanWords(paper.KoreanCommentary).ToArray();
                var englishAll = TermPairMiner.EnglishWords(paper.EnglishCommentary).ToArray();
                // Note counts come from the whole note; training uses the finer line pairs.
                yield return (koreanAll, englishAll, true, false);
                for (var i = 0; i < koreanLines.Length; i++)
                {
                    var korean = TermPairMiner.KoreanWords(koreanLines[i]).ToArray();
                    var english = TermPairMiner.EnglishWords(englishLines[i]).ToArray();
                    if (korean.Length > 0 && english.Length > 0) yield return (korean, english, false, true);
                }
                continue;
            }
            var k = TermPairMiner.KoreanWords(paper.KoreanCommentary).ToArray();
            var e = TermPairMiner.EnglishWords(paper.EnglishCommentary).ToArray();
            if (k.Length > 0 && e.Length > 0) yield return (k, e, true, true);
        }
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
