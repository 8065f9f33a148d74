using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>What an <c>&lt;english&gt;</c>-like marker at the start of a line says.</summary>
internal enum EnglishMarkerKind { None, Open, Close }

/// <summary>
/// Recognises the markers around the English commentary, including typed variants such as
/// <c>&lt;enligsh&gt;</c>: a word within two edits of "english" counts, and is reported as misspelled.
/// </summary>
internal static partial class EnglishMarker
{
    private const string Word = "english";
    private const int MaxEdits = 2;

    /// <param name="line">The trimmed line.</param>
    /// <param name="misspelled">True when the word inside the brackets is not exactly "english".</param>
    /// <param name="rest">Text after the marker on the same line.</param>
    public static EnglishMarkerKind Read(string line, out bool misspelled, out string rest)
    {
        misspelled = false;
        rest = "";
        var match = Marker().Match(line);
        if (!match.Success) return EnglishMarkerKind.None;
        var word = match.Groups["word"].Value.ToLowerInvariant();
        if (word != Word && EditDistance.Between(word, Word) > MaxEdits) return EnglishMarkerKind.None;
        misspelled = word != Word;
        rest = match.Groups["rest"].Value.Trim();
        return match.Groups["slash"].Length > 0 ? EnglishMarkerKind.Close : EnglishMarkerKind.Open;
    }

    [GeneratedRegex(@"^<\s*(?<slash>/?)\s*(?<word>[A-Za-z]{5,9})\s*>(?<rest>.*)$")]
    private static partial Regex Marker();
}
