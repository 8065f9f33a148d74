namespace SearchService.Core.Notes;

/// <summary>
/// How long each part of a paper may be. Tags and authors are indexed as single terms, and Lucene refuses a
/// term over 32,766 bytes, which would fail the whole write; the other bounds keep one paper from holding
/// the index hostage. API writes over a bound are refused (400 naming the field); corpus notes are indexed
/// with the value cut to the bound and a <see cref="WarningCodes.ValueTooLong"/> warning.
/// </summary>
public static class PaperLimits
{
    public const int MaxIdLength = 200;
    public const int MaxTitleLength = 1_000;
    public const int MaxTagLength = 200;
    public const int MaxAuthorLength = 300;
    public const int MaxLinkLength = 300;
    public const int MaxUrlLength = 2_000;
    /// <summary>Abstract and each commentary, in characters.</summary>
    public const int MaxTextLength = 200_000;
    public const int MaxListItems = 500;

    /// <summary>
    /// True when <paramref name="id"/> can be read back through <c>/papers/{id}</c>: not "." or ".." (clients
    /// and servers fold those into the path), and without '/', '\', '?', '#', '%' or control characters.
    /// </summary>
    public static bool IsUsableInPath(string id) =>
        id.Length > 0 && id.Length <= MaxIdLength && id is not ("." or "..")
        && !id.Any(c => char.IsControl(c) || c is '/' or '\\' or '?' or '#' or '%')
        && id == id.Trim();

    /// <summary>The paper with every over-long value cut to its bound, and a warning for each cut.</summary>
    public static Paper Clamp(Paper paper, string path, List<ParseWarning> warnings)
    {
        string Cut(string value, int max, string field)
        {
            if (value.Length <= max) return value;
            warnings.Add(new ParseWarning(WarningCodes.ValueTooLong,
                $"The {field} of '{paper.Id}' is {value.Length} characters long; indexed cut to {max}.", path));
            return value[..max];
        }

        IReadOnlyList<string> CutAll(IReadOnlyList<string> values, int max, string field)
        {
            var kept = values.Count > MaxListItems ? values.Take(MaxListItems).ToList() : values;
            if (kept.Count < values.Count)
                warnings.Add(new ParseWarning(WarningCodes.ValueTooLong,
                    $"'{paper.Id}' has {values.Count} {field}s; the first {MaxListItems} are indexed.", path));
            return kept.All(v => v.Length <= max) ? kept : kept.Select(v => Cut(v, max, field)).ToList();
        }

        return paper with
        {
            Title = Cut(paper.Title, MaxTitleLength, "title"),
            Abstract = Cut(paper.Abstract, MaxTextLength, "abstract"),
            KoreanCommentary = Cut(paper.KoreanCommentary, MaxTextLength, "Korean commentary"),
            EnglishCommentary = Cut(paper.EnglishCommentary, MaxTextLength, "English commentary"),
            Url = paper.Url is { } url ? Cut(url, MaxUrlLength, "url") : null,
            Tags = CutAll(paper.Tags, MaxTagLength, "tag"),
            Authors = CutAll(paper.Authors, MaxAuthorLength, "author"),
            Links = CutAll(paper.Links, MaxLinkLength, "link"),
        };
    }
}
