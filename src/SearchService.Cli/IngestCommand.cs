using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Cli.Backends;
using SearchService.Core.Ingestion;
using SearchService.Core.Semantic;
using Spectre.Console;

namespace SearchService.Cli;

/// <summary>
/// <c>ingest</c>: indexes folders into an index folder in this process, with a live progress bar for parsing
/// and then embedding, and a summary of the parse warnings by code. The folder is the one a service's
/// <c>--data</c> points at, so the service starts on it with nothing left to do.
/// </summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(IAnsiConsole console, IReadOnlyList<string> folders, string data, bool embed, CancellationToken ct)
    {
        foreach (var folder in folders.Where(f => !Directory.Exists(f)))
            throw new CliError($"no folder {Path.GetFullPath(folder)}");
        var clock = Stopwatch.StartNew();
        using var index = LocalIndex.Open(data, create: true);
        var ingestor = new CorpusIngestor(index.Store, folders, NullLogger<CorpusIngestor>.Instance);
        PaperVectors? vectors = null;
        string? embedNote = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var parse = progress.AddTask("Parse", maxValue: 1);
                // The ingestor works synchronously; off this thread, so the bar can move while it runs.
                var parsing = Task.Run(() => ingestor.RunAsync(ct), ct);
                await Follow(parsing, parse, () => (ingestor.Progress.FilesSeen, ingestor.Progress.FilesTotal));
                if (!embed) return;
                var embedding = progress.AddTask("Embed", maxValue: 1);
                vectors = await Task.Run(index.Vectors, ct);
                if (vectors is null)
                {
                    embedNote = "the embedding model did not load; semantic search will answer from keywords";
                    embedding.StopTask();
                    return;
                }
                await Follow(Task.Run(() => vectors.SyncAsync(ct), ct), embedding, () => (vectors.Progress.Done, vectors.Progress.Total));
            });
        Summary(console, index, ingestor.Progress, vectors, embed ? embedNote : "skipped (--no-embed)", clock.Elapsed);
        return ExitCodes.Ok;
    }

    private static async Task Follow(Task work, ProgressTask bar, Func<(int Done, int Total)> read)
    {
        while (!work.IsCompleted)
        {
            var (done, total) = read();
            bar.MaxValue = Math.Max(1, total);
            bar.Value = done;
            await Task.WhenAny(work, Task.Delay(100));
        }
        await work;
        bar.Value = bar.MaxValue;
        bar.StopTask();
    }

    private static void Summary(IAnsiConsole console, LocalIndex index, IngestProgress ingest, PaperVectors? vectors, string? embedNote, TimeSpan elapsed)
    {
        var store = index.Store;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("index", Markup.Escape(index.Folder));
        grid.AddRow("files", $"{ingest.FilesSeen} seen, {ingest.FilesParsed} parsed, {ingest.FilesSeen - ingest.FilesParsed} unchanged, {ingest.FilesRemoved} removed");
        grid.AddRow("papers", store.PaperCount.ToString());
        grid.AddRow("vectors", Markup.Escape(embedNote ?? $"{vectors?.ComputedLastSync ?? 0} texts embedded, {vectors?.Embedded ?? 0} papers with vectors"));
        grid.AddRow("time", $"{elapsed.TotalSeconds:0.0} s");
        console.Write(grid);

        var warnings = store.Warnings();
        if (warnings.Count == 0)
        {
            console.MarkupLine("[green]No parse warnings.[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"{warnings.Count} parse warnings in {warnings.Select(w => w.Path).Distinct().Count()} files")
            .AddColumn("Code").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Example");
        foreach (var group in warnings.GroupBy(w => w.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(), Markup.Escape(group.First().Path));
        console.Write(table);
        console.MarkupLine($"[grey]List them with: searchservice warnings --data {Markup.Escape(index.Folder)} [[--code CODE]][/]");
    }
}
