using AstDsl.Hosting;
using AstDsl.Models.Generated;
using AstDsl.Training.Data;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Hosting;

public sealed class ExperimentCompilerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("astdsl-spec-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string CopyShipped(string name, Func<string, string>? edit = null)
    {
        var path = Path.Combine(folder, name + ".ast");
        File.WriteAllText(path, (edit ?? (text => text))(File.ReadAllText(Shipped(name))));
        return path;
    }

    [Fact]
    public void A_spec_compiles_in_memory_to_the_same_experiment_the_build_generates()
    {
        var result = ExperimentCompiler.Compile(CopyShipped("demo"));
        Assert.True(result.Succeeded, string.Join("\n", result.CompilerErrors.Concat(result.Diagnostics.Select(d => d.ToString()))));
        var experiment = result.Experiment!;
        Assert.Equal(("demo", DemoExperiment.Hash), (experiment.Name, experiment.SpecHash));
        Assert.NotEqual(typeof(DemoExperiment), experiment.GetType());
        Assert.Equal(DemoExperiment.ModelOptions, result.Definition!.Model);
        Assert.Equal(folder, result.Definition.SpecDirectory);
        using var model = experiment.CreateModel();
        Assert.Equal(DemoExperiment.ParameterCount, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void A_fine_tuning_spec_compiles_with_the_pretraining_spec_it_names()
    {
        CopyShipped("demo");
        CopyShipped("demo_ssl");
        // Another seed than the shipped one, so the built class does not apply and the generator runs on the copies.
        var path = CopyShipped("demo_finetune", text => text.Replace("epochs = 12", "epochs = 12\n  seed = 7"));
        var result = ExperimentCompiler.Compile(path);
        Assert.True(result.Succeeded, string.Join("\n", result.CompilerErrors.Concat(result.Diagnostics.Select(d => d.ToString()))));
        Assert.Equal((PretrainKind.Ssl, "demo_ssl.ast", 7), (result.Definition!.Pretrain.Kind, result.Definition.Pretrain.SpecPath, result.Definition.Train.Seed));
    }

    [Fact]
    public void The_loader_uses_the_built_class_while_the_spec_is_unchanged()
    {
        var result = ExperimentLoader.Load(CopyShipped("demo"), typeof(DemoExperiment).Assembly);
        Assert.IsType<DemoExperiment>(result.Experiment);
    }

    [Fact]
    public void A_copied_spec_run_through_the_built_class_reads_the_data_next_to_the_copy()
    {
        var copy = CopyShipped("demo");
        var result = ExperimentLoader.Load(copy, typeof(DemoExperiment).Assembly);
        Assert.IsType<DemoExperiment>(result.Experiment);
        var definition = result.Definition!;
        Assert.Equal(Path.GetFullPath(Path.Combine(folder, "../demo-data/train.json")), ExperimentData.Resolve(definition, definition.Data.TrainFile));
        Assert.Equal(Path.GetFullPath(Path.Combine(folder, "../demo-data/eval.json")), ExperimentData.Resolve(definition, definition.Data.EvalFile));
        Assert.Contains($"spec: {copy}", definition.ResolvedSpecYaml);
    }

    [Fact]
    public void The_loader_compiles_an_edited_spec_in_memory()
    {
        // Any epoch count other than the shipped one makes the spec differ from the built class.
        var path = CopyShipped("demo", text => System.Text.RegularExpressions.Regex.Replace(text, @"epochs = \d+", "epochs = 3"));
        var result = ExperimentLoader.Load(path, typeof(DemoExperiment).Assembly);
        Assert.True(result.Succeeded, string.Join("\n", result.CompilerErrors));
        Assert.IsNotType<DemoExperiment>(result.Experiment);
        Assert.Equal(3, result.Definition!.Train.Epochs);
    }

    [Fact]
    public void Spec_errors_come_back_as_diagnostics_without_compiling()
    {
        var path = CopyShipped("demo", text => text.Replace("heads = 4", "heads = 5"));
        var result = ExperimentLoader.Load(path, typeof(DemoExperiment).Assembly);
        Assert.False(result.Succeeded);
        Assert.Equal("AST0012", Assert.Single(result.Diagnostics, d => d.IsError).Id);
        Assert.Empty(result.CompilerErrors);
    }
}
