namespace SearchService.Core.Semantic;

/// <summary>
/// Turns texts into unit-length vectors whose dot product is their cosine similarity.
/// Optional: when <see cref="IsAvailable"/> is false, callers fall back to keyword search.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>False when the model could not be loaded; <see cref="Embed"/> then throws.</summary>
    bool IsAvailable { get; }

    /// <summary>Length of every vector <see cref="Embed"/> returns.</summary>
    int Dimensions { get; }

    /// <summary>
    /// Names the model and every setting that changes its vectors, so stored vectors made with
    /// other settings are never mistaken for current ones (it is part of the content hash).
    /// </summary>
    string ModelId { get; }

    /// <summary>One L2-normalized vector per text, in the order of <paramref name="texts"/>. Thread-safe.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default);

    /// <summary>
    /// The vector of a search query, to compare with the vectors of <see cref="Embed"/>. The same as a text's
    /// unless the model was trained to read queries and passages differently (e.g. an instruction before the query).
    /// </summary>
    float[] EmbedQuery(string query, CancellationToken ct = default) => EmbedQueries([query], ct)[0];

    /// <summary>The vectors of several search queries (see <see cref="EmbedQuery"/>), in one model run where the model allows.</summary>
    float[][] EmbedQueries(IReadOnlyList<string> queries, CancellationToken ct = default) => Embed(queries, ct);
}
