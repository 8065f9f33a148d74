using System.ComponentModel;
using SearchService.Core.Notes;

namespace SearchService.Api.Apis;

/// <summary>The body of <c>POST /papers</c>: a paper to add or replace. Only a title (or an id) is required.</summary>
public sealed record PaperInput(
    [property: Description("Paper id; default: the arXiv id of the URL, else a slug of the title")] string? Id,
    [property: Description("Title; required unless an id is given")] string? Title,
    [property: Description("Author names, one per item")] IReadOnlyList<string>? Authors,
    [property: Description("The paper's abstract")] string? Abstract,
    [property: Description("Commentary in Korean")] string? KoreanCommentary,
    [property: Description("Commentary in English")] string? EnglishCommentary,
    [property: Description("Tags, with or without '#'")] IReadOnlyList<string>? Tags,
    [property: Description("Date of the note, yyyy-MM-dd")] DateOnly? Date,
    [property: Description("Link to the paper, e.g. https://arxiv.org/abs/2401.04088")] string? Url,
    [property: Description("Names of notes this paper links to")] IReadOnlyList<string>? Links)
{
    public const int MaxListItems = PaperLimits.MaxListItems;

    /// <summary>Errors keyed by field, empty when the input makes a paper. Checked before anything is stored.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Id))
            errors["title"] = ["A paper needs a title or an id."];
        if (Id is { } id && !string.IsNullOrWhiteSpace(id) && !PaperLimits.IsUsableInPath(id.Trim()))
            errors["id"] = [$"An id is at most {PaperLimits.MaxIdLength} characters, not '.' or '..', without '/', '\\', '?', '#', '%' or control characters, so that /papers/{{id}} can reach it."];
        CheckLength(errors, "title", Title, PaperLimits.MaxTitleLength);
        CheckLength(errors, "abstract", Abstract, PaperLimits.MaxTextLength);
        CheckLength(errors, "koreanCommentary", KoreanCommentary, PaperLimits.MaxTextLength);
        CheckLength(errors, "englishCommentary", EnglishCommentary, PaperLimits.MaxTextLength);
        CheckLength(errors, "url", Url, PaperLimits.MaxUrlLength);
        foreach (var (name, list, max) in new[] { ("authors", Authors, PaperLimits.MaxAuthorLength), ("tags", Tags, PaperLimits.MaxTagLength), ("links", Links, PaperLimits.MaxLinkLength) })
        {
            if (list?.Count > MaxListItems) errors[name] = [$"At most {MaxListItems} items."];
            else if (list?.FirstOrDefault(v => v?.Length > max) is { } longest)
                errors[name] = [$"Each of {name} is at most {max} characters; one is {longest.Length}."];
        }
        if (errors.Count == 0 && string.IsNullOrWhiteSpace(Id) && !PaperLimits.IsUsableInPath(PaperId.For(Url, Title!)))
            errors["id"] = ["No usable id can be made from this title and url; give an id."];
        return errors;
    }

    private static void CheckLength(Dictionary<string, string[]> errors, string name, string? value, int max)
    {
        if (value?.Length > max) errors[name] = [$"'{name}' is at most {max} characters; this one is {value.Length}."];
    }

    public Paper ToPaper() => new()
    {
        Id = string.IsNullOrWhiteSpace(Id) ? PaperId.For(Url, Title!) : Id.Trim(),
        Title = Title?.Trim() ?? "",
        Authors = Clean(Authors),
        Abstract = Abstract?.Trim() ?? "",
        KoreanCommentary = KoreanCommentary?.Trim() ?? "",
        EnglishCommentary = EnglishCommentary?.Trim() ?? "",
        Tags = Clean(Tags).Select(t => t.TrimStart('#')).Where(t => t.Length > 0).ToList(),
        Date = Date,
        Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(),
        Links = Clean(Links),
    };

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() ?? [];
}
