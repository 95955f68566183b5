using System.CommandLine;
using System.Globalization;
using AstDsl.Audio.Data;

namespace AstDsl.Cli.Commands;

/// <summary>Options shared by every command that computes with torch.</summary>
public static class CommonOptions
{
    /// <summary><c>--device auto|cpu|cuda|cuda:N</c>.</summary>
    public static Option<string> Device() => new("--device")
    {
        Description = "Where to compute: auto (CUDA when available), cpu, cuda or cuda:N.",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary><c>--precision fp32|bf16</c>: the arithmetic of the model's products (the language's <c>train.precision</c>).</summary>
    public static Option<Precision> Precision() => new("--precision")
    {
        HelpName = "fp32|bf16",
        Description = "Arithmetic of the model: fp32, or bf16 (bfloat16 products from the float32 weights; float16 on CUDA). " +
            "bf16 is faster only on CPUs with bf16 instructions (AVX-512 BF16, AMX); logits stay within about 2% of fp32.",
        DefaultValueFactory = _ => Contract.Precision.Fp32,
        // The language's words (fp32, bf16), so the command line and train.precision accept the same spelling.
        CustomParser = result =>
        {
            var word = result.Tokens.Single().Value;
            if (LanguageWords.All<Precision>().Contains(word)) return LanguageWords.Parse<Precision>(word);
            result.AddError($"--precision {word}: use {string.Join(" or ", LanguageWords.All<Precision>())} (bf16 computes in float16 on CUDA).");
            return default;
        },
    };

    /// <summary><c>--threads N</c> for CPU torch: 1 to the machine's core count, checked while parsing the command line.</summary>
    public static Option<int?> Threads()
    {
        var option = new Option<int?>("--threads")
        {
            Description = $"CPU threads for torch, 1 to the number of cores ({Environment.ProcessorCount} here; default: library default).",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n && ThreadsProblem(n) is { } problem) result.AddError(problem);
        });
        return option;
    }

    /// <summary>
    /// Why <paramref name="threads"/> cannot be used, or null. More threads than cores are refused rather than clamped:
    /// torch only slows down (256 threads on 2 cores took 12 times longer) and a silent clamp would hide the typo.
    /// </summary>
    public static string? ThreadsProblem(int threads)
    {
        var cores = Environment.ProcessorCount;
        if (threads >= 1 && threads <= cores) return null;
        var reason = threads < 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"this machine has {cores} core(s) and more threads than cores only slow torch down; ");
        return string.Create(CultureInfo.InvariantCulture, $"--threads {threads}: {reason}use a whole number from 1 to {cores}.");
    }

    /// <summary>Applies <c>--threads</c> to torch.</summary>
    public static void ApplyThreads(int? threads)
    {
        if (threads is not { } n) return;
        if (ThreadsProblem(n) is { } problem) throw new ArgumentException(problem);
        TorchSharp.torch.set_num_threads(n);
    }

    /// <summary><c>--on-bad-file fail|skip</c> for commands that read a datafile's clips (the language's <c>on_bad_file</c>).</summary>
    public static Option<BadFilePolicy> OnBadFile() => new("--on-bad-file")
    {
        HelpName = "fail|skip",
        Description = "A clip that cannot be read: fail (stop with its name, as astc run by default) or skip (leave it out and count it).",
        DefaultValueFactory = _ => BadFilePolicy.Fail,
    };

    /// <summary><c>--runs DIR</c>: where run directories go.</summary>
    public static Option<DirectoryInfo> Runs() => new("--runs")
    {
        Description = "Folder for run directories, relative to the current folder (data paths in a spec are relative to the spec's folder).",
        DefaultValueFactory = _ => new DirectoryInfo("runs"),
    };
}
