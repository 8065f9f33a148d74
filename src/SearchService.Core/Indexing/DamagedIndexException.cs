namespace SearchService.Core.Indexing;

/// <summary>The index folder holds a truncated, emptied or corrupted index that cannot be opened.</summary>
public sealed class DamagedIndexException(string folder, Exception inner)
    : Exception($"The index in {folder} is damaged ({inner.GetType().Name}: {FirstLine(inner.Message)}). " +
        "Start with --Index:RebuildOnCorruption=true to move it aside and rebuild it from the corpus (API writes are restored from its api-records folder), or restore a backup.", inner)
{
    public string Folder { get; } = folder;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
