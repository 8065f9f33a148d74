namespace SearchService.Core.Analysis;

/// <summary>
/// A query cut by script, filler removed. Each Hangul part is a run of Korean words uninterrupted by Latin
/// text, to search the Korean commentary; each Latin part is a run of Latin words and numbers, to search the
/// English fields (and the Korean commentary, which quotes English terms).
/// </summary>
public sealed record QueryParts(IReadOnlyList<string> Hangul, IReadOnlyList<string> Latin)
{
    /// <summary>The Hangul parts joined by spaces.</summary>
    public string HangulText => string.Join(' ', Hangul);

    /// <summary>The Latin parts joined by spaces.</summary>
    public string LatinText => string.Join(' ', Latin);
}
