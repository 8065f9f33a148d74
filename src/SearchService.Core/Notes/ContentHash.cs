using System.Security.Cryptography;
using System.Text;

namespace SearchService.Core.Notes;

/// <summary>
/// Lower-case hex SHA-256: the one way content is keyed here (note files, stored vectors, the dictionary),
/// so that any change of content changes its key. In Notes so every later stage can use it.
/// </summary>
public static class ContentHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of <paramref name="text"/> as UTF-8.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
