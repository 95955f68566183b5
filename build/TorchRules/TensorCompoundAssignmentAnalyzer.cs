using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AstDsl.TorchRules;

/// <summary>
/// TORCH001: a compound assignment on a tensor that makes a Scalar nobody holds: every <c>t += u</c> (TorchSharp's
/// <c>+</c> passes alpha = 1 as a temporary Scalar) and any <c>t op= number</c>. The same calls written as binary
/// operators are banned through runtime/Torch/BannedSymbols.txt; this covers the compound form, which Roslyn's banned-API
/// analyzer does not see. Tensor-with-tensor and tensor-with-held-Scalar <c>-=</c>, <c>*=</c>, <c>/=</c> stay allowed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TensorCompoundAssignmentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic id.</summary>
    public const string Id = "TORCH001";

    private static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Compound assignment on a tensor makes an unheld Scalar",
        "'{0}' on a tensor makes a Scalar nobody holds, which a garbage collection can finalize mid-call; write {1}",
        "TorchSharp",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "See runtime/Torch/BannedSymbols.txt for why an unheld Scalar crashes at random and what to write instead.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.CompoundAssignment);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var assignment = (ICompoundAssignmentOperation)context.Operation;
        if (assignment.OperatorMethod is not { Parameters.Length: 2 } method || !IsTensor(method.ContainingType)) return;
        var right = method.Parameters[1].Type;
        var addition = assignment.OperatorKind == BinaryOperatorKind.Add;
        if (!addition && (IsTensor(right) || IsScalar(right))) return;
        var fix = addition ? "t = t.add(u, HeldScalars.One) (or hold the number as a Scalar)" : "the operation with a held Scalar (`using var s = value.ToScalar();`)";
        var text = assignment.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax syntax ? syntax.OperatorToken.Text : "compound assignment";
        context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), text, fix));
    }

    private static bool IsTensor(ITypeSymbol? type) =>
        type is { Name: "Tensor", ContainingType: { Name: "torch", ContainingNamespace.Name: "TorchSharp" } };

    private static bool IsScalar(ITypeSymbol? type) =>
        type is { Name: "Scalar", ContainingType: null, ContainingNamespace.Name: "TorchSharp" };
}
