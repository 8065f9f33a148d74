namespace SearchService.Core.Notes;

/// <summary>
/// The entry point for any note file: picks the digest or the vault format and never throws, so one bad
/// file cannot stop a corpus load. An unexpected failure becomes a "parse-error" warning and no papers.
/// </summary>
public static class NoteParser
{
    public static ParseResult Parse(string text, string relativePath)
    {
        text ??= "";
        relativePath ??= "";
        try
        {
            var withoutBom = text.TrimStart('\uFEFF');
            var result = IsDigest(withoutBom)
                ? DigestParser.Parse(withoutBom, relativePath)
                : VaultNoteParser.Parse(withoutBom, relativePath);
            return WithinLimits(result, relativePath);
        }
        catch (Exception exception)
        {
            var warning = new ParseWarning(
                WarningCodes.ParseError,
                $"{exception.GetType().Name}: {exception.Message} (read {text.Length} characters)",
                relativePath);
            return new ParseResult([], [warning]);
        }
    }

    /// <summary>Over-long values are cut rather than refused: one odd note must still be searchable.</summary>
    private static ParseResult WithinLimits(ParseResult result, string relativePath)
    {
        var warnings = new List<ParseWarning>();
        var papers = result.Papers.Select(p => PaperLimits.Clamp(p, relativePath, warnings)).ToList();
        return warnings.Count == 0 ? result : new ParseResult(papers, [.. result.Warnings, .. warnings]);
    }

    /// <summary>
    /// A digest opens with a date line. The content decides, not the extension: a digest saved as .md or a
    /// note saved as .txt still parses by what it holds.
    /// </summary>
    private static bool IsDigest(string text)
    {
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line)) return DigestDate.TryParse(line, out _);
        }
        return false;
    }
}
