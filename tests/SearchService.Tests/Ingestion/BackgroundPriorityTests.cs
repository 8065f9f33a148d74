using SearchService.Core;

namespace SearchService.Tests.Ingestion;

/// <summary>Upkeep runs behind requests: its thread's priority is lowered, and only its thread's.</summary>
public sealed class BackgroundPriorityTests
{
    [Fact]
    public async Task WorkBehindRequestsRunsAtLowerPriorityAndLeavesTheCallerAlone()
    {
        if (!OperatingSystem.IsLinux()) return; // the nice value read below is Linux's; elsewhere Thread.Priority is asked
        var caller = CurrentThreadId();
        var before = NiceOf(caller);
        var during = 0;

        await DedicatedThread.RunBehindRequests(() => during = NiceOf(CurrentThreadId()));

        Assert.Equal(Math.Min(19, before + 10), during);
        Assert.Equal(before, NiceOf(caller));
    }

    /// <summary>The calling thread's id: /proc/thread-self links to /proc/PID/task/TID.</summary>
    private static string CurrentThreadId() => Path.GetFileName(new DirectoryInfo("/proc/thread-self").LinkTarget)!;

    /// <summary>A thread's nice value: field 19 of its stat line (counted after the command's closing parenthesis).</summary>
    private static int NiceOf(string threadId)
    {
        var stat = File.ReadAllText($"/proc/self/task/{threadId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3]);
    }
}
