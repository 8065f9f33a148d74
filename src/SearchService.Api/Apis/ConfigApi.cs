using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Hosting;

namespace SearchService.Api.Apis;

/// <summary>What the search page needs to know about this installation.</summary>
/// <param name="ObsidianVault">The Obsidian vault the notes live in, or null when notes are linked by file path.</param>
public sealed record PageConfig(string? ObsidianVault);

/// <summary><c>GET /config</c>: settings the search page reads at start.</summary>
public static class ConfigApi
{
    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/config", Config)
            .WithName("GetConfig")
            .WithSummary("Settings the search page uses: the Obsidian vault to open notes in, if any")
            .WithDescription("Read once by the page at `/` when it loads. `obsidianVault` is the `Notes:ObsidianVault` setting: when present, "
                + "the page links each paper to `obsidian://open?vault=…&file=<note name>`; when absent, it shows the note's file path instead.")
            .WithTags("Config")
            .RequireApiKeyWhenReadsAreProtected();
        return app;
    }

    public static Ok<PageConfig> Config(IOptions<NotesOptions> notes) =>
        TypedResults.Ok(new PageConfig(string.IsNullOrWhiteSpace(notes.Value.ObsidianVault) ? null : notes.Value.ObsidianVault.Trim()));
}
