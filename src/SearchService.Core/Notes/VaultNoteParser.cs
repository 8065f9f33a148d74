using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>
/// Parses one vault note (<c>arXiv/&lt;year&gt;/&lt;YYMMDD title&gt;.md</c>) into one paper. The note's date comes from
/// the file name; the title falls back to the file name when the note has no title line. A note about several
/// papers yields the first one, with a "several-papers" warning, so every file stays one searchable paper.
/// </summary>
public static partial class VaultNoteParser
{
    public static ParseResult Parse(string text, string relativePath)
    {
        var context = new ParseContext(relativePath);
        var lines = NumberedLine.Split(text);
        if (Array.TrueForAll(lines, l => l.IsBlank))
        {
            context.Warn(WarningCodes.NoContent, "the note is empty");
            return new ParseResult([], context.Warnings);
        }

        var source = new PaperSource(relativePath);
        var header = VaultNoteHeader.Read(lines, context);
        var bodyLines = lines[header.BodyStart..].AsEnumerable();
        if (header.FirstLineBody is { } firstLineBody) bodyLines = bodyLines.Prepend(firstLineBody);
        var body = VaultNoteBody.Read(bodyLines, context);

        var title = header.Title;
        if (title.Length == 0)
        {
            title = TitleFromNoteName(source.NoteName);
            context.Warn(WarningCodes.MissingTitle, $"no title line; using the note name '{title}'");
        }
        else if (header.Authors.Count == 0)
        {
            context.Warn(WarningCodes.MissingAuthors, "title line without an author list", header.TitleLineNumber);
        }
        if (header.Url is null) context.Warn(WarningCodes.MissingUrl, "the note does not start with a link");
        WarnIfSeveralPapers(lines, header, context);

        var paper = new Paper
        {
            Id = PaperId.For(header.Url, title),
            Title = title,
            Authors = header.Authors,
            Abstract = header.Abstract,
            KoreanCommentary = body.KoreanCommentary,
            EnglishCommentary = body.EnglishCommentary,
            Tags = body.Tags,
            Date = ReadDate(source, context),
            Url = header.Url,
            Links = lines.SelectMany(l => NoteLinks.Read(l.Text)).Distinct(StringComparer.Ordinal).ToList(),
            Sources = [source],
        };
        return new ParseResult([paper], context.Warnings);
    }

    /// <summary>Notes are named "YYMMDD title"; a missing or impossible prefix gives no date.</summary>
    private static DateOnly? ReadDate(PaperSource source, ParseContext context)
    {
        var match = DatePrefix().Match(source.NoteName);
        if (!match.Success || !DateOnly.TryParseExact(match.Value, "yyMMdd", out var date))
        {
            context.Warn(WarningCodes.MissingDate, "the file name has no YYMMDD date prefix");
            return null;
        }
        var folder = Path.GetFileName(Path.GetDirectoryName(source.Path) ?? "");
        if (folder.Length == 4 && int.TryParse(folder, out var year) && year != date.Year)
        {
            context.Warn(WarningCodes.YearFolderMismatch, $"dated {date:yyyy-MM-dd} but filed under {folder}");
        }
        return date;
    }

    private static string TitleFromNoteName(string noteName)
    {
        var withoutDate = DatePrefix().Replace(noteName, "").Trim();
        return withoutDate.Length > 0 ? withoutDate : noteName;
    }

    /// <summary>Several distinct arXiv papers linked on lines of their own mean the note covers several papers.</summary>
    private static void WarnIfSeveralPapers(NumberedLine[] lines, VaultNoteHeader header, ParseContext context)
    {
        var ids = lines
            .Where(l => NoteUrls.IsUrlOnlyLine(l.Trimmed))
            .Select(l => PaperId.FromArxivUrl(l.Trimmed))
            .Concat(header.Urls.Select(PaperId.FromArxivUrl))
            .OfType<string>()
            .Distinct()
            .ToList();
        if (ids.Count > 1)
        {
            context.Warn(WarningCodes.SeveralPapers, $"links {ids.Count} arXiv papers ({string.Join(", ", ids)}); the first is kept");
        }
    }

    [GeneratedRegex(@"^\d{6}(?!\d)")]
    private static partial Regex DatePrefix();
}
