namespace SearchService.Core.Indexing;

/// <summary>
/// A file's size and modification time when it was read: what rsync and make judge a file unchanged by. Kept
/// with each corpus file's record, so that a rescan or a restart reads only the files whose stamp moved.
/// </summary>
public readonly record struct FileStamp(long Length, long ModifiedTicks)
{
    /// <summary>
    /// The file's stamp, or null when it cannot be read now (the read that follows reports why) or is a symlink,
    /// whose own stamp does not change when its target does: a link is always read.
    /// </summary>
    public static FileStamp? Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.LinkTarget is null ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
