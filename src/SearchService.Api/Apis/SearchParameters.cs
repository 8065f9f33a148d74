using System.ComponentModel;

namespace SearchService.Api.Apis;

/// <summary>The query string of <c>GET /search</c>. Numbers and dates arrive as text so a bad value gets a message saying why.</summary>
public sealed record SearchParameters(
    [property: Description("Words in Korean, English or both; \"quoted phrases\", -exclusions, and title:, abstract:, author:, tag: prefixes.")] string? Q,
    [property: Description("Author name; repeat to require several.")] string[]? Author,
    [property: Description("Tag, any spelling (#long-context, long_context); repeat to require several.")] string[]? Tag,
    [property: Description("Earliest date, yyyy, yyyy-MM or yyyy-MM-dd.")] string? From,
    [property: Description("Latest date, yyyy, yyyy-MM or yyyy-MM-dd.")] string? To,
    [property: Description("relevance (default) or date (newest first).")] string? Sort,
    [property: Description("keyword, semantic or hybrid (default: hybrid once embeddings exist).")] string? Mode,
    [property: Description("Results per page, 1-100 (default 10).")] string? Limit,
    [property: Description("Results to skip, 0-10000 (default 0).")] string? Offset);
