using System.Diagnostics;
using System.Text.Json;

namespace AstDsl.Bench.Compare;

/// <summary>
/// Runs bench/reference/pytorch_compare.py with a Python that has torch, and says why not when it cannot: no such
/// Python, or a torch on the reference BLAS (Debian's torch without libopenblas0-pthread runs matmuls at a few GFLOPS, so
/// every comparison with it would measure the BLAS, not the framework).
/// </summary>
public static class PythonReference
{
    /// <summary>The script's JSON, or the reason there is none.</summary>
    /// <param name="Json">The parsed output, null when refused or unavailable.</param>
    /// <param name="Python">The interpreter used.</param>
    /// <param name="Refusal">Why PyTorch figures are missing, null when they are present.</param>
    public sealed record Outcome(JsonElement? Json, string? Python, string? Refusal);

    /// <summary>Runs the script with <paramref name="arguments"/>, trying <paramref name="python"/> or else python3 on PATH and /usr/bin/python3.</summary>
    public static Outcome Run(string? python, string script, IReadOnlyList<string> arguments)
    {
        var candidates = python is { Length: > 0 } ? [python] : new[] { "python3", "/usr/bin/python3" };
        var interpreter = candidates.FirstOrDefault(HasTorch);
        if (interpreter is null)
            return new Outcome(null, null, $"no Python with torch found (tried {string.Join(", ", candidates)}); install it with " +
                "`apt-get install python3-torch python3-torchaudio libopenblas0-pthread` or pass --python PATH");
        var (code, output, error) = Execute(interpreter, [script, .. arguments], TimeSpan.FromHours(2));
        if (code != 0) return new Outcome(null, interpreter, $"{script} failed with exit code {code}: {Last(error)}");
        var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone();
        var blas = json.GetProperty("blas");
        if (blas.GetProperty("reference_blas").GetBoolean())
            return new Outcome(json, interpreter,
                "torch uses the reference BLAS (" + string.Join(", ", blas.GetProperty("libraries").EnumerateArray().Select(e => e.GetString())) +
                "): its matmuls run at a few GFLOPS, so a comparison would measure the BLAS, not PyTorch. Install libopenblas0-pthread " +
                "(Debian switches libblas.so.3 to OpenBLAS) and rerun.");
        return new Outcome(json, interpreter, null);
    }

    private static bool HasTorch(string python)
    {
        try
        {
            return Execute(python, ["-c", "import torch"], TimeSpan.FromMinutes(2)).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such interpreter
        }
    }

    private static (int Code, string Output, string Error) Execute(string file, IReadOnlyList<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output, "timed out after " + limit);
        }
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    private static string Last(string text) => text.Trim().Split('\n').LastOrDefault() ?? "";
}
