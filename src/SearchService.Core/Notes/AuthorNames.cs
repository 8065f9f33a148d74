using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>
/// Author names as the notes hold them: split from a parenthesised list, cleaned of PDF artefacts,
/// and folded to an accent-free key so that a user typing "Perez-Rua" finds "Pérez-Rúa".
/// </summary>
public static partial class AuthorNames
{
    /// <summary>Letters that Unicode does not decompose into base letter + accent, so FormD alone would keep them.</summary>
    private static readonly Dictionary<char, string> UndecomposableLetters = new()
    {
        ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe",
        ['ı'] = "i", ['þ'] = "th", ['ħ'] = "h",
    };

    /// <summary>Lower-cases and removes diacritics and stray combining marks: "Muñoz" → "munoz", "Tr ̨ebacz" → "trebacz".</summary>
    public static string Fold(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var decomposed = SafeNormalize(ReattachCombiningMarks(name), NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (IsCombiningMark(c)) continue;
            var lower = char.ToLowerInvariant(c);
            if (UndecomposableLetters.TryGetValue(lower, out var replacement)) builder.Append(replacement);
            else builder.Append(lower);
        }
        // FormC puts Hangul jamo, which FormD split apart, back into syllables.
        return SafeNormalize(CollapseWhiteSpace(builder.ToString()), NormalizationForm.FormC);
    }

    /// <summary>
    /// Removes PDF artefacts from one name: footnote marks and affiliation digits glued to the end
    /// ("Jianzhou Wang1", "Shuyang Sun*", "Li†"), and a combining mark that extraction moved before its letter.
    /// </summary>
    public static string Clean(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var name = SafeNormalize(CollapseWhiteSpace(ReattachCombiningMarks(raw)), NormalizationForm.FormC);
        name = FootnoteMarks().Replace(name, "");
        return name.Trim(' ', ',', ';', '.', '*', '-').Trim();
    }

    /// <summary>
    /// Splits the inside of an author group into cleaned names. Commas, semicolons, "and" and "&amp;" separate;
    /// a "K2 Team: A, B" prefix gives the team as one more name. Pieces without letters and "et al." are dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string authorGroup)
    {
        if (string.IsNullOrWhiteSpace(authorGroup)) return [];
        var names = new List<string>();
        foreach (var piece in Separators().Split(authorGroup))
        {
            var name = Clean(piece);
            if (name.Length == 0 || !Script.ContainsLetter(name)) continue;
            if (name.Equals("et al", StringComparison.OrdinalIgnoreCase)) continue;
            names.Add(name);
        }
        return names;
    }

    /// <summary>
    /// PDF text sometimes puts an accent before its letter with a space ("Tr ̨ebacz"): move the mark
    /// back after the next letter so the name reads "Trębacz".
    /// </summary>
    private static string ReattachCombiningMarks(string text)
    {
        if (!text.Any(IsCombiningMark)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var startsDetachedMark = char.IsWhiteSpace(c) && i + 1 < text.Length && IsCombiningMark(text[i + 1]);
            if (startsDetachedMark && i + 2 < text.Length && char.IsLetter(text[i + 2]))
            {
                builder.Append(text[i + 2]).Append(text[i + 1]);
                i += 2;
            }
            else if (!startsDetachedMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>string.Normalize throws on a lone surrogate (a cut emoji); such text is replaced by U+FFFD first.</summary>
    private static string SafeNormalize(string text, NormalizationForm form)
    {
        if (!text.Any(char.IsSurrogate)) return text.Normalize(form);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return builder.ToString().Normalize(form);
    }

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string CollapseWhiteSpace(string text) => WhiteSpaceRun().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpaceRun();

    // Digits only count as a footnote when glued to a letter at the end, so "GLM-4.5 Team" and "K2 Team" keep theirs.
    [GeneratedRegex(@"(?<=\p{L})[0-9¹²³⁰-⁹*∗†‡§¶⋆]+$|[*∗†‡§¶⋆]+")]
    private static partial Regex FootnoteMarks();

    [GeneratedRegex(@"[,;:]|\s+and\s+|^and\s+|\s*&\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
