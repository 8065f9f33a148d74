using SearchService.Api.Apis;
using SearchService.Api.Hosting;

// Settings ship beside the program; the working directory is the user's, for relative corpus paths.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = CommandLineSwitches.Expand(args), ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSearchService();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapOpenApi();

app.MapSearchApi();
app.MapPapersApi();
app.MapCatalogApi();
app.MapRelatedApi();
app.MapWriteApi();
app.MapHealthApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
