namespace SearchService.Core.Indexing;

/// <summary>
/// The names of every Lucene field, in one place, so that the document mapping, the analyzers and the
/// query builder cannot drift apart.
/// </summary>
public static class PaperFields
{
    /// <summary>"paper" for a searchable paper, "file" for the record of one ingested file.</summary>
    public const string Kind = "kind";
    public const string Id = "id";
    public const string Title = "title";
    public const string Abstract = "abstract";
    public const string English = "en";
    public const string Korean = "ko";
    /// <summary>Title, abstract and both commentaries in one field, analyzed for both scripts: one length norm for the whole note.</summary>
    public const string AllText = "all";
    public const string Authors = "authors";
    /// <summary>Normalized tags, indexed verbatim (<see cref="Notes.TagNormalizer"/>).</summary>
    public const string Tag = "tag";
    /// <summary>The date as yyyyMMdd, for range filters and sorting.</summary>
    public const string Date = "date";
    /// <summary>The whole <see cref="Notes.Paper"/> as JSON: what a hit returns.</summary>
    public const string Record = "record";

    public const string FacetTag = "facet_tag";
    public const string FacetYear = "facet_year";
    public const string FacetAuthor = "facet_author";

    // Fields of the per-file documents that make ingestion restartable and crash-safe.
    public const string FileKey = "file_key";
    public const string FileHash = "file_hash";
    public const string FilePapers = "file_papers";
    public const string FileWarnings = "file_warnings";
    /// <summary>The file's <see cref="FileIdentity"/> as JSON in a binary doc values column, read at start instead of the records.</summary>
    public const string FileIdentity = "file_identity";

    public const string PaperKind = "paper";
    public const string FileKind = "file";
}
