namespace SearchService.Core.Analysis.Terminology;

/// <summary>One Korean term and one English term with the same meaning, as written in a terminology file.</summary>
public sealed record TermPair(string Korean, string English);
