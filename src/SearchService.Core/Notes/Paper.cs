namespace SearchService.Core.Notes;

/// <summary>
/// One paper as read from the notes: what the parsers produce and what the index stores.
/// Every text field is empty (never null) when the source did not have it.
/// </summary>
public sealed record Paper
{
    /// <summary>The arXiv id when the note links to arXiv (e.g. "2410.19034"), else a stable slug of the title or note name.</summary>
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string Abstract { get; init; } = "";
    public string KoreanCommentary { get; init; } = "";
    public string EnglishCommentary { get; init; } = "";
    /// <summary>Tags as written (without '#'), for display. Match through <see cref="TagNormalizer"/>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateOnly? Date { get; init; }
    public string? Url { get; init; }
    /// <summary>Names of other notes this one links to (<c>[[name]]</c>, without the <c>|shown text</c> part).</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<PaperSource> Sources { get; init; } = [];
}

/// <summary>Where a paper was read: a file relative to its corpus folder, and the entry number inside a digest.</summary>
/// <param name="Path">Path relative to the corpus root, with '/' separators.</param>
/// <param name="Entry">1-based entry number inside a digest; null for a vault note.</param>
public sealed record PaperSource(string Path, int? Entry = null)
{
    /// <summary>The note name other notes link to: the file name without its extension.</summary>
    public string NoteName => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>Something odd in the input that the parser worked around. <paramref name="Code"/> is a stable name such as "missing-title".</summary>
public sealed record ParseWarning(string Code, string Message, string Path, int? Line = null);

/// <summary>What parsing one file gives: the papers it holds and what was odd about it.</summary>
public sealed record ParseResult(IReadOnlyList<Paper> Papers, IReadOnlyList<ParseWarning> Warnings);
