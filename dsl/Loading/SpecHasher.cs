using System.Security.Cryptography;
using System.Text;
using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Serialization;

namespace AstDsl.Dsl.Loading;

/// <summary>
/// The fingerprint that tells <c>astc</c> whether the built experiment class still matches the spec on disk, and that
/// keys the generator's cache: a hash of the RESOLVED experiment (its YAML without path and hash), so comments,
/// layout, <c>extends</c> structure and the spec's location do not count, only what the experiment is.
/// </summary>
public static class SpecHasher
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="spec"/>'s resolved content.</summary>
    public static string Hash(ResolvedSpec spec)
    {
        var content = spec with { SpecPath = "", SpecHash = "", ExtendsChain = ValueList<string>.Empty };
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(SpecYaml.Serialize(content)));
        return string.Concat(digest.Select(b => b.ToString("x2")));
    }
}
