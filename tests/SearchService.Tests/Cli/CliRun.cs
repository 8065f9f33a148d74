using SearchService.Cli;
using Spectre.Console;

namespace SearchService.Tests.Cli;

/// <summary>Runs the CLI in this process and captures what it printed to stdout and stderr.</summary>
public static class CliRun
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(Func<Uri, HttpClient>? http, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        var code = await new CliApp(console, error, http).RunAsync(args);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);
}
