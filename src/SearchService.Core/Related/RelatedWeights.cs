namespace SearchService.Core.Related;

/// <summary>
/// How much each signal adds to a related paper's score. Explicit statements in the notes (links,
/// cited URLs, names) outweigh similarity; the similarity weights were tuned on the development links.
/// </summary>
public sealed record RelatedWeights
{
    /// <summary>
    /// How many nearest papers by text and by meaning get those signals. Far neighbours' weak similarities add up
    /// to more than a shared rare tag; chosen on the dev links (25-35: Recall@10 0.857, 50-60: 0.849, 100: 0.824).
    /// </summary>
    public int Neighbours { get; init; } = 30;

    public double Linked { get; init; } = 10;
    public double Cited { get; init; } = 4;
    public double Mentioned { get; init; } = 2;
    /// <summary>Times the text-similarity score divided by the best one's.</summary>
    public double SimilarText { get; init; } = 2;
    /// <summary>Times the embedding cosine, rescaled from [floor, 1] to [0, 1].</summary>
    public double SimilarMeaning { get; init; } = 1;
    public double MeaningFloor { get; init; } = 0.3;
    /// <summary>Times the share of this paper's tag weight (rarer tags weigh more) that the other paper carries.</summary>
    public double SharedTags { get; init; } = 1;
    public double SharedAuthors { get; init; } = 0.5;
    /// <summary>A signal weaker than this share of its full strength is too faint to be named in the reasons.</summary>
    public double ReasonThreshold { get; init; } = 0.25;
}
