namespace SearchService.Core.Analysis;

/// <summary>
/// The token type of Hangul runs, which the Korean filters key on. Which characters are Hangul is
/// <see cref="Notes.Script.IsHangul"/>'s to say.
/// </summary>
public static class HangulScript
{
    /// <summary>Token type given to Hangul runs; the same string <c>StandardTokenizer</c> uses.</summary>
    public const string TokenType = "<HANGUL>";
}
