using System.CommandLine;

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

    /// <summary><c>--threads N</c> for CPU torch.</summary>
    public static Option<int?> Threads() => new("--threads") { Description = "CPU threads for torch (default: library default)." };

    /// <summary>Applies <c>--threads</c> to torch.</summary>
    public static void ApplyThreads(int? threads)
    {
        if (threads is not { } n) return;
        if (n < 1) throw new ArgumentException($"--threads {n}: use a whole number of at least 1.");
        TorchSharp.torch.set_num_threads(n);
    }
}
