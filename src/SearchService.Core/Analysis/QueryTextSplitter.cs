using SearchService.Core.Notes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Splits a mixed Korean-English query into Hangul and Latin parts, so each goes to the analyzers of its
/// language, and drops the filler of <see cref="QueryFillerWords"/>. "Transformer를 학습하는 논문은?" gives
/// the Latin part "Transformer" and the Hangul part "학습하는": the particle 를 and the filler 논문은 go.
/// Punctuation separates words; digits belong to the Latin side ("7B모델" → "7B" and "모델").
/// </summary>
public sealed class QueryTextSplitter
{
    /// <summary>Splits <paramref name="query"/>; an empty or all-filler query gives empty parts.</summary>
    public QueryParts Split(string query)
    {
        var hangul = new List<string>();
        var latin = new List<string>();
        var current = new List<string>();
        var currentIsHangul = false;

        foreach (var (word, isHangul) in Words(query))
        {
            if (isHangul ? IsKoreanFiller(word) : QueryFillerWords.English.Contains(word))
            {
                continue;
            }
            if (current.Count > 0 && isHangul != currentIsHangul)
            {
                Flush(current, currentIsHangul ? hangul : latin);
            }
            current.Add(word);
            currentIsHangul = isHangul;
        }
        Flush(current, currentIsHangul ? hangul : latin);
        return new QueryParts(hangul, latin);
    }

    private static void Flush(List<string> words, List<string> parts)
    {
        if (words.Count > 0)
        {
            parts.Add(string.Join(' ', words));
            words.Clear();
        }
    }

    private static bool IsKoreanFiller(string word) =>
        QueryFillerWords.Korean.Contains(word)
        || QueryFillerWords.Korean.Contains(KoreanParticleStemmer.Stem(word))
        || KoreanStopWords.Set.Contains(word);

    // Words are maximal runs of one script; anything that is neither a letter nor a digit separates them,
    // except the joiners that belong inside a Latin term (GPT-4o, 1.5, C++ and o'brien stay whole).
    private static IEnumerable<(string Word, bool IsHangul)> Words(string query)
    {
        var start = -1;
        var startIsHangul = false;
        for (var i = 0; i <= query.Length; i++)
        {
            var kind = i < query.Length ? Classify(query, i) : CharKind.Separator;
            var isHangul = kind == CharKind.Hangul;
            if (start >= 0 && (kind == CharKind.Separator || isHangul != startIsHangul))
            {
                var word = query[start..i].TrimEnd('-', '.', '\'', '+');
                if (word.Length > 0)
                {
                    yield return (word, startIsHangul);
                }
                start = -1;
            }
            if (start < 0 && kind != CharKind.Separator)
            {
                start = i;
                startIsHangul = isHangul;
            }
        }
    }

    private static CharKind Classify(string text, int i)
    {
        var c = text[i];
        if (Script.IsHangul(c))
        {
            return CharKind.Hangul;
        }
        if (char.IsLetterOrDigit(c) || IsLetterOrDigitPair(text, i))
        {
            return CharKind.Latin;
        }
        // A joiner only counts inside a Latin word, so "-" between spaces still separates.
        var joiner = c is '-' or '.' or '\'' or '+' or '_';
        return joiner && i > 0 && char.IsLetterOrDigit(text[i - 1]) && !Script.IsHangul(text[i - 1])
            ? CharKind.Latin
            : CharKind.Separator;
    }

    // Letters outside the BMP (mathematical alphanumerics, CJK extension B) arrive as surrogate pairs.
    private static bool IsLetterOrDigitPair(string text, int i)
    {
        var pairStart = char.IsLowSurrogate(text[i]) ? i - 1 : i;
        return pairStart >= 0 && pairStart + 1 < text.Length
            && char.IsSurrogatePair(text[pairStart], text[pairStart + 1])
            && char.IsLetterOrDigit(text, pairStart);
    }

    private enum CharKind { Separator, Hangul, Latin }
}
