using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>
/// The top of a vault note: source URL(s), the title line (possibly wrapped over up to
/// <see cref="MaxTitleLines"/> lines) with its authors, and the quoted abstract. Everything after
/// <see cref="BodyStart"/> is commentary, tags and links.
/// </summary>
internal sealed partial class VaultNoteHeader
{
    private const int MaxTitleLines = 3;
    // Author lists of large teams run to thousands of characters (BLOOM); only a runaway line is refused.
    private const int MaxTitleLength = 20_000;

    public List<string> Urls { get; } = [];
    public string Title { get; private set; } = "";
    public int? TitleLineNumber { get; private set; }
    public IReadOnlyList<string> Authors { get; private set; } = [];
    public string Abstract { get; private set; } = "";
    /// <summary>Index into the note's lines where the body starts.</summary>
    public int BodyStart { get; private set; }
    /// <summary>Commentary written on the URL line itself ("https://... 이젠 알파고가 ..."), if any.</summary>
    public NumberedLine? FirstLineBody { get; private set; }

    /// <summary>The arXiv URL among the leading links if there is one (a project page often comes first), else the first link.</summary>
    public string? Url => Urls.FirstOrDefault(u => PaperId.FromArxivUrl(u) is not null) ?? Urls.FirstOrDefault();

    public static VaultNoteHeader Read(NumberedLine[] lines, ParseContext context)
    {
        var header = new VaultNoteHeader();
        var next = header.ReadUrls(lines, NextNonBlank(lines, 0));
        next = header.ReadTitle(lines, next, context);
        header.BodyStart = header.ReadAbstract(lines, NextNonBlank(lines, next), context);
        return header;
    }

    private int ReadUrls(NumberedLine[] lines, int index)
    {
        if (index >= lines.Length) return index;
        var first = lines[index].Trimmed;
        var match = NoteUrls.FindFirst(first);
        if (!match.Success) return index;
        var before = first[..match.Index];
        Urls.Add(NoteUrls.Normalize(match.Value));
        // Korean before the link means the note opens with commentary that merely cites the paper.
        if (Script.ContainsHangul(before)) return index;

        // "Title https://..." or "## [Title](https://...)": the words before the link name the paper.
        var titleBefore = before.Trim().TrimStart('#', ' ', '[').TrimEnd('(', '[', ']', ':', '-', '–', ' ');
        if (titleBefore.Length >= 3 && Script.ContainsLetter(titleBefore)) SetTitle(titleBefore, lines[index].Number);
        var after = first[(match.Index + match.Length)..];
        var isMarkdownLinkTarget = after.StartsWith("](", StringComparison.Ordinal);
        if (!isMarkdownLinkTarget && Script.ContainsLetter(NoteUrls.RemoveUrls(after)))
        {
            FirstLineBody = new NumberedLine(after.TrimStart(')', ']', ' '), lines[index].Number);
        }

        var next = NextNonBlank(lines, index + 1);
        while (next < lines.Length && NoteUrls.IsUrlOnlyLine(lines[next].Trimmed))
        {
            Urls.Add(NoteUrls.Normalize(NoteUrls.FindFirst(lines[next].Trimmed).Value));
            next = NextNonBlank(lines, next + 1);
        }
        return next;
    }

    private int ReadTitle(NumberedLine[] lines, int index, ParseContext context)
    {
        if (TitleLineNumber is not null || FirstLineBody is not null) return index;
        if (index >= lines.Length || !CanBeTitle(lines[index].Trimmed)) return index;

        var text = lines[index].Trimmed;
        var end = index + 1;
        while (end < lines.Length && end - index < MaxTitleLines && ContinuesTitle(text, lines[end].Trimmed))
        {
            text += " " + lines[end].Trimmed;
            end++;
        }
        var parsed = TitleLine.Parse(text);
        // A sentence is commentary, not a title; a title line with authors may still end in '.'.
        if (!parsed.HasAuthors && text.EndsWith('.')) return index;

        SetTitle(text, lines[index].Number);
        if (parsed.AuthorGroupUnclosed)
        {
            context.Warn(WarningCodes.UnclosedAuthorList, "author list has no closing ')'", lines[index].Number);
        }
        return end;
    }

    private void SetTitle(string text, int lineNumber)
    {
        var parsed = TitleLine.Parse(text);
        Title = parsed.Title;
        Authors = AuthorNames.Split(parsed.AuthorGroup);
        TitleLineNumber = lineNumber;
    }

    private int ReadAbstract(NumberedLine[] lines, int index, ParseContext context)
    {
        if (index >= lines.Length || !QuoteLine.IsQuote(lines[index].Trimmed)) return index;
        var parts = new List<string>();
        var i = index;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                var next = NextNonBlank(lines, i);
                if (next >= lines.Length || !QuoteLine.IsQuote(lines[next].Trimmed)) break;
                parts.Add("");
                i = next;
                continue;
            }
            if (QuoteLine.IsMalformedQuote(line.Trimmed))
            {
                context.Warn(WarningCodes.MalformedQuoteMarker, $"quote marker typed as '{line.Trimmed[..(line.Trimmed.IndexOf('>') + 1)]}'", line.Number);
            }
            if (QuoteLine.IsQuote(line.Trimmed))
            {
                parts.Add(QuoteLine.Content(line.Trimmed));
            }
            else if (EndsAbstract(line.Trimmed))
            {
                break;
            }
            else
            {
                context.WarnOnce(WarningCodes.UnquotedAbstractLine, "abstract continues on lines without '>'", line.Number);
                parts.Add(line.Trimmed);
            }
            i++;
        }
        Abstract = string.Join("\n", parts).Trim();
        return i;
    }

    private static bool CanBeTitle(string trimmed) =>
        trimmed.Length is > 0 and <= MaxTitleLength
        && !Script.ContainsHangul(trimmed)
        && !QuoteLine.IsQuote(trimmed)
        && !trimmed.StartsWith("[[", StringComparison.Ordinal)
        && !HeadingOrListItem().IsMatch(trimmed)
        && !NoteUrls.IsUrlOnlyLine(trimmed)
        && EnglishMarker.Read(trimmed, out _, out _) == EnglishMarkerKind.None
        && !TagReader.TryReadTagLine(trimmed, out _, out _);

    /// <summary>A wrapped title goes on while italics or the author list are open, or when the next line brings the author list.</summary>
    private static bool ContinuesTitle(string text, string next) =>
        CanBeTitle(next)
        && (TitleLine.LooksUnfinished(text) || (!text.Contains('(') && next.Contains('(') && next.EndsWith(')')));

    private static bool EndsAbstract(string trimmed) =>
        Script.ContainsHangul(trimmed)
        || EnglishMarker.Read(trimmed, out _, out _) != EnglishMarkerKind.None
        || TagReader.TryReadTagLine(trimmed, out _, out _)
        || NoteUrls.IsUrlOnlyLine(trimmed);

    private static int NextNonBlank(NumberedLine[] lines, int index)
    {
        while (index < lines.Length && lines[index].IsBlank) index++;
        return index;
    }

    [GeneratedRegex(@"^(?:#+(?:\s|$)|##|\d+[.)]\s|[-*+]\s)")]
    private static partial Regex HeadingOrListItem();
}
