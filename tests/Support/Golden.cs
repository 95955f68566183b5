using TorchSharp;
using TorchSharp.PyBridge;

namespace AstDsl.TestSupport;

/// <summary>
/// Locates and reads the reference tensors made by the official PyTorch AST code. The repository carries them
/// in tests/golden (a byte-for-byte copy of the workspace's shared/golden), so a fresh clone needs nothing else.
/// </summary>
public static class Golden
{
    private const string Manifest = "manifest.json";

    private static readonly Lazy<string> Dir = new(FindDirectory);

    /// <summary>The repository's tests/golden folder, found by walking up from the test binaries.</summary>
    public static string Directory => Dir.Value;

    /// <summary>Full path of a golden file.</summary>
    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Every tensor of a golden safetensors file, by name.</summary>
    public static Dictionary<string, torch.Tensor> Load(string fileName) =>
        Safetensors.LoadStateDict(PathOf(fileName));

    /// <summary>
    /// The upstream folder the repository's copy was taken from: $ASTDSL_GOLDEN, or shared/golden beside an
    /// ancestor of the repository; null where neither exists (a clone outside the workspace).
    /// </summary>
    public static string? UpstreamDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("ASTDSL_GOLDEN");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        return FindAbove(Path.Combine("shared", "golden"));
    }

    private static string FindDirectory() =>
        FindAbove(Path.Combine("tests", "golden"))
        ?? throw new DirectoryNotFoundException(
            "tests/golden (with " + Manifest + ") was not found above " + AppContext.BaseDirectory
            + "; run the tests from a checkout of the repository.");

    private static string? FindAbove(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(Path.Combine(candidate, Manifest))) return candidate;
        }
        return null;
    }
}
