using AstDsl.Bench.Timing;
using AstDsl.Torch;

// Usage: AstDsl.Bench <benchmark> [--name value ...] [--out results.json]
TorchProcess.Prepare(); // as astc does, so the figures are astc's
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToDictionary(b => b.Name, StringComparer.Ordinal);

if (args.Length == 0 || args[0] is "-h" or "--help" || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    if (args.Length > 0 && args[0] is not ("-h" or "--help")) Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
    Console.WriteLine("usage: AstDsl.Bench <benchmark> [options] [--out FILE]");
    foreach (var b in benchmarks.Values) Console.WriteLine($"  {b.Name,-8} {b.Usage}");
    Console.WriteLine("Results are printed and written as JSON (default bench/results/<benchmark>-<UTC time>.json).");
    return args.Length > 0 && args[0] is "-h" or "--help" ? 0 : 2;
}

try
{
    var outFile = BenchOption.Text("out", "");
    var options = new BenchArguments(args[1..], [.. benchmark.Options, outFile]);
    var result = benchmark.Run(options);
    var output = options.Get(outFile);
    Console.WriteLine("wrote " + ResultFile.Write(benchmark.Name, result, output.Length > 0 ? output : null));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
