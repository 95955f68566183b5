using AstDsl.CodeGen;
using AstDsl.CodeGen.Pipeline;
using AstDsl.Dsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AstDsl.Dsl.Tests.Generation;

public sealed class IncrementalityTests
{
    [Fact]
    public void A_second_run_without_changes_reuses_every_step()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSpecs()).RunGenerators(compilation);
        var second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(CheckOutputs(second), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_spec_regenerates_only_that_spec()
    {
        var result = RerunAfterEditing("/demo.ast", text => System.Text.RegularExpressions.Regex.Replace(text, @"epochs = \d+", "epochs = 1234"));

        var reasons = ReasonsBySpec(result);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["demo.ast"]);
        foreach (var other in new[] { "audioset.ast", "audioset_balanced.ast", "esc50.ast", "speechcommands.ast" })
            Assert.Equal(IncrementalStepRunReason.Unchanged, reasons[other]);

        var emitted = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.Single(emitted, output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Editing_a_base_spec_regenerates_the_specs_that_extend_it()
    {
        var reasons = ReasonsBySpec(RerunAfterEditing("/audioset.ast", text => text.Replace("frame_length = 25 ms", "frame_length = 32 ms")));
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["audioset_balanced.ast"]);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["esc50.ast"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, reasons["demo.ast"]);
    }

    [Fact]
    public void Editing_a_comment_regenerates_nothing()
    {
        // The pipeline model is the resolved spec (its hash included), not the text: a reworded comment changes neither.
        var result = RerunAfterEditing("/demo.ast", text => text.Replace("# ", "#  "));

        var resolved = result.TrackedSteps[ExperimentGenerator.ResolvedStep].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(Specs.ShippedNames.Length, resolved.Count);
        Assert.All(resolved, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached }));
        Assert.DoesNotContain(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
    }

    /// <summary>Runs the generator on the shipped specs, edits the one whose path ends with <paramref name="suffix"/>, and runs again.</summary>
    private static GeneratorRunResult RerunAfterEditing(string suffix, Func<string, string> edit)
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var specs = GeneratorHarness.ShippedSpecs();
        var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);
        var target = specs.Single(s => s.Path.EndsWith(suffix, StringComparison.Ordinal));
        var edited = GeneratorHarness.Text(target.Path, edit(target.GetText()!.ToString()));
        return driver.ReplaceAdditionalText(target, edited).RunGenerators(compilation).GetRunResult().Results.Single();
    }

    private static Dictionary<string, IncrementalStepRunReason> ReasonsBySpec(GeneratorRunResult result) =>
        CheckOutputs(result).ToDictionary(o => Path.GetFileName(((SpecGeneration)o.Value).SpecPath), o => o.Reason);

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> CheckOutputs(GeneratorRunResult result) =>
        result.TrackedSteps[ExperimentGenerator.CheckStep].SelectMany(step => step.Outputs);
}
