using System.Text.RegularExpressions;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

/// <summary>
/// A stand-in for the embedding model: one dimension per vocabulary word, counting its occurrences,
/// normalized. Cosines are then easy to work out by hand, and no model is loaded.
/// </summary>
internal sealed partial class VocabularyEmbedder(params string[] vocabulary) : ITextEmbedder
{
    public bool IsAvailable { get; init; } = true;
    public int Dimensions => vocabulary.Length;
    public string ModelId => "vocabulary:" + string.Join(',', vocabulary);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default) => texts.Select(Vector).ToArray();

    private float[] Vector(string text)
    {
        var vector = new float[vocabulary.Length];
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            var dimension = Array.IndexOf(vocabulary, word.Value);
            if (dimension >= 0) vector[dimension]++;
        }
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

/// <summary>A translator that leaves every query as it is: the test texts are English already.</summary>
internal sealed class IdentityTranslator : IQueryTranslator
{
    public string ToEnglish(string query) => query;
    public string Fingerprint => "identity";
}
