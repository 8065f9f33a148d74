using SearchService.Core.Notes;

namespace SearchService.Core.Indexing;

/// <summary>
/// What the catalog keeps of one ingested file: no paper text, only what says which papers the file gives and
/// how they join others (ids, title slugs, note names), its hash and stamp to tell a changed file, and how many
/// warnings it has. A few hundred bytes, where the file's records are kilobytes; the records stay in the index.
/// </summary>
public sealed record FileIdentity(string Key, string Hash, IReadOnlyList<RecordIdentity> Papers, int WarningCount, FileStamp? Stamp)
{
    public static FileIdentity Of(IngestedFile file) =>
        new(file.Key, file.Hash, file.Papers.Select(RecordIdentity.Of).ToList(), file.Warnings.Count, file.Stamp);
}

/// <summary>One record of a file: its own id, the slug of its title (how a digest entry finds its arXiv paper) and its note names.</summary>
public sealed record RecordIdentity(string Id, string TitleSlug, IReadOnlyList<string> NoteNames)
{
    public static RecordIdentity Of(Paper paper) =>
        new(paper.Id, PaperId.Slug(paper.Title), paper.Sources.Select(s => s.NoteName).ToList());
}
