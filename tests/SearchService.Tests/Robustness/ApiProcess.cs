using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace SearchService.Tests.Robustness;

/// <summary>
/// The real API as a child process (<c>dotnet SearchService.Api.dll</c>, copied beside the tests by the
/// project reference) on a free loopback port, so a test can kill it the way a crash would.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    public HttpClient Client { get; }

    private ApiProcess(Process process, Uri address)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>
    /// Starts the API over one corpus folder and one index folder, with semantic search and the warm-up after start off
    /// (a test waits for "ready"; <c>WarmUpTests</c> turns it on); extra args are settings like "--Index:CommitEvery=200".
    /// </summary>
    public static ApiProcess Start(string corpus, string data, params string[] extra) => Start(corpus, data, new Dictionary<string, string>(), extra);

    /// <summary>As <see cref="Start(string, string, string[])"/>, with extra environment variables for the process.</summary>
    public static ApiProcess Start(string corpus, string data, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "SearchService.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--corpus", corpus, "--data", data,
                     "--Semantic:Enabled=false", "--Index:WatchFiles=false", "--Index:RescanSeconds=0", "--Api:WarmUpSeconds=0" }.Concat(extra))
            start.ArgumentList.Add(arg);
        // Plain console lines, whatever the machine's environment says.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => api.Append(api.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(api.stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    public string StandardOutput { get { lock (stdout) return stdout.ToString(); } }
    public string StandardError { get { lock (stderr) return stderr.ToString(); } }
    public bool HasExited => process.HasExited;

    /// <summary>The /health report, or null while the process is not answering yet.</summary>
    public async Task<Health?> HealthAsync()
    {
        try { return await Client.GetFromJsonAsync<Health>("/health"); }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) { return null; }
    }

    /// <summary>Polls /health until <paramref name="until"/> holds; fails if the process exits or time runs out.</summary>
    public async Task<Health> WaitForAsync(Func<Health, bool> until, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode}: {StandardError}");
            if (await HealthAsync() is { } health && until(health)) return health;
            await Task.Delay(20);
        }
        throw new TimeoutException($"/health did not reach the expected state in {timeout.TotalSeconds} s. Last: {await HealthAsync()}");
    }

    /// <summary>SIGKILL on Linux: no shutdown hooks, no final commit, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops a service: the host shuts down and closes the index. Returns the exit code, or null on timeout.</summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        if (process.HasExited) return process.ExitCode;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the process to exit on its own; returns its exit code, or null on timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        Client.Dispose();
        process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null) return;
        lock (buffer) buffer.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Health(string Status, int Documents, int Files, int Warnings);
}
