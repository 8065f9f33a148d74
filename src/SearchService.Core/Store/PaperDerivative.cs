using SearchService.Core.Notes;

namespace SearchService.Core.Store;

/// <summary>
/// Something computed from all the papers (the related-paper graph, the tag and author lists), rebuilt off
/// the request path: the first build starts at once, and after papers change a new one is built on a
/// background task once writes have paused for <see cref="Debounce"/>, then swapped in atomically. A request
/// reads <see cref="Current"/> and never builds; only before the very first build has finished does it wait for it.
/// </summary>
public sealed class PaperDerivative<T> : IDisposable where T : class
{
    /// <summary>How long after the last change a rebuild starts, so an ingest of many files builds once, not per file.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// While writes go on without a pause (a long ingest), a rebuild still happens this often, or after five times
    /// the last build's duration if that is longer, so that rebuilding never takes much of the ingest's CPU.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private long lastBuildMs;

    private readonly PaperStore store;
    private readonly Func<IEnumerable<Paper>, T> build;
    private readonly Lock building = new();
    private readonly Task first;
    private volatile Built? current;
    private int scheduled;
    private long lastChange;

    public PaperDerivative(PaperStore store, Func<IEnumerable<Paper>, T> build)
    {
        this.store = store;
        this.build = build;
        store.PapersChanged += OnPapersChanged;
        first = DedicatedThread.Run(Rebuild);
    }

    /// <summary>The latest build (possibly a little behind the papers while a rebuild is pending).</summary>
    public T Current
    {
        get
        {
            if (current is { } built) return built.Value;
            first.GetAwaiter().GetResult();
            return current!.Value;
        }
    }

    /// <summary>The version of the papers <see cref="Current"/> was built from (<see cref="PaperStore.Version"/>).</summary>
    public long Version => current?.Version ?? -1;

    /// <summary>Completes once a build of the papers as they are now has been swapped in (tests and benchmarks wait on it).</summary>
    public async Task WhenCurrentAsync(CancellationToken ct = default)
    {
        var wanted = store.Version;
        await first.WaitAsync(ct);
        // A write that changed no paper moves the version without an event: schedule a build for it too.
        if (current!.Version < wanted) OnPapersChanged([]);
        while (current!.Version < wanted) await Task.Delay(10, ct);
    }

    private void OnPapersChanged(IReadOnlyCollection<string> ids)
    {
        Interlocked.Exchange(ref lastChange, Environment.TickCount64);
        if (Interlocked.Exchange(ref scheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            // Wait until writes have paused for the debounce, so a burst of changes costs one build.
            var since = Environment.TickCount64;
            var longest = Math.Max(MaxDelay.TotalMilliseconds, 5 * Interlocked.Read(ref lastBuildMs));
            while (Environment.TickCount64 - Interlocked.Read(ref lastChange) < Debounce.TotalMilliseconds
                   && Environment.TickCount64 - since < longest)
                await Task.Delay(Debounce);
            Volatile.Write(ref scheduled, 0);
            await DedicatedThread.Run(Rebuild);
        });
    }

    private void Rebuild()
    {
        lock (building)
        {
            // Read the version first: a change landing during the build raises the event again and schedules another.
            var version = store.Version;
            if (current is { } built && built.Version >= version) return;
            var started = Environment.TickCount64;
            current = new Built(version, build(store.Papers()));
            Interlocked.Exchange(ref lastBuildMs, Environment.TickCount64 - started);
        }
    }

    public void Dispose() => store.PapersChanged -= OnPapersChanged;

    private sealed record Built(long Version, T Value);
}
