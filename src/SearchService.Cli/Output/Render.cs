using System.Text.Encodings.Web;
using System.Text.Json;
using SearchService.Client;
using Spectre.Console;

namespace SearchService.Cli.Output;

/// <summary>How each command prints: tables for people, <c>--json</c> for scripts (written unwrapped, straight to stdout).</summary>
public static class Render
{
    /// <summary>Korean text printed as itself, not as \uXXXX escapes, so <c>--json</c> stays readable.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void AsJson<T>(IAnsiConsole console, T value)
    {
        // Past Spectre's renderer, which would wrap long lines at the terminal's width and break the JSON.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, Json));
        writer.Flush();
    }

    public static void Hits(IAnsiConsole console, IReadOnlyList<PaperHit> hits, int offset, bool reasons)
    {
        // Title, id and tags (or reasons) share one column, so titles stay readable in an 80-column terminal;
        // the score only shows where there is room for it.
        var wide = console.Profile.Width >= 120;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn(new TableColumn("Paper"));
        table.AddColumn(new TableColumn("Authors").Width(22));
        table.AddColumn(new TableColumn("Date").NoWrap());
        if (wide) table.AddColumn(new TableColumn("Score").RightAligned().NoWrap());
        var n = offset;
        foreach (var hit in hits)
        {
            var extra = reasons ? string.Join(", ", hit.Reasons ?? []) : string.Join(" ", hit.Tags.Select(t => "#" + t));
            var cells = new List<Markup>
            {
                new($"{++n}"),
                new($"[bold]{Markup.Escape(hit.Title)}[/]\n[grey]{Markup.Escape(hit.Id)}[/]  [blue]{Markup.Escape(extra)}[/]"),
                new(Markup.Escape(Authors(hit.Authors))),
                new(hit.Date?.ToString("yyyy-MM-dd") ?? ""),
            };
            if (wide) cells.Add(new Markup(hit.Score.ToString("0.###")));
            table.AddRow(cells);
        }
        console.Write(table);
    }

    public static void Search(IAnsiConsole console, SearchResults results)
    {
        if (results.Results.Count == 0)
        {
            console.MarkupLine("[yellow]No papers match.[/]");
            return;
        }
        Hits(console, results.Results, results.Offset, reasons: false);
        var shown = $"{results.Offset + 1}-{results.Offset + results.Results.Count}";
        console.MarkupLine($"[grey]{shown} of {results.Total} ({Markup.Escape(results.Mode ?? "keyword")})[/]");
    }

    public static void Status(IAnsiConsole console, HealthReport health)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("keyword index", $"{health.Status} ({health.FilesSeen} of {health.FilesTotal} files read)");
        grid.AddRow("papers", health.Documents.ToString());
        grid.AddRow("files", health.Files.ToString());
        grid.AddRow("parse warnings", health.Warnings.ToString());
        grid.AddRow("vectors", health.EmbeddingTotal > 0 ? $"{health.Semantic} ({health.Embedded} of {health.EmbeddingTotal} papers)" : health.Semantic);
        if (health.LastIngest is { } last) grid.AddRow("last ingest", $"{last.ToLocalTime():yyyy-MM-dd HH:mm:ss} ({health.LastIngestSeconds:0.#} s)");
        console.Write(grid);
    }

    public static void Warnings(IAnsiConsole console, WarningReport report)
    {
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("Code").AddColumn(new TableColumn("Count").RightAligned());
        foreach (var code in report.Codes) counts.AddRow(Markup.Escape(code.Code), code.Count.ToString());
        console.Write(counts);
        if (report.Files.Count == 0)
        {
            console.MarkupLine("[green]No warnings.[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand().AddColumn("File").AddColumn(new TableColumn("Line").RightAligned()).AddColumn("Code").AddColumn("Message");
        foreach (var file in report.Files)
            foreach (var warning in file.Warnings)
                table.AddRow(Markup.Escape(file.Path), warning.Line?.ToString() ?? "", Markup.Escape(warning.Code), Markup.Escape(warning.Message));
        console.Write(table);
        console.MarkupLine($"[grey]files {report.Offset + 1}-{report.Offset + report.Files.Count} of {report.TotalFiles}, {report.Total} warnings[/]");
    }

    /// <summary>"A, B, C" for three or fewer, else "A, B et al. (26)": long author lists would take a screen each.</summary>
    public static string Authors(IReadOnlyList<string> authors) =>
        authors.Count <= 3 ? string.Join(", ", authors) : $"{authors[0]}, {authors[1]} et al. ({authors.Count})";
}
