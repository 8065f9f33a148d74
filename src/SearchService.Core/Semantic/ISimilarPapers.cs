namespace SearchService.Core.Semantic;

/// <summary>Nearest papers by meaning (embeddings); optional, so related papers work before or without vectors.</summary>
public interface ISimilarPapers
{
    /// <summary>Papers nearest to the paper <paramref name="id"/>, best first, with cosine scores; empty when it has no vector yet.</summary>
    IReadOnlyList<(string Id, float Score)> NearPaper(string id, int k);

    /// <summary>Papers nearest to <paramref name="text"/>; empty when embeddings are unavailable.</summary>
    IReadOnlyList<(string Id, float Score)> NearText(string text, int k);
}
