namespace SearchService.Core.Notes;

/// <summary>The file being parsed and the warnings gathered so far; warnings carry the path for the caller's report.</summary>
internal sealed class ParseContext(string path)
{
    public string Path { get; } = path;

    public List<ParseWarning> Warnings { get; } = [];

    /// <param name="line">1-based line number, when the oddity sits on one line.</param>
    public void Warn(string code, string message, int? line = null) =>
        Warnings.Add(new ParseWarning(code, message, Path, line));

    /// <summary>Warns once per file for oddities that repeat on many lines.</summary>
    public void WarnOnce(string code, string message, int? line = null)
    {
        if (!Warnings.Exists(w => w.Code == code)) Warn(code, message, line);
    }
}

/// <summary>One line of a note with its 1-based number, so warnings can point at it.</summary>
internal readonly record struct NumberedLine(string Text, int Number)
{
    public string Trimmed => Text.Trim();

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public static NumberedLine[] Split(string text) =>
        text.Split('\n').Select((line, index) => new NumberedLine(line.TrimEnd('\r'), index + 1)).ToArray();
}
