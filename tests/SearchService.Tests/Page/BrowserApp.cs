using Microsoft.Playwright;
using SearchService.Core;
using SearchService.Tests.Robustness;

namespace SearchService.Tests.Page;

/// <summary>
/// The real service on a loopback port over the sample corpus (index-data/), and Debian's chromium driven
/// by Playwright, shared by the page tests. The browser is never downloaded: without chromium the tests
/// skip on a developer machine and fail in CI (<c>CI=true</c>), where <c>.ci/run</c> installs it.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Where the browser comes from; PAGE_TEST_CHROMIUM overrides it.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("PAGE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // Nothing in the browser may reach past loopback or spend time on background work.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private const float Patience = 30_000;

    private readonly string data = Path.Combine(Path.GetTempPath(), "searchservice-page-tests", Guid.NewGuid().ToString("N"));
    private ApiProcess? api;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Screenshots go beside the test binaries (never committed), one folder for the run.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "page-screenshots");

    /// <summary>The vault the service is told the notes live in, so the paper view links notes to Obsidian.</summary>
    public const string Vault = "Paper Notes";

    public Uri Address => Api.BaseAddress!;

    /// <summary>A client of the same service, for what the page should show.</summary>
    public HttpClient Api => api?.Client ?? throw new InvalidOperationException("The service did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"{ChromiumPath} not found: the browser tests of the search page need Debian's chromium (apt-get install chromium)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(message + "; in CI .ci/run installs it, so this is a CI set-up fault.");
            SkipReason = message + ", so they are skipped.";
            return;
        }
        var repository = Checkout.Root() ?? throw new DirectoryNotFoundException("No checkout (SearchService.sln and index-data/) above the test binaries.");
        var sample = Path.Combine(repository, "index-data");
        api = ApiProcess.Start(Path.Combine(sample, "notes"), data, "--corpus", Path.Combine(sample, "digests"), $"--Notes:ObsidianVault={Vault}");

        // The driver ships inside the NuGet package; the browser is the system's, so nothing is fetched.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        // Expectations retry until they hold; a busy CI machine can take seconds to answer, and a passing test never waits this long.
        Assertions.SetDefaultExpectTimeout(Patience);
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(Screenshots);
        await api.WaitForAsync(h => h.Status == "ready", TimeSpan.FromSeconds(60));
    }

    /// <summary>A fresh browser page (own cookies and history) of the given viewport size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = Address.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        return page;
    }

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        api?.Dispose();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
