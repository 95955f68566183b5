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
    public void Editing_one_spec_regenerates_only_that_spec_and_the_specs_extending_it()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var specs = GeneratorHarness.ShippedSpecs();
        var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);

        var demo = specs.Single(s => s.Path.EndsWith("demo.ast"));
        var edited = GeneratorHarness.Text(demo.Path, demo.GetText()!.ToString().Replace("epochs = 10", "epochs = 12"));
        var result = driver.ReplaceAdditionalText(demo, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = CheckOutputs(result).ToDictionary(o => Path.GetFileName(((SpecGeneration)o.Value).SpecPath), o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["demo.ast"]);
        foreach (var other in new[] { "audioset.ast", "audioset_balanced.ast", "esc50.ast", "speechcommands.ast" })
            Assert.Equal(IncrementalStepRunReason.Unchanged, reasons[other]);

        var emitted = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.Single(emitted, output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Editing_a_base_spec_regenerates_the_specs_that_extend_it()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var specs = GeneratorHarness.ShippedSpecs();
        var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);

        var audioset = specs.Single(s => s.Path.EndsWith("/audioset.ast"));
        var edited = GeneratorHarness.Text(audioset.Path, audioset.GetText()!.ToString() + "\n# a comment changes the hash\n");
        var result = driver.ReplaceAdditionalText(audioset, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = CheckOutputs(result).ToDictionary(o => Path.GetFileName(((SpecGeneration)o.Value).SpecPath), o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["audioset_balanced.ast"]);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["esc50.ast"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, reasons["demo.ast"]);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> CheckOutputs(GeneratorRunResult result) =>
        result.TrackedSteps[ExperimentGenerator.CheckStep].SelectMany(step => step.Outputs);
}
