namespace SearchService.Core.Store;

/// <summary>
/// The index could not be saved: the disk is full, the data folder is gone or not writable. The write that
/// hit it was undone; reads go on from what is committed.
/// </summary>
public sealed class StorageException(string message, bool diskFull, Exception inner) : Exception(message, inner)
{
    /// <summary>True when the disk (or quota) is full: freeing space fixes it. Otherwise the folder is missing or not writable.</summary>
    public bool DiskFull { get; } = diskFull;

    /// <summary>ENOSPC on Linux, ERROR_DISK_FULL/ERROR_HANDLE_DISK_FULL on Windows; .NET puts the OS code in the low bits of HResult.</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException io && ((io.HResult & 0xFFFF) is 28 or 39 or 112 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase));

    public static StorageException From(string folder, Exception e)
    {
        var full = IsDiskFull(e) || e.InnerException is { } inner && IsDiskFull(inner);
        var why = full ? "the disk is full" : $"{e.GetType().Name}: {e.Message}";
        return new StorageException($"The index in {folder} could not be saved: {why}.", full, e);
    }
}
