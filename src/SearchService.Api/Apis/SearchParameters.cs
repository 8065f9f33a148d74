using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace SearchService.Api.Apis;

/// <summary>The query string of <c>GET /search</c>. Numbers and dates arrive as text so a bad value gets a message saying why.</summary>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] [property: Description("Words in Korean, English or both; \"quoted phrases\", -exclusions, and title:, abstract:, author:, tag: prefixes.")] string? Q,
    [FromQuery(Name = "author")] [property: Description("Author name; repeat to require several.")] string[]? Author,
    [FromQuery(Name = "tag")] [property: Description("Tag, any spelling (#long-context, long_context); repeat to require several.")] string[]? Tag,
    [FromQuery(Name = "from")] [property: Description("Earliest date, yyyy, yyyy-MM or yyyy-MM-dd.")] string? From,
    [FromQuery(Name = "to")] [property: Description("Latest date, yyyy, yyyy-MM or yyyy-MM-dd.")] string? To,
    [FromQuery(Name = "sort")] [property: Description("relevance (default) or date (newest first).")] string? Sort,
    [FromQuery(Name = "mode")] [property: Description("keyword, semantic or hybrid (default: hybrid once embeddings exist).")] string? Mode,
    [FromQuery(Name = "limit")] [property: Description("Results per page, 1-100 (default 10).")] string? Limit,
    [FromQuery(Name = "offset")] [property: Description("Results to skip, 0-10000 (default 0).")] string? Offset);
