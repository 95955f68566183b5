using AstDsl.Hosting;
using AstDsl.TorchRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AstDsl.Dsl.Tests.TorchRules;

public sealed class TensorCompoundAssignmentTests
{
    private const string Source = """
        using TorchSharp;
        using static TorchSharp.torch;
        static class Probe
        {
            static void Run(Tensor t, Tensor u, Scalar s)
            {
                t += u;
                t -= 1.0;
                t *= 2;
                t -= u;
                t *= s;
                t /= u;
                var n = 1;
                n += 2;
            }
        }
        """;

    [Fact]
    public async Task Compound_assignments_that_make_an_unheld_scalar_are_errors_and_the_safe_ones_are_not()
    {
        var compilation = CSharpCompilation.Create("probe", [CSharpSyntaxTree.ParseText(Source)],
            ExperimentCompiler.RuntimeReferences().Select(path => MetadataReference.CreateFromFile(path)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers([new TensorCompoundAssignmentAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        // t += u (alpha), t -= 1.0 and t *= 2 (numbers); tensor/tensor, held-Scalar and int compound assignments pass.
        Assert.Equal([7, 8, 9], diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(diagnostics, d => Assert.Equal((TensorCompoundAssignmentAnalyzer.Id, DiagnosticSeverity.Error), (d.Id, d.Severity)));
        Assert.StartsWith("'+=' on a tensor makes a Scalar nobody holds", diagnostics[0].GetMessage());
    }
}
