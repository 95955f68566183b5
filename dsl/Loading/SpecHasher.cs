using System.Security.Cryptography;
using System.Text;

namespace AstDsl.Dsl.Loading;

/// <summary>The fingerprint that tells <c>astc</c> whether the built experiment class still matches the spec on disk.</summary>
public static class SpecHasher
{
    /// <summary>Lower-case hex SHA-256 of the texts of the chain, most derived first; paths do not count, so moving a checkout keeps the hash.</summary>
    public static string Hash(IEnumerable<LoadedSpec> chain)
    {
        using var sha = SHA256.Create();
        var joined = string.Join("\0", chain.Select(file => file.Text.Replace("\r\n", "\n")));
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(joined));
        return string.Concat(digest.Select(b => b.ToString("x2")));
    }
}
