using System.CommandLine;
using SearchService.Cli.Backends;
using SearchService.Cli.Output;
using SearchService.Client;
using Spectre.Console;

namespace SearchService.Cli;

/// <summary>
/// The command tree. Read commands ask a running service (<c>--url</c>, default http://127.0.0.1:5000 or
/// $SEARCHSERVICE_URL) or open an index folder directly (<c>--data</c>); <c>ingest</c> builds such a folder;
/// <c>serve</c> runs the HTTP service. Results go to stdout, errors to stderr as one line, with exit codes
/// 0 (done), 1 (failed) and 2 (the command line was wrong).
/// </summary>
/// <param name="httpFor">Makes the connection to a service; tests hand in an in-memory one.</param>
public sealed class CliApp(IAnsiConsole console, TextWriter error, Func<Uri, HttpClient>? httpFor = null)
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    private readonly Option<string?> url = new("--url") { Description = $"A running service (default: $SEARCHSERVICE_URL or {DefaultUrl})" };
    private readonly Option<string?> data = new("--data") { Description = "An index folder to read directly instead of a service (not while a service runs on it)" };
    private readonly Option<string?> key = new("--key") { Description = "API key, when the service protects reads (default: $SEARCHSERVICE_KEY)" };
    private readonly Option<bool> json = new("--json") { Description = "Print JSON instead of a table" };

    public async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        var root = new RootCommand("Search bilingual (Korean/English) ML paper notes: run the service, index folders, search from the shell.")
        {
            Serve(), Ingest(), Search(), Related(), Status(), Warnings(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync($"error: {problem.Message}");
            var command = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
            await error.WriteLineAsync($"Run 'searchservice {command}--help' for usage.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error }, ct);
    }

    private Command Serve()
    {
        var command = new Command("serve", "Run the HTTP service (the same as `dotnet run --project src/SearchService.Api`). " +
            "Its options pass through: --urls http://127.0.0.1:5000, --corpus DIR (repeatable), --data DIR, --Api:Key=KEY.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parse => ServeCommand.Run([.. parse.UnmatchedTokens]));
        return command;
    }

    private Command Ingest()
    {
        var folders = new Argument<string[]>("folder") { Description = "Folders of vault notes (.md) and digests (.txt), read recursively", Arity = ArgumentArity.OneOrMore };
        var dataFolder = new Option<string>("--data") { Description = "The index folder to build or update (a service started with --data DIR uses it)", Required = true };
        var noEmbed = new Option<bool>("--no-embed") { Description = "Index keywords only; the service computes vectors when it starts" };
        var command = new Command("ingest", "Index folders into an index folder, with progress and a summary of parse warnings") { folders, dataFolder, noEmbed };
        command.SetAction((parse, ct) => Guard(() => IngestCommand.RunAsync(console, parse.GetValue(folders)!, parse.GetValue(dataFolder)!, !parse.GetValue(noEmbed), ct)));
        return command;
    }

    private Command Search()
    {
        var query = new Argument<string?>("query") { Description = "Words in Korean, English or both; \"phrases\", -exclusions, title:/author:/tag: prefixes", Arity = ArgumentArity.ZeroOrOne };
        var author = new Option<string[]>("--author", "-a") { Description = "Only papers by this author (repeatable)" };
        var tag = new Option<string[]>("--tag", "-t") { Description = "Only papers with this tag, any spelling (repeatable)" };
        var from = new Option<string?>("--from") { Description = "Earliest date: yyyy, yyyy-MM or yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Latest date: yyyy, yyyy-MM or yyyy-MM-dd" };
        var mode = new Option<string?>("--mode", "-m") { Description = "keyword, semantic or hybrid (default: hybrid once embeddings exist)" };
        mode.AcceptOnlyFromAmong("keyword", "semantic", "hybrid");
        var sort = new Option<string?>("--sort") { Description = "relevance (default) or date" };
        sort.AcceptOnlyFromAmong("relevance", "date");
        var limit = new Option<int>("--limit", "-n") { Description = "Results to show, 1-100", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Results to skip", DefaultValueFactory = _ => 0 };
        var command = new Command("search", "Search papers and print a table") { query, author, tag, from, to, mode, sort, limit, offset, url, data, key, json };
        command.SetAction((parse, ct) => WithBackend(parse, async backend =>
        {
            var results = await backend.SearchAsync(new SearchQuery
            {
                Q = parse.GetValue(query), Authors = parse.GetValue(author) ?? [], Tags = parse.GetValue(tag) ?? [],
                From = parse.GetValue(from), To = parse.GetValue(to), Mode = parse.GetValue(mode), Sort = parse.GetValue(sort),
                Limit = parse.GetValue(limit), Offset = parse.GetValue(offset),
            }, ct);
            if (parse.GetValue(json)) Render.AsJson(console, results);
            else
            {
                Render.Search(console, results);
                foreach (var warning in results.Warnings ?? []) await error.WriteLineAsync($"warning: {warning}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Related()
    {
        var paper = new Argument<string>("paper") { Description = "Paper id, arXiv id or note name (file name without extension)" };
        var limit = new Option<int>("--limit", "-n") { Description = "Results to show, 1-100", DefaultValueFactory = _ => 10 };
        var command = new Command("related", "Papers related to a paper, with the reasons") { paper, limit, url, data, key, json };
        command.SetAction((parse, ct) => WithBackend(parse, async backend =>
        {
            var id = parse.GetValue(paper)!;
            var related = await backend.RelatedAsync(id, parse.GetValue(limit), ct)
                ?? throw new CliError($"no paper has the id, arXiv id or note name '{id}'");
            if (parse.GetValue(json)) Render.AsJson(console, related);
            else if (related.Results.Count == 0) console.MarkupLine("[yellow]No related papers.[/]");
            else Render.Hits(console, related.Results, 0, reasons: true);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Status()
    {
        var command = new Command("status", "Papers, files and warnings indexed, and keyword and embedding progress") { url, data, key, json };
        command.SetAction((parse, ct) => WithBackend(parse, async backend =>
        {
            var health = await backend.StatusAsync(ct);
            if (parse.GetValue(json)) Render.AsJson(console, health);
            else Render.Status(console, health);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Warnings()
    {
        var code = new Option<string?>("--code", "-c") { Description = "Only warnings with this code, e.g. missing-authors" };
        var limit = new Option<int>("--limit", "-n") { Description = "Files to show, 1-1000", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Files to skip", DefaultValueFactory = _ => 0 };
        var command = new Command("warnings", "Parse warnings by file, with their codes, so the notes can be fixed") { code, limit, offset, url, data, key, json };
        command.SetAction((parse, ct) => WithBackend(parse, async backend =>
        {
            var (max, skip) = (parse.GetValue(limit), parse.GetValue(offset));
            if (max is < 1 or > 1000 || skip < 0) throw new CliError("--limit must be from 1 to 1000 and --offset at least 0.", ExitCodes.Usage);
            var report = await backend.WarningsAsync(parse.GetValue(code), max, skip, ct);
            if (parse.GetValue(json)) Render.AsJson(console, report);
            else Render.Warnings(console, report);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Task<int> WithBackend(ParseResult parse, Func<IBackend, Task<int>> run) => Guard(async () =>
    {
        await using var backend = Backend(parse);
        return await run(backend);
    });

    private IBackend Backend(ParseResult parse)
    {
        var (address, folder) = (parse.GetValue(url), parse.GetValue(data));
        if (address is not null && folder is not null) throw new CliError("give --url or --data, not both.", ExitCodes.Usage);
        if (folder is not null) return new LocalBackend(LocalIndex.Open(folder, create: false));
        address ??= Environment.GetEnvironmentVariable("SEARCHSERVICE_URL") ?? DefaultUrl;
        if (!Uri.TryCreate(address.EndsWith('/') ? address : address + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliError($"--url must be an http:// or https:// address, not '{address}'.", ExitCodes.Usage);
        var http = httpFor?.Invoke(uri) ?? new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        http.BaseAddress = uri;
        return new RemoteBackend(http, parse.GetValue(key) ?? Environment.GetEnvironmentVariable("SEARCHSERVICE_KEY"));
    }

    /// <summary>Runs a command and turns its failure into a message on stderr and an exit code: no stack traces for a shell user.</summary>
    private async Task<int> Guard(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (CliError e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
