namespace SearchService.Api.Hosting;

/// <summary>
/// "Something changed" for a background worker: any number of signals while it works collapse into one
/// more pass, and a wait ends at the first signal after a short quiet period, so a burst costs one pass.
/// Not disposable on purpose: signals may still arrive from other threads while the host shuts down, and
/// a semaphore whose wait handle is never used holds nothing to release.
/// </summary>
public sealed class ChangeSignal(TimeSpan debounce)
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Set()
    {
        if (pending.CurrentCount > 0) return;
        try { pending.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Waits for a signal (or <paramref name="timeout"/>), then for the burst to settle.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await pending.WaitAsync(timeout, ct);
        await Task.Delay(debounce, ct);
    }
}
