namespace SearchService.Core.Store;

/// <summary>
/// Keeps the index in few segments, off the request path. Each word of a query is looked up in every segment
/// (a term-dictionary seek and a cloned file handle under a lock), so an index left in the seven or more segments
/// an ingest writes spends most of a keyword search finding terms. Once writes have paused for <see cref="Debounce"/>,
/// the index is merged: into one segment while it is small, into a few above <see cref="FullMergeUpTo"/> papers,
/// where a full rewrite per edit would cost minutes, so an edit then rewrites only the small segments.
/// </summary>
public sealed class SegmentCompactor : IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Up to this many papers a full merge takes seconds (the real corpus's 3,811 papers, left in 7 segments, are in one about 6 s after start-up, the 2 s pause included); above
    /// it merges keep <see cref="LargeIndexSegments"/>, since every burst of edits would otherwise rewrite the whole index.
    /// </summary>
    public const int FullMergeUpTo = 50_000;
    public const int LargeIndexSegments = 4;

    private readonly PaperStore store;
    private readonly Action<Exception>? onError;
    private readonly Lock merging = new();
    private int scheduled;
    private long lastChange;

    public SegmentCompactor(PaperStore store, Action<Exception>? onError = null)
    {
        this.store = store;
        this.onError = onError;
        store.PapersChanged += OnPapersChanged;
    }

    /// <summary>
    /// Merges now if the index has more segments than its size calls for, or segments of an older codec (which the
    /// merge rewrites); returns whether it merged.
    /// </summary>
    public bool CompactNow()
    {
        lock (merging)
        {
            var target = store.PaperCount <= FullMergeUpTo ? 1 : LargeIndexSegments;
            if (store.Index.SegmentCount <= target && !store.Index.HasSegmentsOfAnotherCodec) return false;
            store.Index.MergeSegments(target);
            store.Commit();
            return true;
        }
    }

    private void OnPapersChanged(IReadOnlyCollection<string> ids) => Schedule();

    /// <summary>Merges on a background task once writes have paused (at start-up: an index left in many segments by an earlier run).</summary>
    public void Schedule()
    {
        Interlocked.Exchange(ref lastChange, Environment.TickCount64);
        if (Interlocked.Exchange(ref scheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            while (Environment.TickCount64 - Interlocked.Read(ref lastChange) < Debounce.TotalMilliseconds)
                await Task.Delay(Debounce);
            Volatile.Write(ref scheduled, 0);
            try { CompactNow(); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failed merge leaves the segments as they were: searches stay right, only slower.
                onError?.Invoke(e);
            }
        });
    }

    public void Dispose() => store.PapersChanged -= OnPapersChanged;
}
