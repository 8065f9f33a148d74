namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Puts a query into English for the English-only embedding model: Latin words kept, Korean terms
/// replaced by their English equivalents where known.
/// </summary>
public interface IQueryTranslator
{
    string ToEnglish(string query);

    /// <summary>Changes whenever translations would, so vectors of translated text are keyed by it.</summary>
    string Fingerprint { get; }
}
