using System.Text.RegularExpressions;
using SearchService.Core.Notes;

namespace SearchService.Core.Related;

/// <summary>
/// The short name a paper goes by in other notes ("LoRA", "LM-Infinite", "Swin Transformer"): the part of
/// the title before ':' or the note name without its date, when that part is short and looks like a name.
/// </summary>
public static partial class ShortNames
{
    private const int MaxWords = 3;
    private const int MinLength = 3;

    public static IEnumerable<string> Of(Paper paper)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var colon = paper.Title.IndexOf(':');
        if (colon > 0) names.Add(paper.Title[..colon].Trim());
        foreach (var source in paper.Sources)
            names.Add(DatePrefix().Replace(source.NoteName, "").Trim());
        return names.Where(LooksLikeName);
    }

    /// <summary>A name, not a phrase: a few words, one of them with a capital inside, a digit or a dash ("BEiT", "GPT-4", "LongLoRA").</summary>
    private static bool LooksLikeName(string name)
    {
        if (name.Length < MinLength || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords) return false;
        return name.Split(' ').Any(word => word.Length >= 2 && (word.Skip(1).Any(char.IsUpper) || word.Any(char.IsDigit) || word.Contains('-')));
    }

    [GeneratedRegex(@"^\d{6}\s+")]
    private static partial Regex DatePrefix();

    /// <summary>Runs of one to three Latin words in <paramref name="text"/>, as they would be looked up among short names.</summary>
    public static IEnumerable<string> Candidates(string text)
    {
        var words = LatinWord().Matches(text).Select(m => m.Value.TrimEnd('.', '-')).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            for (var n = 1; n <= MaxWords && i + n <= words.Count; n++)
                yield return string.Join(' ', words.Skip(i).Take(n));
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-\.]*")]
    private static partial Regex LatinWord();
}
