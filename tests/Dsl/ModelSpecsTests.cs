using AstDsl.Dsl;
using AstDsl.Dsl.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace AstDsl.Dsl.Tests;

public sealed class ModelSpecsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Specs => new() { "audioset", "audioset_balanced", "esc50", "speechcommands", "demo" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_shipped_spec_checks_without_diagnostics(string name)
    {
        var result = SpecCompiler.Load(Path.Combine(AppContext.BaseDirectory, "models", name + ".ast"));
        foreach (var d in result.Diagnostics) output.WriteLine(d.ToString());
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Spec);
        output.WriteLine(SpecYaml.Serialize(result.Spec!));
    }
}
