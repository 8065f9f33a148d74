using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>
/// The body of a vault note: commentary paragraphs, the <c>&lt;english&gt;</c> block, tags and the "# Links" list.
/// A paragraph with Hangul is Korean commentary; the English block and every English-only paragraph
/// (often written after the tags, with no block) are English commentary.
/// </summary>
internal sealed partial class VaultNoteBody
{
    private readonly ParseContext context;
    private readonly List<NumberedLine> paragraph = [];
    private readonly List<string> korean = [];
    private readonly List<string> english = [];
    private bool paragraphIsEnglishBlock;
    private NumberedLine? englishBlockStart;
    private bool inLinksSection;

    private VaultNoteBody(ParseContext context) => this.context = context;

    public string KoreanCommentary => string.Join("\n\n", korean);
    public string EnglishCommentary => string.Join("\n\n", english);
    public List<string> Tags { get; } = [];

    public static VaultNoteBody Read(IEnumerable<NumberedLine> lines, ParseContext context)
    {
        var body = new VaultNoteBody(context);
        foreach (var line in lines) body.Take(line);
        body.EndEnglishBlockIfOpen();
        body.Flush();
        return body;
    }

    private void Take(NumberedLine line)
    {
        var trimmed = line.Trimmed;
        if (line.IsBlank)
        {
            Flush();
            return;
        }
        if (TakeEnglishMarker(line)) return;
        if (TagReader.TryReadTagLine(trimmed, out var tags, out var stray))
        {
            EndEnglishBlockIfOpen();
            Flush();
            AddTags(tags);
            if (stray.Length > 0) context.Warn(WarningCodes.StrayCharactersAfterTags, $"'{stray}' after the tags", line.Number);
            return;
        }
        if (LinksHeading().IsMatch(trimmed))
        {
            Flush();
            inLinksSection = true;
            return;
        }
        if (inLinksSection && NoteLinks.IsLinkOnlyLine(trimmed)) return;
        inLinksSection = false;
        paragraph.Add(line);
    }

    /// <summary>Handles open/close markers, tolerating misspellings and a block "closed" by a second open tag.</summary>
    private bool TakeEnglishMarker(NumberedLine line)
    {
        var kind = EnglishMarker.Read(line.Trimmed, out var misspelled, out var rest);
        if (kind == EnglishMarkerKind.None) return false;
        if (misspelled) context.Warn(WarningCodes.MisspelledEnglishTag, $"'{line.Trimmed}' read as an english marker", line.Number);

        var opensBlock = kind == EnglishMarkerKind.Open && englishBlockStart is null;
        if (kind == EnglishMarkerKind.Open && !opensBlock)
        {
            context.Warn(WarningCodes.EnglishBlockClosedWithOpenTag, "english block closed with <english>", line.Number);
        }
        if (kind == EnglishMarkerKind.Close && englishBlockStart is null)
        {
            context.Warn(WarningCodes.StrayEnglishClose, "</english> without an open block", line.Number);
        }

        if (opensBlock)
        {
            Flush();
            englishBlockStart = line;
            paragraphIsEnglishBlock = true;
            if (rest.Length > 0) paragraph.Add(line with { Text = rest });
        }
        else
        {
            // Text after the closing marker ("</english>(https://...)") still belongs to the English paragraph.
            if (rest.Length > 0) paragraph.Add(line with { Text = rest });
            Flush();
            englishBlockStart = null;
            paragraphIsEnglishBlock = false;
        }
        return true;
    }

    private void EndEnglishBlockIfOpen()
    {
        if (englishBlockStart is not { } start) return;
        context.Warn(WarningCodes.UnclosedEnglishBlock, "<english> never closed; the block ends at the tags or the end of the note", start.Number);
        Flush();
        englishBlockStart = null;
        paragraphIsEnglishBlock = false;
    }

    private void Flush()
    {
        if (paragraph.Count == 0) return;
        var last = paragraph[^1];
        if (TagReader.TryReadTrailingTags(last.Text, out var text, out var tags))
        {
            context.Warn(WarningCodes.TagsInTextParagraph, "tags at the end of a text line", last.Number);
            AddTags(tags);
            paragraph[^1] = last with { Text = text };
        }
        var lines = paragraph.Select(l => NoteLinks.ToDisplayText(l.Text).Trim()).Where(l => l.Length > 0).ToList();
        var isReferenceOnly = lines.TrueForAll(NoteUrls.IsUrlOnlyLine);
        paragraph.Clear();
        if (lines.Count == 0 || isReferenceOnly) return;

        var content = string.Join("\n", lines);
        if (!paragraphIsEnglishBlock && Script.ContainsHangul(content)) korean.Add(content);
        else english.Add(content);
    }

    private void AddTags(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            var key = TagNormalizer.Normalize(tag);
            if (key.Length > 0 && !Tags.Exists(t => TagNormalizer.Normalize(t) == key)) Tags.Add(tag);
        }
    }

    [GeneratedRegex(@"^#{1,6}\s*links\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex LinksHeading();
}
