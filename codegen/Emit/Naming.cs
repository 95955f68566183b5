using System.Text;

namespace AstDsl.CodeGen.Emit;

/// <summary>Names of generated types and files.</summary>
internal static class Naming
{
    /// <summary>Namespace of every generated experiment class.</summary>
    public const string Namespace = "AstDsl.Models.Generated";

    /// <summary>The class for experiment <paramref name="name"/>: <c>audioset_balanced</c> becomes <c>AudiosetBalancedExperiment</c>.</summary>
    public static string ClassName(string name) => Pascal(name) + "Experiment";

    private static string Pascal(string name)
    {
        var pascal = new StringBuilder();
        foreach (var part in name.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries))
            pascal.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
        return pascal.ToString();
    }

    /// <summary>The network class for experiment <paramref name="name"/>: <c>demo</c> becomes <c>DemoNetwork</c>.</summary>
    public static string NetworkClassName(string name) => Pascal(name) + "Network";

    /// <summary>A hint name unique per spec path (two specs may declare the same experiment name).</summary>
    public static string HintName(string name, string specPath) => $"{ClassName(name)}.{StableHash(specPath):x8}.g.cs";

    /// <summary>FNV-1a: string.GetHashCode changes between processes and would make builds nondeterministic.</summary>
    private static uint StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
