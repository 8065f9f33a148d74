namespace SearchService.Api.Hosting;

/// <summary>How the page links to the notes themselves, bound from the "Notes" configuration section.</summary>
public sealed class NotesOptions
{
    public const string Section = "Notes";

    /// <summary>
    /// Name of the Obsidian vault that holds the notes. When set, the page links each note with
    /// <c>obsidian://open?vault=…&amp;file=…</c>; unset, it shows the note's file path instead.
    /// </summary>
    public string? ObsidianVault { get; set; }
}
