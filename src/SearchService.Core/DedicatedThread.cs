namespace SearchService.Core;

/// <summary>
/// Runs work that blocks for seconds (an ingest pass, a walk over every paper) on a thread of its own rather than
/// the thread pool's. At start-up several such walks begin at once; on a two-core machine the pool starts with two
/// threads, so requests (even <c>/health</c>) would wait seconds for it to grow.
/// </summary>
public static class DedicatedThread
{
    public static Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Runs <paramref name="work"/> up to its first wait on its own thread; the rest continues wherever that wait resumes.</summary>
    public static Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>
    /// As <see cref="Run(Action)"/>, on a thread of lowered priority (<see cref="BackgroundPriority"/>): upkeep that
    /// takes the cores only when searches leave them free. The thread ends with the work, and its priority with it.
    /// Threads it starts inherit its priority (Linux copies a thread's nice value to the threads it creates), so give it
    /// work that starts none: no events, no tasks, nothing that could make the thread pool add a thread.
    /// </summary>
    public static Task RunBehindRequests(Action work) => Run(() =>
    {
        BackgroundPriority.LowerCurrentThread();
        work();
    });
}
