namespace SearchService.Benchmarks;

/// <summary>Placeholder replaced below.</summary>
public static class AblationCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
