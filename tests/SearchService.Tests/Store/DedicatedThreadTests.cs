using SearchService.Core;

namespace SearchService.Tests.Store;

public sealed class DedicatedThreadTests
{
    [Fact]
    public async Task LongWorkRunsOutsideTheThreadPoolSoRequestsDoNotWaitForItToGrow()
    {
        var onPool = true;
        await DedicatedThread.Run(() => onPool = Thread.CurrentThread.IsThreadPoolThread);
        Assert.False(onPool);

        var asyncOnPool = true;
        await DedicatedThread.Run(async () =>
        {
            asyncOnPool = Thread.CurrentThread.IsThreadPoolThread;
            await Task.Yield();
        });
        Assert.False(asyncOnPool);
    }

    [Fact]
    public async Task AFailureReachesTheAwaiter() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => DedicatedThread.Run(() => throw new InvalidOperationException()));
}
