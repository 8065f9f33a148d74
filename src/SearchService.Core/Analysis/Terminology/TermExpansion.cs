namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// A query term and its equivalent in the other language. <see cref="Target"/> is dictionary text, not an
/// analyzed form: the query builder analyzes it with the analyzer of each field it searches.
/// </summary>
/// <param name="Source">The words of the query that matched, as typed (트랜스포머를).</param>
/// <param name="Target">The equivalent term (transformer).</param>
/// <param name="TargetLanguage"><see cref="English"/> to search the English fields, <see cref="Korean"/> the Korean one.</param>
/// <param name="Weight">How sure the entry is (<see cref="TermPair.Weight"/>); scales the expansion's boost.</param>
public sealed record TermExpansion(string Source, string Target, string TargetLanguage, float Weight = 1f)
{
    /// <summary>Language code of English targets.</summary>
    public const string English = "en";

    /// <summary>Language code of Korean targets.</summary>
    public const string Korean = "ko";
}
