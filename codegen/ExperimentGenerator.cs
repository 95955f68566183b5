using AstDsl.CodeGen.Emit;
using AstDsl.CodeGen.Pipeline;
using AstDsl.CodeGen.Reporting;
using AstDsl.Dsl.Text;
using Microsoft.CodeAnalysis;

namespace AstDsl.CodeGen;

/// <summary>
/// Turns every <c>.ast</c> AdditionalFile into a typed experiment class. Each spec is checked against the texts of
/// all specs (its <c>extends</c> may reach any of them); results are value-equal records, so a spec whose result
/// did not change is not re-emitted.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExperimentGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the per-spec checking step (for incrementality tests).</summary>
    public const string CheckStep = "CheckSpec";

    /// <summary>Tracking name of the step that keeps only the resolved spec, the model the source output depends on.</summary>
    public const string ResolvedStep = "ResolvedSpec";

    /// <summary>Extension of spec files.</summary>
    public const string SpecExtension = ".ast";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(SpecExtension, StringComparison.OrdinalIgnoreCase))
            .Select((file, cancellation) => new SpecFile(file.Path, file.GetText(cancellation)?.ToString() ?? ""));
        var allSpecs = specs.Collect().Select((files, _) => files.ToValueList());
        var generations = specs
            .Combine(allSpecs)
            .Select((pair, _) => SpecGenerationStep.Run(pair.Left, pair.Right))
            .WithTrackingName(CheckStep);
        // Source and diagnostics are separate outputs (as System.Text.Json's generator): the source depends on the
        // resolved spec alone, so an edit that moves positions or rewords comments regenerates nothing.
        var resolved = generations.Select((generation, _) => generation.Spec).WithTrackingName(ResolvedStep);
        context.RegisterSourceOutput(resolved, EmitSource);
        context.RegisterSourceOutput(generations.Select((generation, _) => generation.Diagnostics), (production, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics) production.ReportDiagnostic(SpecDiagnostics.ToRoslyn(diagnostic));
        });
        var clashes = generations.Collect().Select((all, _) => DuplicateNames.Find(all));
        context.RegisterSourceOutput(clashes, (production, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics) production.ReportDiagnostic(SpecDiagnostics.ToRoslyn(diagnostic));
        });
    }

    private static void EmitSource(SourceProductionContext context, Dsl.Resolved.ResolvedSpec? spec)
    {
        if (spec is not null) context.AddSource(Naming.HintName(spec.Name, spec.SpecPath), ExperimentEmitter.Render(spec));
    }
}
