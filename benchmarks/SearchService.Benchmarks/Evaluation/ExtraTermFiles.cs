namespace SearchService.Benchmarks.Evaluation;

/// <summary>
/// The dictionary files a benchmark adds to the built-in one, as the service's <c>Index:SynonymFiles</c> does:
/// each <c>--terms FILE</c> of the command line, so a candidate lexicon is measured without being built in.
/// </summary>
public static class ExtraTermFiles
{
    public static List<string> Of(string[] args) =>
        args.Zip(args.Skip(1)).Where(p => p.First == "--terms").Select(p => p.Second).ToList();
}
