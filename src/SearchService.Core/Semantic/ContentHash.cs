using System.Security.Cryptography;
using System.Text;

namespace SearchService.Core.Semantic;

/// <summary>The key of a stored vector: what was embedded and by which model, so either change misses the cache.</summary>
public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="modelId"/>, a newline, and <paramref name="text"/> (UTF-8).</summary>
    public static string Of(string text, string modelId)
    {
        var bytes = Encoding.UTF8.GetBytes(modelId + "\n" + text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
