using System.Text.Json;
using AstDsl.Bench.Timing;
using AstDsl.Network;
using static TorchSharp.torch;

namespace AstDsl.Bench.Compare;

/// <summary>
/// The "compare" command: our figures and PyTorch's (bench/reference/pytorch_compare.py) for the same shapes at the same
/// thread count in one run, with a 1024^3 matmul as the FLOP floor, written as JSON and Markdown. base384 is timed in
/// fp32 and in bf16 (ours: <see cref="Network.Modules.MixedPrecision"/>; PyTorch's: CPU autocast to bfloat16).
/// </summary>
public sealed class CompareBenchmark : IBenchmark
{
    private static readonly (ModelSize Size, int Batch)[] InferenceCases = [(ModelSize.Base384, 1), (ModelSize.Tiny224, 1), (ModelSize.Tiny224, 8)];
    private static readonly Precision[] Base384Precisions = [Precision.Fp32, Precision.Bf16];
    private const int TrainBatch = 4;
    private const int FbankClips = 8;

    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", 2);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 3);
    private static readonly BenchOption<bool> Train = BenchOption.Switch("train", true);
    private static readonly BenchOption<string> Python = BenchOption.Text("python", "", "PATH (default python3, /usr/bin/python3)");

    /// <inheritdoc />
    public string Name => "compare";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Threads, RepeatCount, Train, Python];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var threads = arguments.Get(Threads);
        var repeats = arguments.Get(RepeatCount);
        var train = arguments.Get(Train);
        var python = arguments.Get(Python);
        set_num_threads(threads);
        var machine = MachineDescription.Current();
        Console.WriteLine($"compare at {threads} threads on {machine.Cpu} (load average {machine.LoadAverage})");

        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "reference", "pytorch_compare.py"));
        var pairs = string.Join(",", InferenceCases.Select(c => $"{Key(c.Size)}:{c.Batch}"));
        var trainPair = train ? $"base384:{TrainBatch}" : "";
        var reference = PythonReference.Run(python, script,
            ["--threads", $"{threads}", "--repeats", $"{repeats}", "--inference", pairs, "--train", trainPair, "--bf16-inference", "base384:1",
             "--bf16-train", trainPair, "--fbank-clips", $"{FbankClips}"]);
        Console.WriteLine(reference.Refusal is null ? $"PyTorch figures from {reference.Python}" : "no PyTorch figures: " + reference.Refusal);
        var torchJson = reference.Refusal is null ? reference.Json : null;

        var fp32 = OurFigures.Matmul(ScalarType.Float32, 10);
        var bf16 = OurFigures.Matmul(ScalarType.BFloat16, 10);
        var figures = new List<Figure>();
        foreach (var group in InferenceCases.GroupBy(c => c.Size))
        {
            manual_seed(0);
            using var model = new AstModel(AstOptions.ForSize(group.Key, 527));
            var flops = OurFigures.ForwardFlops(group.Key);
            var precisions = group.Key == ModelSize.Base384 ? Base384Precisions : [Precision.Fp32];
            foreach (var precision in precisions)
            {
                foreach (var (size, batch) in group.Where(c => precision == Precision.Fp32 || c.Batch == 1))
                    figures.Add(Print(new Figure(Named($"{Key(size)} inference batch {batch}", precision), precision, batch, "clips/s", flops * batch,
                        OurFigures.Inference(model, batch, repeats, precision), Entry(torchJson, "inference", Key(size), batch, precision))));
                if (train && group.Key == ModelSize.Base384)
                    figures.Add(Print(new Figure(Named($"base384 train step batch {TrainBatch}", precision), precision, TrainBatch, "clips/s", 3 * flops * TrainBatch,
                        OurFigures.TrainStep(model, TrainBatch, 1, repeats, precision), Entry(torchJson, "train_step", "base384", TrainBatch, precision))));
            }
        }
        figures.Add(Print(new Figure($"Kaldi fbank, {FbankClips} x 10 s clips (vs torchaudio)", Precision.Fp32, FbankClips * 10, "s of audio/s", null,
            OurFigures.Fbank(FbankClips, repeats), torchJson is { } j && j.TryGetProperty("fbank", out var fb) && fb.ValueKind == JsonValueKind.Object ? TimedOf(fb) : null)));

        var libraries = new Dictionary<string, string> { ["TorchSharp"] = machine.TorchSharp, [".NET"] = machine.Dotnet };
        if (reference.Json is { } json)
        {
            libraries["PyTorch"] = json.GetProperty("torch").GetString() ?? "?";
            if (json.TryGetProperty("torchaudio", out var audio)) libraries["torchaudio"] = audio.GetString() ?? "?";
            libraries["PyTorch BLAS"] = string.Join(", ", json.GetProperty("blas").GetProperty("libraries").EnumerateArray().Select(e => Path.GetFileName(e.GetString())));
        }
        var matmuls = torchJson?.GetProperty("matmul").EnumerateArray().Select(TimedOf).ToArray();
        return new CompareResult(Name, machine, threads, libraries, reference.Refusal, fp32, bf16, matmuls?[0], matmuls?[1], figures);
    }

    private static string Key(ModelSize size) => size.ToString().ToLowerInvariant();

    private static Timed TimedOf(JsonElement e) => new(e.GetProperty("wall_seconds").GetDouble(), e.GetProperty("cpu_seconds").GetDouble());

    private static string Named(string figure, Precision precision) => precision == Precision.Fp32 ? figure : $"{figure}, {LanguageWords.Of(precision)}";

    // Entries without a precision come from a script that timed fp32 only.
    private static Timed? Entry(JsonElement? json, string list, string model, int batch, Precision precision) =>
        json?.GetProperty(list).EnumerateArray()
            .Where(e => e.GetProperty("model").GetString() == model && e.GetProperty("batch").GetInt32() == batch
                && (e.TryGetProperty("precision", out var p) ? p.GetString() : LanguageWords.Of(Precision.Fp32)) == LanguageWords.Of(precision))
            .Select(TimedOf).Cast<Timed?>().FirstOrDefault();

    private static Figure Print(Figure f)
    {
        Console.WriteLine($"  {f.Name}: ours {f.OursRate:G4} {f.Unit}" + (f.PyTorchRate is { } p ? $", PyTorch {p:G4} (wall x{f.WallRatio:F2}, CPU x{f.CpuRatio:F2})" : ""));
        return f;
    }
}
