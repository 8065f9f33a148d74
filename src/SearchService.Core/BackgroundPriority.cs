using System.Runtime.InteropServices;

namespace SearchService.Core;

/// <summary>
/// Lowers the calling thread's CPU priority for upkeep (a rescan of the corpus) that must not slow the searches
/// beside it. A rescan of a million files takes seconds of a core; at normal priority it halves the cores a search
/// runs on while it lasts, so searches that land in it take about twice as long.
/// </summary>
public static class BackgroundPriority
{
    // Ten nice steps below the caller (nice 10 under a normal process): the scheduler gives such a thread about a
    // tenth of the share of a normal one when both want the core, and all of an idle core. Not the lowest (19): a
    // thread that holds a lock a request waits for must still run soon.
    private const int NiceSteps = 10;
    private const int Lowest = 19;

    /// <summary>Lowers the calling thread's priority, where the operating system lets it (nothing changes where not).</summary>
    public static void LowerCurrentThread()
    {
        // Thread.Priority does nothing on Linux (dotnet/runtime#91165); the nice value there is per thread.
        if (OperatingSystem.IsLinux())
        {
            var thread = gettid();
            setpriority(PrioProcess, thread, Math.Min(Lowest, getpriority(PrioProcess, thread) + NiceSteps));
            return;
        }
        try { Thread.CurrentThread.Priority = ThreadPriority.BelowNormal; }
        catch (Exception e) when (e is PlatformNotSupportedException or ThreadStateException) { }
    }

    // With PRIO_PROCESS and a thread id, Linux reads and sets that one thread's nice value (setpriority(2), "BUGS").
    private const int PrioProcess = 0;

    [DllImport("libc")]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int gettid();
}
