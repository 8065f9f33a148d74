using SearchService.Core.Notes;

namespace SearchService.Core.Indexing;

/// <summary>
/// What the index remembers about one ingested file: its content hash (to skip unchanged files) and
/// the papers and warnings parsing gave. <paramref name="Key"/> is the absolute path, or "api:{id}"
/// for papers written through the API.
/// </summary>
public sealed record IngestedFile(string Key, string Hash, IReadOnlyList<Paper> Papers, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>The corpus file's size and modification time before it was read; null for API records and symlinks.</summary>
    public FileStamp? Stamp { get; init; }
}
