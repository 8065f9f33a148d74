namespace SearchService.Core.Notes;

/// <summary>One digest entry being read line by line; <see cref="Take"/> says when its tag line has ended it.</summary>
internal sealed class DigestEntry(NumberedLine titleLine, ParseContext context)
{
    private readonly List<string> abstractLines = [];
    private readonly List<string> korean = [];
    private readonly List<string> english = [];
    private List<string> tags = [];
    private IReadOnlyList<string> authors = [];
    private int linesRead;

    public int FirstLine => titleLine.Number;

    /// <returns>True when the line was the tag line that ends the entry.</returns>
    public bool Take(NumberedLine line)
    {
        var trimmed = line.Trimmed;
        linesRead++;
        if (linesRead == 1) return false;
        if (linesRead == 2 && trimmed.StartsWith('('))
        {
            if (!trimmed.EndsWith(')')) context.Warn(WarningCodes.UnclosedAuthorList, "author line has no closing ')'", line.Number);
            authors = AuthorNames.Split(trimmed.Trim('(', ')'));
            return false;
        }
        if (linesRead == 2) context.Warn(WarningCodes.MissingAuthors, "no author line after the title", line.Number);

        if (TagReader.TryReadTagLine(trimmed, out var found, out var stray))
        {
            if (stray.Length > 0) context.Warn(WarningCodes.StrayCharactersAfterTags, $"'{stray}' after the tags", line.Number);
            tags = found;
            return true;
        }
        // The abstract comes before the first Korean line; English after Korean is its translation.
        if (Script.ContainsHangul(trimmed)) korean.Add(trimmed);
        else if (korean.Count == 0) abstractLines.Add(trimmed);
        else english.Add(trimmed);
        return false;
    }

    public Paper ToPaper(PaperSource source, DateOnly? date)
    {
        var title = titleLine.Trimmed;
        return new Paper
        {
            Id = PaperId.Slug(title),
            Title = title,
            Authors = authors,
            Abstract = string.Join("\n", abstractLines),
            KoreanCommentary = string.Join("\n", korean),
            EnglishCommentary = string.Join("\n", english),
            Tags = tags,
            Date = date,
            Sources = [source],
        };
    }
}
