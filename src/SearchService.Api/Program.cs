using SearchService.Api.Apis;
using SearchService.Api.Hosting;
using SearchService.Core.Indexing;

// Settings ship beside the program; the working directory is the user's, for relative corpus paths.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = CommandLineSwitches.Expand(args), ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSearchService();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapApiReference();

app.MapSearchApi();
app.MapPapersApi();
app.MapCatalogApi();
app.MapRelatedApi();
app.MapWriteApi();
app.MapHealthApi();
app.MapWarningsApi();
app.MapConfigApi();

try
{
    // Opened before the host starts, so a locked or damaged index is one line, not the host's stack trace.
    app.Services.GetRequiredService<SearchService.Core.Store.PaperStore>();
    app.Run();
}
catch (Exception e) when (e is IndexLockedException or DamagedIndexException)
{
    // A second instance on the same --data folder, or a damaged index: say so and what to do, and stop.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
