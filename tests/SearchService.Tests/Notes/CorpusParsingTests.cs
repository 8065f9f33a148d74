using System.Text.RegularExpressions;
using SearchService.Core.Notes;
using Xunit.Abstractions;

namespace SearchService.Tests.Notes;

/// <summary>Every real note in ../shared/corpus must parse, and the parsers must find what is plainly there.</summary>
public sealed partial class CorpusParsingTests(ITestOutputHelper output)
{
    private const double MinAuthorShare = 0.95;

    [SkippableFact]
    public void EveryCorpusNoteParsesWithoutErrorsAndYieldsAuthorsAndTags()
    {
        var corpus = SharedData.Corpus;
        Skip.If(corpus is null, SharedData.MissingMessage("the whole-corpus test"));

        var files = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var warnings = new List<ParseWarning>();
        var papers = 0;
        var withTitleLine = 0;
        var withTitleLineAndAuthors = 0;
        var withTagLine = 0;
        var withTags = 0;
        var missingTags = new List<string>();
        var missingAuthors = new List<string>();
        var allPapers = new List<Paper>();

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(corpus, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            var result = NoteParser.Parse(text, relative);
            warnings.AddRange(result.Warnings);
            papers += result.Papers.Count;
            allPapers.AddRange(result.Papers);
            var paper = result.Papers.FirstOrDefault();

            if (HasTitleLine(text))
            {
                withTitleLine++;
                if (paper?.Authors.Count > 0) withTitleLineAndAuthors++;
                else missingAuthors.Add(relative);
            }
            if (TagLine().IsMatch(text))
            {
                withTagLine++;
                if (paper?.Tags.Count > 0) withTags++;
                else missingTags.Add(relative);
            }
        }

        var authorShare = (double)withTitleLineAndAuthors / Math.Max(1, withTitleLine);
        output.WriteLine($"files {files.Count}, papers {papers}");
        output.WriteLine($"authors: {withTitleLineAndAuthors}/{withTitleLine} notes with a title line ({authorShare:P1})");
        output.WriteLine($"tags: {withTags}/{withTagLine} notes with a tag line");
        output.WriteLine($"all papers: {Share(allPapers, p => p.Authors.Count > 0)} with authors, {Share(allPapers, p => p.Tags.Count > 0)} with tags, "
            + $"{Share(allPapers, p => p.Abstract.Length > 0)} with an abstract, {Share(allPapers, p => p.EnglishCommentary.Length > 0)} with English commentary");
        var sharedIds = allPapers.GroupBy(p => p.Id).Where(g => g.Count() > 1).ToList();
        output.WriteLine($"ids shared by several notes: {sharedIds.Count} ids, {sharedIds.Sum(g => g.Count())} notes; "
            + $"{allPapers.Count - sharedIds.Sum(g => g.Count() - 1)} papers after merging");
        foreach (var group in warnings.GroupBy(w => w.Code).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"warning {group.Key}: {group.Count()}");
        }
        foreach (var path in missingAuthors.Take(20)) output.WriteLine($"no authors: {path}");

        Assert.DoesNotContain(warnings, w => w.Code == WarningCodes.ParseError);
        Assert.True(authorShare >= MinAuthorShare, $"authors found for {authorShare:P1} of notes with a title line");
        Assert.True(missingTags.Count == 0, "no tags found in: " + string.Join(", ", missingTags.Take(20)));
    }

    private static string Share(List<Paper> papers, Func<Paper, bool> predicate) =>
        $"{(double)papers.Count(predicate) / Math.Max(1, papers.Count):P1}";

    /// <summary>
    /// Defined apart from the parser: an italic title followed by a group, or a line ending in a
    /// parenthesised list of at least three comma-separated names, within the first lines.
    /// </summary>
    private static bool HasTitleLine(string text) =>
        text.Split('\n').Take(6).Any(line => ItalicTitleLine().IsMatch(line) || PlainTitleLine().IsMatch(line));

    [GeneratedRegex(@"^\*[^*\s][^*]*\*\s*\(")]
    private static partial Regex ItalicTitleLine();

    [GeneratedRegex(@"^[A-Za-z][^>#가-힣()]*\((?:[A-Z][^(),가-힣]*,\s*){2,}[A-Z][^(),가-힣]*\)\s*$")]
    private static partial Regex PlainTitleLine();

    [GeneratedRegex(@"^#[A-Za-z0-9가-힣][^\s#]*(\s+#\S+)*\s*$", RegexOptions.Multiline)]
    private static partial Regex TagLine();
}
