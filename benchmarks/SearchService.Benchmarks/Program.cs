using BenchmarkDotNet.Running;
using SearchService.Benchmarks;

// dotnet run -c Release --project benchmarks/SearchService.Benchmarks -- <command> [options]
//   ablation   score the dev queries with each part of the Korean analysis switched off (issue 3)
//   load       a bounded mix of searches and writes against a running instance on loopback (issue 5)
//   anything else goes to BenchmarkDotNet (e.g. --filter '*')
return args.FirstOrDefault() switch
{
    "ablation" => await AblationCommand.RunAsync(args[1..]),
    "load" => await LoadTestCommand.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AblationCommand).Assembly).Run(args);
    return 0;
}
