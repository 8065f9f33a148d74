namespace SearchService.Core.Analysis;

/// <summary>
/// Switches for each step of <see cref="KoreanAnalyzer"/>, so an ablation can measure what each step is worth.
/// </summary>
/// <param name="Stemming">Strip trailing particles and verb endings from Hangul words (모델이 → 모델).</param>
/// <param name="Bigrams">Also emit overlapping Hangul bigrams of words of three or more syllables, so a glued
/// compound (강화학습) meets its spaced form (강화 학습). Off by default: they lower MRR@10 in the <c>ablation</c>
/// benchmark (figures in benchmarks/README.md), Korean queries most, because every long word then also matches
/// its fragments, including ones across the compound boundary (화학 in 강화학습). Spaced and glued compounds of
/// the dictionary are bridged by <c>TerminologyMap</c> instead.</param>
/// <param name="LatinSplit">Split tokens where Hangul meets Latin or digits (Transformer를 → transformer, 를).</param>
public sealed record KoreanAnalysisOptions(bool Stemming = true, bool Bigrams = false, bool LatinSplit = true)
{
    /// <summary>The measured best: stemming and script split on, bigrams off. What the index and the query use.</summary>
    public static KoreanAnalysisOptions Default { get; } = new();
}
