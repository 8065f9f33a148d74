namespace SearchService.Core.Notes;

/// <summary>
/// The stable codes a parser puts in <see cref="ParseWarning.Code"/>. Callers count and filter by them,
/// so they never change once published; add new ones instead.
/// </summary>
public static class WarningCodes
{
    public const string NoContent = "no-content";
    public const string ParseError = "parse-error";
    public const string MissingDate = "missing-date";
    public const string YearFolderMismatch = "year-folder-mismatch";
    public const string MissingTitle = "missing-title";
    public const string MissingUrl = "missing-url";
    public const string MissingAuthors = "missing-authors";
    public const string UnclosedAuthorList = "unclosed-author-list";
    public const string SeveralPapers = "several-papers";
    public const string UnquotedAbstractLine = "unquoted-abstract-line";
    public const string MalformedQuoteMarker = "malformed-quote-marker";
    public const string UnclosedEnglishBlock = "unclosed-english-block";
    public const string MisspelledEnglishTag = "misspelled-english-tag";
    public const string EnglishBlockClosedWithOpenTag = "english-block-closed-with-open-tag";
    public const string StrayEnglishClose = "stray-english-close";
    public const string StrayCharactersAfterTags = "stray-characters-after-tags";
    public const string TagsInTextParagraph = "tags-in-text-paragraph";
    public const string MissingTags = "missing-tags";
    /// <summary>A title, tag, author, link or text longer than <see cref="PaperLimits"/> allows: indexed cut to the limit.</summary>
    public const string ValueTooLong = "value-too-long";
}
