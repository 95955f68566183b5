using System.Reflection;
using AstDsl.Audio.Augment;
using AstDsl.Audio.Features;
using AstDsl.Hosting;
using AstDsl.Dsl.Tests.Support;
using AstDsl.Dsl.Text;
using AstDsl.Training.Experiments;
using AstDsl.Training.Schedules;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AstDsl.Dsl.Tests.Generation;

public sealed class GeneratorOutputTests
{
    [Fact]
    public void Shipped_specs_generate_code_that_compiles_without_warnings()
    {
        var driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSpecs())
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(Specs.ShippedNames.Length, driver.GetRunResult().GeneratedTrees.Length);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var experiments = ExperimentLocator.FindAll(Assembly.Load(image.ToArray()));
        Assert.Equal(Specs.ShippedNames.OrderBy(n => n), experiments.Select(e => e.Name).OrderBy(n => n));
        foreach (var experiment in experiments)
            AssertMatchesSpec(experiment);
    }

    [Fact]
    public void The_built_models_assembly_holds_the_shipped_experiments_with_current_hashes()
    {
        var built = typeof(AstDsl.Models.Generated.DemoExperiment).Assembly;
        foreach (var name in Specs.ShippedNames)
        {
            var spec = SpecCompiler.Load(Specs.Shipped(name)).Spec!;
            var experiment = ExperimentLocator.FindBySpecHash(built, spec.SpecHash);
            Assert.NotNull(experiment);
            AssertMatchesSpec(experiment!);
        }

        // 64 mel bins and 500 frames in 16 x 16 patches without overlap.
        Assert.Equal(4, AstDsl.Models.Generated.DemoExperiment.FDim);
        Assert.Equal(31, AstDsl.Models.Generated.DemoExperiment.TDim);
    }

    [Fact]
    public void Spec_errors_become_compiler_errors_located_in_the_spec()
    {
        var spec = GeneratorHarness.Text("/specs/bad.ast", Specs.MinimalWith("model {\n  width = 64\n  heads = 5\n}"));
        GeneratorHarness.Driver(new[] { spec })
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out _, out var diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal("AST0012", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var position = error.Location.GetLineSpan();
        Assert.Equal("/specs/bad.ast", position.Path);
        Assert.Equal((11, 10), (position.StartLinePosition.Line, position.StartLinePosition.Character));
        Assert.StartsWith("/specs/bad.ast(12,11): error AST0012: 5 heads do not divide width 64", error.ToString());
    }

    [Fact]
    public void Extends_resolves_among_the_additional_files()
    {
        var files = new[]
        {
            GeneratorHarness.Text("/specs/base.ast", Specs.Minimal),
            GeneratorHarness.Text("/specs/sub/child.ast", "experiment child extends \"../base.ast\"\ntrain { batch = 3 }\n"),
        };
        var result = GeneratorHarness.Driver(files)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out _, out var diagnostics)
            .GetRunResult();
        Assert.Empty(diagnostics);
        Assert.Contains(result.GeneratedTrees, tree => tree.ToString().Contains("public sealed class ChildExperiment"));
    }

    [Fact]
    public void Accumulation_and_clipping_are_written_into_the_recipe_only_when_on()
    {
        var spec = GeneratorHarness.Text("/specs/tiny.ast", Specs.MinimalWith("train {\n  accumulation = 4\n  clip = 1.5\n}"));
        var driver = GeneratorHarness.Driver(new[] { spec })
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var code = Assert.Single(driver.GetRunResult().GeneratedTrees).ToString();
        Assert.Contains("\n            AccumulationSteps = 4,\n            ClipNorm = 1.5d,\n            Optimizer = ", code);

        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var recipe = Assert.Single(ExperimentLocator.FindAll(Assembly.Load(image.ToArray()))).CreateTrainingRecipe();
        Assert.Equal((4, (double?)1.5), (recipe.AccumulationSteps, recipe.ClipNorm));
        var demo = new AstDsl.Models.Generated.DemoExperiment().CreateTrainingRecipe();
        Assert.Equal((1, (double?)null), (demo.AccumulationSteps, demo.ClipNorm));
    }

    private static void AssertMatchesSpec(IGeneratedExperiment experiment)
    {
        var spec = SpecCompiler.Load(Specs.Shipped(experiment.Name)).Spec!;
        var type = experiment.GetType();
        Assert.Equal(spec.SpecHash, experiment.SpecHash);
        Assert.Equal(spec.Shapes.FDim, Const<int>(type, "FDim"));
        Assert.Equal(spec.Shapes.TDim, Const<int>(type, "TDim"));
        Assert.Equal(spec.Shapes.TokenCount, Const<int>(type, "TokenCount"));
        Assert.Equal(spec.Shapes.ParameterCount, Const<long>(type, "ParameterCount"));
        AssertEverySectionReachesTheRuntime(spec, experiment.CreateDefinition("/elsewhere", "experiment: x\n"));
        AssertTheTrainingStepIsTheSpecs(spec, experiment.CreateTrainingRecipe());
    }

    // The generated training step, read back through the runtime's own objects, holds every augment and train field
    // of the spec that shapes a training batch, and no step the spec leaves out.
    private static void AssertTheTrainingStepIsTheSpecs(Resolved.ResolvedSpec spec, TrainingRecipe recipe)
    {
        var augment = spec.Augment;
        Assert.Equal(augment.Mixup > 0 ? new MixupStep(augment.Mixup, AugmentSettings.MixupAlpha) : null, recipe.Clips.Mixup);
        var masks = new[] { (MaskAxis.Frequency, augment.FreqMask), (MaskAxis.Time, augment.TimeMask) }
            .Where(m => m.Item2 > 0).Select(m => new MaskStep(m.Item1, m.Item2));
        Assert.Equal(masks, recipe.Clips.RawSteps.Cast<MaskStep>());
        Assert.Equal(new FeatureNormalization((float)spec.Features.NormMean, (float)spec.Features.NormStd), recipe.Clips.Normalization);
        Assert.Equal(augment.Noise ? new IFeatureStep[] { new NoiseStep() } : [], recipe.Clips.NormalizedSteps);
        Assert.Equal(augment.LabelSmoothing, recipe.Clips.LabelSmoothing);

        var train = spec.Train;
        Assert.Equal(train.Loss, recipe.Loss.Kind);
        Assert.Equal((train.AccumulationSteps, train.ClipNorm), (recipe.AccumulationSteps, recipe.ClipNorm));
        var o = train.Optimizer;
        Assert.Equal((o.Kind, o.LearningRate, (o.Beta1, o.Beta2), o.WeightDecay),
            (recipe.Optimizer.Kind, recipe.Optimizer.LearningRate, recipe.Optimizer.Betas, recipe.Optimizer.WeightDecay));
        var s = train.Schedule;
        var decay = s.Kind switch
        {
            ScheduleKind.Constant => ScheduleRecipe.Constant(),
            ScheduleKind.MultiStep => ScheduleRecipe.MultiStep(s.DecayStart, s.DecayStep, s.Gamma),
            ScheduleKind.Plateau => ScheduleRecipe.Plateau(s.Patience, s.PlateauFactor),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), s.Kind, "unknown schedule"),
        };
        Assert.Equal(decay.Decay, recipe.Schedule.Decay);
        Assert.Equal(s.Warmup ? s.WarmupSteps : null, recipe.Schedule.WarmupSteps);
        if (s.Warmup) Assert.Equal(s.WarmupInterval, recipe.Schedule.WarmupInterval);
    }

    // Every contract-typed section of the resolved spec must arrive, value-equal, in the definition the runtime gets.
    // The sections are records of the contract (lists are ValueLists), so equality compares every field.
    private static void AssertEverySectionReachesTheRuntime(Resolved.ResolvedSpec spec, ExperimentDefinition definition)
    {
        var sections = typeof(Resolved.ResolvedSpec).GetProperties()
            .Where(p => p.PropertyType.Namespace == typeof(AstOptions).Namespace && !p.PropertyType.IsGenericType)
            .ToList();
        Assert.Equal(7, sections.Count);
        foreach (var section in sections)
        {
            var target = Assert.Single(typeof(ExperimentDefinition).GetProperties(), p => p.PropertyType == section.PropertyType);
            Assert.Equal(section.GetValue(spec), target.GetValue(definition));
        }
        Assert.Equal("/elsewhere", definition.SpecDirectory);
    }

    private static T Const<T>(Type type, string name) =>
        (T)type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
}
