namespace SearchService.Core.Indexing;

/// <summary>The index folder is in use by another running instance.</summary>
public sealed class IndexLockedException(string folder, Exception inner)
    : Exception($"The index at {folder} is locked by another running instance; stop it or choose another --data folder.", inner);
