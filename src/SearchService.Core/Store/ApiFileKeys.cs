namespace SearchService.Core.Store;

/// <summary>File keys of papers written through the API rather than read from a corpus folder.</summary>
public static class ApiFileKeys
{
    public const string Prefix = "api:";
    public static string For(string paperId) => Prefix + paperId;
}
