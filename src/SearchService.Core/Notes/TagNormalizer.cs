using System.Text;

namespace SearchService.Core.Notes;

/// <summary>
/// Maps the spellings of one tag to one key: <c>#Long_Context</c>, <c>long-context</c> and <c>long context</c>
/// all become <c>long-context</c>. The index matches on this key; <see cref="Paper.Tags"/> keeps the spelling for display.
/// </summary>
public static class TagNormalizer
{
    /// <summary>Case-folds (invariant), drops leading '#', treats '-', '_' and white space as one '-', trims '-'.</summary>
    public static string Normalize(string tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return "";
        var builder = new StringBuilder(tag.Length);
        foreach (var c in tag.Trim().TrimStart('#').ToLowerInvariant())
        {
            if (c is '-' or '_' || char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Trim('-');
    }

    /// <summary>The normalized tag without its separators, so "pre-training" and "pretraining" meet.</summary>
    public static string Compact(string tag) => Normalize(tag).Replace("-", "", StringComparison.Ordinal);
}
