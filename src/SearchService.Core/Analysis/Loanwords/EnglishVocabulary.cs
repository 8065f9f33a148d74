using System.Text.RegularExpressions;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Loanwords;

/// <summary>An English word of the corpus: in how many papers it occurs, and whether the notes mostly capitalize it (a name).</summary>
internal sealed record VocabularyWord(string Word, int Papers, bool IsName);

/// <summary>The English words of the notes, lower-cased, with stop words and filler left out.</summary>
internal static partial class EnglishVocabulary
{
    public static IReadOnlyList<VocabularyWord> Of(IEnumerable<Paper> papers)
    {
        var paperCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalized = new Dictionary<string, int>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var stop = Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet;
        foreach (var paper in papers)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Titles and tags are left out of the capital count: titles capitalize every word, tags none.
            foreach (var (text, casing) in new[] { (paper.Title, false), (paper.Abstract, true), (paper.EnglishCommentary, true), (paper.KoreanCommentary, true), (string.Join('\n', paper.Tags), false) })
            {
                foreach (Match m in Word().Matches(text))
                {
                    var word = m.Value.ToLowerInvariant();
                    if (word.Length < 3 || stop.Contains(word) || QueryFillerWords.English.Contains(word)) continue;
                    if (seen.Add(word)) paperCounts[word] = paperCounts.GetValueOrDefault(word) + 1;
                    if (!casing) continue;
                    occurrences[word] = occurrences.GetValueOrDefault(word) + 1;
                    if (char.IsUpper(m.Value[0])) capitalized[word] = capitalized.GetValueOrDefault(word) + 1;
                }
            }
        }
        return paperCounts.Select(kv => new VocabularyWord(kv.Key, kv.Value, 2 * capitalized.GetValueOrDefault(kv.Key) > occurrences.GetValueOrDefault(kv.Key))).ToList();
    }

    // Letters only: digits and joiners end a word (GPT-4o gives gpt), since no transliteration spells them.
    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
