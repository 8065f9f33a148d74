namespace SearchService.Api.Hosting;

/// <summary>
/// Maps the short switches users type (<c>--corpus</c>, repeatable, and <c>--data</c>) onto configuration
/// keys. The stock command-line provider keeps only the last of a repeated switch, so each
/// <c>--corpus</c> gets its own index.
/// </summary>
public static class CommandLineSwitches
{
    public static string[] Expand(string[] args)
    {
        var expanded = new List<string>(args.Length);
        var corpusCount = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            var key = name switch
            {
                "--corpus" => $"--{IndexOptions.Section}:Corpus:{corpusCount++}",
                "--data" => $"--{IndexOptions.Section}:Data",
                _ => null,
            };
            if (key is null) { expanded.Add(args[i]); continue; }
            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a folder after it."));
            expanded.Add(key);
            expanded.Add(value);
        }
        return [.. expanded];
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
