namespace SearchService.Core.Related;

/// <summary>Why a paper is listed as related; the names are what <c>reasons</c> in the API carries.</summary>
public static class RelatedReason
{
    /// <summary>A <c>[[link]]</c> between the two notes, either way.</summary>
    public const string Linked = "linked";
    /// <summary>One note gives the other's arXiv URL in its text.</summary>
    public const string Cited = "cited";
    /// <summary>One note names the other by its short name ("LoRA", "LM-Infinite").</summary>
    public const string Mentioned = "mentioned";
    public const string SimilarText = "similar-text";
    public const string SimilarMeaning = "similar-meaning";
    public const string SharedTags = "shared-tags";
    public const string SharedAuthors = "shared-authors";
}
