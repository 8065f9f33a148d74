namespace SearchService.Cli;

/// <summary>A failure to report in one line on stderr, with the exit code a shell user expects.</summary>
public sealed class CliError(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>0 success, 1 the command failed (service unreachable, paper not found, index locked), 2 the command line was wrong.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
}
