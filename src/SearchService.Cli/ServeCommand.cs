namespace SearchService.Cli;

/// <summary><c>serve</c>: runs the API's own entry point, so the service started here is exactly the one <c>dotnet run</c> starts.</summary>
public static class ServeCommand
{
    public static int Run(string[] args)
    {
        // The API's Program is generated from top-level statements, so it can only be reached as the assembly's entry point.
        var entry = typeof(Api.Hosting.IndexPaths).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The API assembly has no entry point.");
        return entry.Invoke(null, [args]) is int code ? code : ExitCodes.Ok;
    }
}
