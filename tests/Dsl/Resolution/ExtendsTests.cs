using AstDsl.Dsl.Loading;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Resolution;

public sealed class ExtendsTests
{
    [Fact]
    public void Esc50_overrides_single_fields_and_inherits_the_rest_of_audioset()
    {
        var esc = SpecCompiler.Load(Shipped("esc50")).Spec!;
        Assert.Equal("esc50", esc.Name);
        Assert.Equal((512, -6.6268077, 25.0), (esc.Features.TargetLength, esc.Features.NormMean, esc.Features.FrameLengthMs));
        Assert.Equal((50, PretrainKind.AudioSet, 768), (esc.Model.LabelCount, esc.Pretrain.Kind, esc.Model.Width));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, esc.Data.Folds);
        Assert.Equal((LossKind.Ce, 48, 25, 1e-5, 0.95), (esc.Train.Loss, esc.Train.BatchSize, esc.Train.Epochs, esc.Train.Optimizer.LearningRate, esc.Train.Optimizer.Beta1));
        Assert.Equal((ScheduleKind.MultiStep, 5, 0.85), (esc.Train.Schedule.Kind, esc.Train.Schedule.DecayStart, esc.Train.Schedule.Gamma));
        Assert.Null(esc.Train.WeightAveraging);
        Assert.Equal((12, 50), (esc.Shapes.FDim, esc.Shapes.TDim));
        Assert.Single(esc.ExtendsChain, path => path.EndsWith("/audioset.ast", StringComparison.Ordinal));
    }

    [Fact]
    public void Paths_resolve_against_the_extending_specs_folder()
    {
        var result = Check(("a/b/child.ast", "experiment child extends \"../base.ast\"\n"), ("a/base.ast", Minimal));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("a/base.ast", result.Spec!.ExtendsChain.Single());
    }

    [Fact]
    public void The_hash_covers_what_the_extended_specs_resolve_to_not_their_text()
    {
        var child = ("c.ast", "experiment c extends \"b.ast\"\n");
        var first = Check(child, ("b.ast", Minimal)).Spec!.SpecHash;
        Assert.NotEqual(first, Check(child, ("b.ast", Minimal + "\ntrain { epochs = 7 }\n")).Spec!.SpecHash);
        Assert.Equal(first, Check(child, ("b.ast", Minimal + "\n# edited\n")).Spec!.SpecHash);
        Assert.Equal(first, Check(child, ("b.ast", Minimal.Replace("\n", "\r\n"))).Spec!.SpecHash);
    }

    [Theory]
    [InlineData("models/esc50.ast", "audioset.ast", "models/audioset.ast")]
    [InlineData("/abs/models/x.ast", "../base/y.ast", "/abs/base/y.ast")]
    [InlineData("x.ast", "./y.ast", "y.ast")]
    [InlineData("a\\b\\x.ast", "..\\y.ast", "a/y.ast")]
    public void Spec_paths_resolve_textually(string from, string relative, string expected) =>
        Assert.Equal(expected, SpecPaths.Resolve(from, relative));
}
