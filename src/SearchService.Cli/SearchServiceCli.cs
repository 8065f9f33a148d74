using Spectre.Console;

namespace SearchService.Cli;

/// <summary>The <c>searchservice</c> program: a thin shell over the HTTP client and the Core library.</summary>
public static class SearchServiceCli
{
    // Not top-level statements: the CLI references the API project, whose generated Program class would clash.
    public static Task<int> Main(string[] args) => new CliApp(AnsiConsole.Console, Console.Error).RunAsync(args);
}
