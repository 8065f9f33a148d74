using System.Text;

namespace SearchService.Api.Apis;

/// <summary>Reads a request body as UTF-8 text with a size cap, so an oversized body is refused before it is held in memory.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        $"The request body is larger than {maxBytes} bytes (Api:MaxBodyBytes).",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large");
}
