using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SearchService.Tests.Page;

/// <summary>The search page in a real browser: what it shows must be what the API answers, and every view must live in the URL.</summary>
public sealed class SearchPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Hits = "#results .hit";

    [SkippableFact]
    public async Task KoreanSearchTagFilterPaperRelatedPaperAndBackPassingTheAccessibilityRules()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#q").FillAsync("추론");
        await page.Locator("#q").PressAsync("Enter");
        var expected = await SearchAsync("q=" + Uri.EscapeDataString("추론"));
        Assert.NotEmpty(expected);
        await ExpectTitlesAsync(page, expected);
        Assert.Equal("추론", Query(page)["q"]);
        await ShotAsync(page, "1-korean-search");

        // A tag facet becomes a filter chip; removing the chip brings the first list back.
        var facet = page.Locator("#facets a.facet[data-kind=tag]").First;
        var tag = await facet.GetAttributeAsync("data-value") ?? throw new InvalidOperationException("facet without a value");
        await facet.ClickAsync();
        await Expect(page.Locator("#chips .chip")).ToHaveTextAsync(new Regex($"tag: {Regex.Escape(tag)}"));
        Assert.Equal(tag, Query(page)["tag"]);
        await ExpectTitlesAsync(page, await SearchAsync($"q={Uri.EscapeDataString("추론")}&tag={Uri.EscapeDataString(tag)}"));
        await ShotAsync(page, "2-tag-chip");
        // Once, on the view with the most controls (form, chips, facets, results, pager): a run costs seconds.
        AssertAccessible(await page.RunAxe(), "results");
        await page.Locator("#chips .chip").ClickAsync();
        await Expect(page.Locator("#chips .chip")).ToHaveCountAsync(0);
        Assert.Null(Query(page)["tag"]);
        await ExpectTitlesAsync(page, expected);

        // Open the first paper: the whole note, with its links.
        var first = expected[0];
        await page.Locator($"{Hits} a.open").First.ClickAsync();
        await Expect(page.Locator("#paper h2")).ToHaveTextAsync(first.Title);
        Assert.Equal(first.Id, Query(page)["paper"]);
        var paper = await app.Api.GetFromJsonAsync<JsonElement>("/papers/" + Uri.EscapeDataString(first.Id));
        await ExpectSectionAsync(page, "Abstract", paper.GetProperty("abstract").GetString());
        await ExpectSectionAsync(page, "Korean commentary", paper.GetProperty("koreanCommentary").GetString());
        await ExpectSectionAsync(page, "English commentary", paper.GetProperty("englishCommentary").GetString());
        await ExpectNoteLinksAsync(page, paper);

        // Its related papers say why; open the first.
        var related = page.Locator("#related .hit").First;
        await Expect(related.Locator(".reasons")).ToBeVisibleAsync();
        var relatedTitle = await related.Locator("a.open").InnerTextAsync();
        var relatedId = await related.Locator("a.open").GetAttributeAsync("data-id");
        await ShotAsync(page, "3-paper");
        await related.Locator("a.open").ClickAsync();
        await Expect(page.Locator("#paper h2")).ToHaveTextAsync(relatedTitle);
        Assert.Equal(relatedId, Query(page)["paper"]);
        await ShotAsync(page, "4-related-paper");

        // Back: the first paper, then the list with the query, each from the URL.
        await page.GoBackAsync();
        await Expect(page.Locator("#paper h2")).ToHaveTextAsync(first.Title);
        Assert.Equal(first.Id, Query(page)["paper"]);
        await page.GoBackAsync();
        await Expect(page.Locator("#paper")).ToBeHiddenAsync();
        await ExpectTitlesAsync(page, expected);
        await Expect(page.Locator("#q")).ToHaveValueAsync("추론");
        Assert.Null(Query(page)["paper"]);
    }

    [SkippableFact]
    public async Task PhoneWidthKeepsTheButtonVisibleAndResultsFullWidth()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("mixture of experts"));
        await ExpectTitlesAsync(page, await SearchAsync("q=" + Uri.EscapeDataString("mixture of experts")));
        await ShotAsync(page, "5-phone-results");

        var viewport = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        var button = await page.Locator("#search button[type=submit]").BoundingBoxAsync() ?? throw new InvalidOperationException("no search button");
        Assert.True(button.X >= 0 && button.X + button.Width <= viewport, $"search button spans {button.X}..{button.X + button.Width} of {viewport} px");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the page scrolls sideways");
        var results = await page.Locator("#results").BoundingBoxAsync() ?? throw new InvalidOperationException("no results");
        Assert.True(results.Width > 300, $"results are {results.Width} px wide");

        await page.Locator($"{Hits} a.open").First.ClickAsync();
        await Expect(page.Locator("#related .hit").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the paper view scrolls sideways");
        await ShotAsync(page, "6-phone-paper");
    }

    [SkippableFact]
    public async Task KeyboardFocusesSearchMovesThroughResultsAndOpensOne()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(Hits).First).ToBeVisibleAsync();
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("attention");
        await page.Keyboard.PressAsync("Enter");
        var expected = await SearchAsync("q=attention");
        Assert.True(expected.Count >= 2, "the sample corpus has several papers on attention");
        await ExpectTitlesAsync(page, expected);

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator($"{Hits} a.open").Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#paper h2")).ToHaveTextAsync(expected[1].Title);
        Assert.Equal(expected[1].Id, Query(page)["paper"]);

        // Escape goes back to the list, with the keyboard where it was.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator($"{Hits} a.open").Nth(1)).ToBeFocusedAsync();
    }

    [SkippableFact]
    public async Task YearDateRangeSortPagingAndAutocompleteLiveInTheUrl()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await ExpectTitlesAsync(page, await SearchAsync(""));

        // A year facet is the date range of that year.
        var year = page.Locator("#facets a.facet[data-kind=year]").First;
        var value = await year.GetAttributeAsync("data-value");
        await year.ClickAsync();
        await Expect(page.Locator("#chips .chip")).ToHaveTextAsync($"year: {value}×");
        Assert.Equal(value, Query(page)["from"]);
        Assert.Equal(value, Query(page)["to"]);
        await ExpectTitlesAsync(page, await SearchAsync($"from={value}&to={value}"));
        foreach (var date in await page.Locator($"{Hits} .date").AllInnerTextsAsync()) Assert.StartsWith(value!, date);
        await page.Locator("#chips .chip").ClickAsync();

        // A typed date range, newest first.
        await page.Locator("#from").FillAsync("2021");
        await page.Locator("#to").FillAsync("2024-06");
        await page.Locator("#sort").SelectOptionAsync("date");
        await page.Locator("#q").PressAsync("Enter");
        await ExpectTitlesAsync(page, await SearchAsync("from=2021&to=2024-06&sort=date"));
        await Expect(page.Locator("#chips .chip")).ToHaveCountAsync(2);

        // Pages: the second one is the API's offset 10.
        await page.GotoAsync("/?sort=date");
        await page.Locator("#pager a[rel=next]").ClickAsync();
        Assert.Equal("2", Query(page)["page"]);
        await ExpectTitlesAsync(page, await SearchAsync("sort=date&offset=10"));
        await Expect(page.Locator("#status")).ToContainTextAsync("showing 11–20");
        await ShotAsync(page, "7-second-page-by-date");

        // Tag autocomplete lists tags from /tags; choosing one adds the filter.
        await page.Locator("#tag-input").FillAsync("long");
        await Expect(page.Locator("#tag-options option").First).ToHaveAttributeAsync("value", new Regex("^long"));
        var suggestion = await page.Locator("#tag-options option").First.GetAttributeAsync("value");
        // What the browser sends when a datalist option is picked: an input event with no inputType.
        await page.Locator("#tag-input").EvaluateAsync("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }", suggestion);
        await Expect(page.Locator("#chips .chip")).ToHaveTextAsync($"tag: {suggestion}×");
        Assert.Null(Query(page)["page"]);
        await ExpectTitlesAsync(page, await SearchAsync($"sort=date&tag={suggestion}"));

        // A date the service refuses: its reason is shown, and no stale results under it.
        await page.Locator("#from").FillAsync("2024-13");
        await page.Locator("#q").PressAsync("Enter");
        await Expect(page.Locator("#status.error")).ToContainTextAsync("from");
        await Expect(page.Locator(Hits)).ToHaveCountAsync(0);
    }

    /// <summary>No serious or critical axe-core violation; lesser ones are written to the test output.</summary>
    private void AssertAccessible(AxeResult result, string view)
    {
        var found = result.Violations.Select(v => (v.Impact, Text: $"{v.Id} ({v.Impact}): {v.Help}, e.g. {v.Nodes.FirstOrDefault()?.Html}")).ToList();
        foreach (var (_, text) in found) output.WriteLine($"{view}: {text}");
        var serious = found.Where(v => v.Impact is "serious" or "critical").Select(v => v.Text).ToList();
        Assert.True(serious.Count == 0, $"{view} view: " + string.Join("; ", serious));
    }

    private async Task ShotAsync(IPage page, string name) =>
        output.WriteLine("screenshot: " + await app.ScreenshotAsync(page, name));

    private sealed record Hit(string Id, string Title);

    private async Task<List<Hit>> SearchAsync(string query)
    {
        var body = await app.Api.GetFromJsonAsync<JsonElement>("/search?limit=10&" + query);
        return body.GetProperty("results").EnumerateArray()
            .Select(r => new Hit(r.GetProperty("id").GetString()!, r.GetProperty("title").GetString()!)).ToList();
    }

    private static async Task ExpectTitlesAsync(IPage page, List<Hit> expected) =>
        await Expect(page.Locator($"{Hits} a.open")).ToHaveTextAsync(expected.Select(h => h.Title).ToArray());

    private static async Task ExpectSectionAsync(IPage page, string heading, string? text)
    {
        var section = page.Locator("#paper section").Filter(new() { Has = page.Locator("h3", new() { HasTextString = heading }) });
        if (string.IsNullOrEmpty(text)) await Expect(section).ToHaveCountAsync(0);
        else await Expect(section.Locator(".text")).ToContainTextAsync(text[..Math.Min(40, text.Length)].Trim());
    }

    /// <summary>Vault notes open in Obsidian (the service names a vault); digest entries show their file.</summary>
    private static async Task ExpectNoteLinksAsync(IPage page, JsonElement paper)
    {
        foreach (var source in paper.GetProperty("sources").EnumerateArray())
        {
            var path = source.GetProperty("path").GetString()!;
            var note = source.GetProperty("noteName").GetString()!;
            if (path.EndsWith(".md", StringComparison.Ordinal))
            {
                var href = $"obsidian://open?vault={Uri.EscapeDataString(BrowserApp.Vault)}&file={Uri.EscapeDataString(note)}";
                await Expect(page.Locator($"#paper a.note[href=\"{href}\"]")).ToHaveCountAsync(1);
            }
            else await Expect(page.Locator("#paper .note code", new() { HasTextString = path })).ToHaveCountAsync(1);
        }
    }

    private static System.Collections.Specialized.NameValueCollection Query(IPage page) => HttpUtility.ParseQueryString(new Uri(page.Url).Query);
}
