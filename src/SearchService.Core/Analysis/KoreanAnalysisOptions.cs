namespace SearchService.Core.Analysis;

/// <summary>
/// Switches for each step of <see cref="KoreanAnalyzer"/>, so an ablation can measure what each step is worth.
/// </summary>
/// <param name="Stemming">Strip trailing particles and verb endings from Hangul words (모델이 → 모델).</param>
/// <param name="Bigrams">Also emit overlapping Hangul bigrams of words of three or more syllables, so a glued
/// compound (강화학습) meets its spaced form (강화 학습).</param>
/// <param name="LatinSplit">Split tokens where Hangul meets Latin or digits (Transformer를 → transformer, 를).</param>
public sealed record KoreanAnalysisOptions(bool Stemming = true, bool Bigrams = true, bool LatinSplit = true)
{
    /// <summary>Every step on: what the index and the query use.</summary>
    public static KoreanAnalysisOptions Default { get; } = new();
}
