using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace SearchService.Benchmarks;

/// <summary>
/// <c>load</c>: a bounded mix of searches and writes against a running instance on this machine, from many
/// concurrent clients; prints throughput, latency percentiles and the count of each status code as a
/// markdown table. Exits non-zero on any 5xx or transport error.
/// </summary>
public static class LoadTestCommand
{
    private const string Usage = """
        load [--url http://127.0.0.1:5000] [--requests 10000] [--concurrency 64] [--write-ratio 0.05]
             [--key <api key>] [--max-seconds 900] [--seed 1]
          Only loopback addresses are accepted. Without --key the writes are skipped.
        """;

    /// <summary>Korean, English and mixed queries, some with filters, date sorting or an explicit mode.</summary>
    private static readonly string[] Searches =
    [
        "q=transformer", "q=diffusion", "q=reinforcement+learning", "q=scaling+law", "q=mixture+of+experts",
        "q=long+context", "q=reward+model", "q=vision+language+model", "q=tokenizer", "q=%22chain+of+thought%22",
        "q=attention+-linear", "q=title:diffusion", "q=author:Furu+Wei", "q=강화학습", "q=추론", "q=확산+모델",
        "q=긴+컨텍스트", "q=데이터+품질", "q=학습+안정성", "q=멀티모달", "q=MoE+라우팅", "q=RL로+추론+능력",
        "q=LLM+평가", "q=diffusion+언어+모델", "q=scaling+law+데이터", "q=reasoning&tag=rl", "q=pretraining&tag=dataset",
        "q=alignment&from=2024", "q=transformer&from=2020&to=2022", "q=llm&sort=date", "q=추론&sort=date&limit=20",
        "tag=diffusion&sort=date", "tag=rl&tag=reasoning", "author=Furu+Wei", "author=Luke+Zettlemoyer&sort=date",
        "q=efficient+attention&mode=keyword", "q=효율적인+어텐션&mode=hybrid", "q=reward+hacking&mode=hybrid",
        "q=synthetic+data&limit=50", "q=gan&offset=20",
    ];

    private const int SyntheticPapers = 40;

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try { options = LoadOptions.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n{Usage}");
            return 2;
        }
        if (!options.Url.IsLoopback)
        {
            Console.Error.WriteLine($"error: {options.Url} is not a loopback address; the load test only runs against this machine.");
            return 2;
        }
        var writes = options.WriteRatio > 0 && options.Key is not null;
        if (options.WriteRatio > 0 && !writes)
            Console.WriteLine("No --key given: writes are skipped, the mix is searches only.");

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (options.Key is { } key) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        if (!await ReadyAsync(client)) return 2;

        var results = new ConcurrentBag<Sample>();
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.MaxSeconds);
        var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(options.Seed * 1000 + worker);
            while (Interlocked.Increment(ref issued) <= options.Requests && clock.Elapsed < deadline)
            {
                var isWrite = writes && random.NextDouble() < options.WriteRatio;
                using var request = isWrite ? Write(random) : new HttpRequestMessage(HttpMethod.Get, "/search?" + Searches[random.Next(Searches.Length)]);
                results.Add(await SendAsync(client, request, isWrite));
            }
        }));
        await Task.WhenAll(workers);
        clock.Stop();

        var samples = results.ToList();
        Console.WriteLine($"Load test against {options.Url} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC), {Environment.ProcessorCount} cores, " +
                          $"write ratio {options.WriteRatio.ToString(CultureInfo.InvariantCulture)}{(writes ? "" : " (writes skipped)")}, seed {options.Seed}");
        Console.WriteLine();
        Console.WriteLine(Table(samples, options.Concurrency, clock.Elapsed));
        if (writes) await CleanUpAsync(client);

        var failures = samples.Count(s => s.Status >= 500 || s.Status == 0);
        return failures > 0 ? 1 : 0;
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            var health = await client.GetFromJsonAsync<Health>("/health");
            if (health?.Status != "ready")
                Console.WriteLine($"Warning: the instance is still {health?.Status} ({health?.Documents} papers so far); its ingest competes with the load.");
            return true;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"error: no instance answers at {client.BaseAddress}: {e.Message}");
            return false;
        }
    }

    /// <summary>An upsert of one of a few dozen synthetic papers (two in three), or the deletion of one.</summary>
    private static HttpRequestMessage Write(Random random)
    {
        var n = random.Next(SyntheticPapers);
        var id = $"loadtest-{n:D3}";
        if (random.Next(3) == 0) return new HttpRequestMessage(HttpMethod.Delete, $"/papers/{id}");
        var paper = new
        {
            id,
            title = $"Load test paper {n}: scaling synthetic attention",
            authors = new[] { "Load Tester", $"Writer {n % 7}" },
            @abstract = $"A synthetic paper written by the load test, revision {random.Next(1000)}.",
            koreanCommentary = "부하 테스트가 쓴 합성 논문.",
            tags = new[] { "loadtest", n % 2 == 0 ? "attention" : "diffusion" },
            date = new DateOnly(2025, 1 + n % 12, 1 + n % 28),
        };
        return new HttpRequestMessage(HttpMethod.Post, "/papers") { Content = JsonContent.Create(paper) };
    }

    private static async Task<Sample> SendAsync(HttpClient client, HttpRequestMessage request, bool isWrite)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return new Sample(isWrite, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Sample(isWrite, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Leaves the instance as it was found: the synthetic papers go, outside the measured run.</summary>
    private static async Task CleanUpAsync(HttpClient client)
    {
        var deleted = 0;
        try
        {
            for (var n = 0; n < SyntheticPapers; n++)
            {
                using var response = await client.DeleteAsync($"/papers/loadtest-{n:D3}");
                if (response.IsSuccessStatusCode) deleted++;
            }
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"Clean-up stopped: {e.Message}");
        }
        Console.WriteLine();
        Console.WriteLine($"Clean-up: deleted {deleted} synthetic papers left by the run.");
    }

    private static string Table(IReadOnlyList<Sample> samples, int concurrency, TimeSpan elapsed)
    {
        var table = new StringBuilder();
        table.AppendLine("| Requests | Kind | Concurrency | Duration (s) | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | Status codes | 5xx | Transport errors |");
        table.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var (kind, rows) in new[] { ("all", samples), ("search", samples.Where(s => !s.IsWrite).ToList()), ("write", samples.Where(s => s.IsWrite).ToList()) })
        {
            if (rows.Count == 0) continue;
            var latencies = rows.Select(s => s.Milliseconds).Order().ToList();
            var codes = string.Join(", ", rows.Where(s => s.Status > 0).GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rows.Count} | {kind} | {concurrency} | {elapsed.TotalSeconds:F1} | {rows.Count / elapsed.TotalSeconds:F0} | " +
                $"{Percentile(latencies, 50):F1} | {Percentile(latencies, 95):F1} | {Percentile(latencies, 99):F1} | {codes} | " +
                $"{rows.Count(s => s.Status >= 500)} | {rows.Count(s => s.Status == 0)} |"));
        }
        return table.ToString();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Sample(bool IsWrite, int Status, double Milliseconds);

    private sealed record Health(string Status, int Documents);

    private sealed record LoadOptions(Uri Url, int Requests, int Concurrency, double WriteRatio, string? Key, int MaxSeconds, int Seed)
    {
        public static LoadOptions Parse(string[] args)
        {
            var options = new LoadOptions(new Uri("http://127.0.0.1:5000"), 10_000, 64, 0.05, null, 900, 1);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                options = args[i] switch
                {
                    "--url" => options with { Url = Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : throw new ArgumentException($"'{value}' is not an http URL.") },
                    "--requests" => options with { Requests = Positive(args[i], value) },
                    "--concurrency" => options with { Concurrency = Positive(args[i], value) },
                    "--max-seconds" => options with { MaxSeconds = Positive(args[i], value) },
                    "--seed" => options with { Seed = Positive(args[i], value) },
                    "--key" => options with { Key = value },
                    "--write-ratio" => options with
                    {
                        WriteRatio = double.TryParse(value, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
                            ? ratio : throw new ArgumentException("--write-ratio is a number from 0 to 1."),
                    },
                    _ => throw new ArgumentException($"Unknown option {args[i]}."),
                };
                i++;
            }
            return options;
        }

        private static int Positive(string name, string value) =>
            int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} is a positive whole number.");
    }
}
