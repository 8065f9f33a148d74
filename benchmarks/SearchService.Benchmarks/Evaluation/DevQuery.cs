using System.Text.Json;

namespace SearchService.Benchmarks.Evaluation;

/// <summary>A development query with the note ids that answer it.</summary>
public sealed record DevQuery(string Id, string Lang, string Style, string Query, IReadOnlyList<string> Relevant)
{
    public static IReadOnlyList<DevQuery> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<DevQuery>(l, JsonSerializerOptions.Web)!)
            .ToList();
}
