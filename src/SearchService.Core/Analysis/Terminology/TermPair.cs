namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// One Korean term and one English term with the same meaning, as written in a terminology file.
/// <paramref name="Weight"/> scales the expansion's boost: 1 for a written entry, the translation
/// probability for a learned one (<see cref="TranslationLexicon"/>).
/// </summary>
public sealed record TermPair(string Korean, string English, float Weight = 1f);
