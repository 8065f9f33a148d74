namespace SearchService.Core.Ingestion;

/// <summary>File keys of papers written through the API rather than read from a corpus folder.</summary>
public static class ApiKeys
{
    public const string Prefix = "api:";
    public static string For(string paperId) => Prefix + paperId;
}
