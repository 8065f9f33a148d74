using SearchService.Core;

namespace SearchService.Tests.Ingestion;

/// <summary>Upkeep runs behind requests: its thread's priority is lowered, and only its thread's.</summary>
public sealed class BackgroundPriorityTests
{
    [Fact]
    public async Task WorkBehindRequestsRunsAtLowerPriorityAndLeavesOtherThreadsAlone()
    {
        if (!OperatingSystem.IsLinux()) return; // the nice value read below is Linux's; elsewhere Thread.Priority is asked
        var before = CurrentNice();
        var during = 0;

        await DedicatedThread.RunBehindRequests(() =>
        {
            during = CurrentNice();
            return Task.CompletedTask;
        });

        Assert.Equal(Math.Min(19, before + 10), during);
        Assert.Equal(before, CurrentNice());
        // The dedicated thread ends with its work: a plain dedicated thread runs at the caller's priority again.
        var plain = -1;
        await DedicatedThread.Run(() => plain = CurrentNice());
        Assert.Equal(before, plain);
    }

    /// <summary>The calling thread's nice value: field 19 of /proc/thread-self/stat (after the command's closing parenthesis).</summary>
    private static int CurrentNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3]);
    }
}
