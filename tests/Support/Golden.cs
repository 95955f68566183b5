using TorchSharp;
using TorchSharp.PyBridge;

namespace AstDsl.TestSupport;

/// <summary>Locates and reads the reference tensors made by the official PyTorch AST code (shared/golden).</summary>
public static class Golden
{
    private static readonly Lazy<string> Dir = new(FindDirectory);

    /// <summary>The golden folder: $ASTDSL_GOLDEN, or the first ancestor of the test binaries that has shared/golden beside it.</summary>
    public static string Directory => Dir.Value;

    /// <summary>Full path of a golden file.</summary>
    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Every tensor of a golden safetensors file, by name.</summary>
    public static Dictionary<string, torch.Tensor> Load(string fileName) =>
        Safetensors.LoadStateDict(PathOf(fileName));

    private static string FindDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("ASTDSL_GOLDEN");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "golden");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "shared/golden was not found above " + AppContext.BaseDirectory + "; set ASTDSL_GOLDEN to its path.");
    }
}
