using System.Text.Json;
using AstDsl.Bench.Compare;
using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Fbank;

/// <summary>
/// Our fbank against torchaudio.compliance.kaldi.fbank (bench/reference/torchaudio_fbank.py) at the same thread count,
/// in alternating rounds so both see the same machine load, each side's best run kept: on a shared machine the least
/// disturbed run is the closest to its real cost.
/// </summary>
public static class TorchaudioComparison
{
    /// <summary>The comparison.</summary>
    /// <param name="Benchmark">"fbank".</param>
    /// <param name="Threads">Threads both sides used.</param>
    /// <param name="Clips">10 s, 16 kHz clips per call.</param>
    /// <param name="Rounds">Alternating rounds run.</param>
    /// <param name="VectorWidth">Bits per SIMD vector our kernel used.</param>
    /// <param name="Libraries">torch and torchaudio versions.</param>
    /// <param name="LoadAverage">1-minute load average at the end.</param>
    /// <param name="Torchaudio">torchaudio's best run (one call per clip, as the official dataloader).</param>
    /// <param name="OursBatched">Our best run, one call for all clips.</param>
    /// <param name="OursPerClip">Our best run, one call per clip.</param>
    /// <param name="Ratios">torchaudio's time over ours: (batched wall, batched CPU, per clip wall, per clip CPU).</param>
    /// <param name="Runs">Every run of every side, in order.</param>
    public sealed record Result(
        string Benchmark, int Threads, int Clips, int Rounds, int VectorWidth, Dictionary<string, string> Libraries, double LoadAverage,
        Timed Torchaudio, Timed OursBatched, Timed OursPerClip, Dictionary<string, double> Ratios, Dictionary<string, Repeats.Sample[]> Runs);

    /// <summary>Runs <paramref name="rounds"/> rounds of torchaudio then ours, <paramref name="repeats"/> timed calls each.</summary>
    public static Result Run(string? python, int threads, int clips, int rounds, int warmup, int repeats)
    {
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "reference", "torchaudio_fbank.py"));
        var (torchaudio, batched, perClip) = (new List<Repeats.Sample>(), new List<Repeats.Sample>(), new List<Repeats.Sample>());
        JsonElement json = default;
        for (var round = 0; round < rounds; round++)
        {
            var reference = PythonReference.Run(python, script,
                ["--threads", $"{threads}", "--clips", $"{clips}", "--warmup", $"{warmup}", "--repeats", $"{repeats}"]);
            if (reference.Refusal is not null) throw new ArgumentException("--torchaudio on: " + reference.Refusal);
            json = reference.Json!.Value;
            torchaudio.AddRange(json.GetProperty("runs").EnumerateArray()
                .Select(r => new Repeats.Sample(r.GetProperty("wall_seconds").GetDouble(), r.GetProperty("cpu_seconds").GetDouble())));
            var ours = FbankThroughput.Run(clips, 10, warmup, repeats, "cpu");
            batched.AddRange(ours.Batched.Runs);
            perClip.AddRange(ours.PerClip.Runs);
        }
        var (theirs, oursBatched, oursPerClip) = (Timed.Best(torchaudio), Timed.Best(batched), Timed.Best(perClip));
        var ratios = new Dictionary<string, double>
        {
            ["batched_wall"] = theirs.WallSeconds / oursBatched.WallSeconds,
            ["batched_cpu"] = theirs.CpuSeconds / oursBatched.CpuSeconds,
            ["per_clip_wall"] = theirs.WallSeconds / oursPerClip.WallSeconds,
            ["per_clip_cpu"] = theirs.CpuSeconds / oursPerClip.CpuSeconds,
        };
        var libraries = new Dictionary<string, string>
        {
            ["torch"] = json.GetProperty("torch").GetString() ?? "?",
            ["torchaudio"] = json.GetProperty("torchaudio").GetString() ?? "?",
        };
        return new Result("fbank", threads, clips, rounds, Audio.Features.KaldiFbank.VectorWidth, libraries, MachineLoad.OneMinute(),
            theirs, oursBatched, oursPerClip, ratios,
            new() { ["torchaudio"] = [.. torchaudio], ["ours_batched"] = [.. batched], ["ours_per_clip"] = [.. perClip] });
    }
}
