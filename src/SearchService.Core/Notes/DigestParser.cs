namespace SearchService.Core.Notes;

/// <summary>
/// Parses a daily digest: a date line, then entries of title / (authors) / abstract / Korean lines /
/// English lines / tag line. No blank lines separate entries: the tag line ends one. Each entry becomes a
/// paper whose source is the digest file plus the entry's 1-based number.
/// </summary>
public static class DigestParser
{
    public static ParseResult Parse(string text, string relativePath)
    {
        var context = new ParseContext(relativePath);
        var lines = NumberedLine.Split(text).Where(l => !l.IsBlank).ToList();
        if (lines.Count == 0)
        {
            context.Warn(WarningCodes.NoContent, "the digest is empty");
            return new ParseResult([], context.Warnings);
        }

        DateOnly? date = null;
        var start = 0;
        if (DigestDate.TryParse(lines[0].Text, out var parsed))
        {
            date = parsed;
            start = 1;
        }
        else
        {
            context.Warn(WarningCodes.MissingDate, "the digest does not start with a date line", lines[0].Number);
        }

        var papers = new List<Paper>();
        DigestEntry? entry = null;
        foreach (var line in lines.Skip(start))
        {
            entry ??= new DigestEntry(line, context);
            if (!entry.Take(line)) continue;
            papers.Add(entry.ToPaper(new PaperSource(relativePath, papers.Count + 1), date));
            entry = null;
        }
        if (entry is not null)
        {
            context.Warn(WarningCodes.MissingTags, "the last entry has no tag line", entry.FirstLine);
            papers.Add(entry.ToPaper(new PaperSource(relativePath, papers.Count + 1), date));
        }
        return new ParseResult(papers, context.Warnings);
    }
}
