using System.Security.Cryptography;
using System.Text.Json;
using AstDsl.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace AstDsl.Network.Tests;

/// <summary>The repository's copy of the golden tensors is intact and equals the workspace's upstream folder.</summary>
public sealed class GoldenFixtureTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_file_the_manifest_lists_is_present_with_its_sha256()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Golden.PathOf("manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateObject().ToList();
        Assert.NotEmpty(listed);
        foreach (var file in listed)
            Assert.Equal(file.Value.GetProperty("sha256").GetString(), Sha256(Golden.PathOf(file.Name)));
    }

    [Fact]
    public void Repository_copy_is_byte_identical_to_upstream_golden_when_present()
    {
        var upstream = Golden.UpstreamDirectory();
        if (upstream == null)
        {
            output.WriteLine("Skipped: neither $ASTDSL_GOLDEN nor shared/golden beside the repository exists.");
            return;
        }
        foreach (var path in Directory.GetFiles(Golden.Directory))
        {
            var name = Path.GetFileName(path);
            var counterpart = Path.Combine(upstream, name);
            Assert.True(File.Exists(counterpart), $"{name} is in tests/golden but not in {upstream}");
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(counterpart)),
                $"tests/golden/{name} differs from {counterpart}");
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
