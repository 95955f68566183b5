using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Inference;
using AstDsl.Dsl.Loading;
using AstDsl.Dsl.Merging;
using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Resolving;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl;

/// <summary>
/// The front door for <c>astc</c> and the source generator: load a spec with its <c>extends</c> chain, check it and
/// resolve it. Never throws for bad input; every problem comes back as a <see cref="Diagnostic"/>.
/// </summary>
public static class SpecCompiler
{
    /// <summary>Loads and checks the spec at <paramref name="path"/> from disk, warning about data files that do not exist.</summary>
    public static SpecCompilation Load(string path) => Load(path, DiskFileSystem.Instance, File.Exists);

    /// <summary>Loads and checks the spec at <paramref name="path"/> from <paramref name="files"/>; data files are not looked for.</summary>
    public static SpecCompilation Load(string path, IFileSystem files) => Load(path, files, null);

    /// <summary>
    /// Loads and checks the spec at <paramref name="path"/> from <paramref name="files"/>; with
    /// <paramref name="dataFileExists"/>, every data file the spec names is looked up and a missing one is an AST0024 warning.
    /// </summary>
    public static SpecCompilation Load(string path, IFileSystem files, Func<string, bool>? dataFileExists) =>
        Load(path, files, dataFileExists, followPretrainSpec: true);

    // A pretraining spec named by ssl(spec: ...) is loaded without following its own, so specs cannot loop.
    private static SpecCompilation Load(string path, IFileSystem files, Func<string, bool>? dataFileExists, bool followPretrainSpec)
    {
        var chain = SpecLoader.Load(path, files);
        var diagnostics = chain.Diagnostics.ToList();
        if (chain.Files.Count == 0 || diagnostics.Any(d => d.IsError)) return Finish(null, diagnostics, chain);

        var context = new BindContext(diagnostics);
        var merged = SpecMerger.Merge(chain.Files, diagnostics);
        var bound = SpecBinder.Bind(merged, context);
        var features = SpecResolver.Features(bound);
        var model = SpecResolver.Model(bound, features);
        var pretrain = SpecResolver.Pretrain(bound);
        var data = SpecResolver.Data(bound);
        var train = SpecResolver.Train(bound);
        var evaluation = SpecResolver.Evaluation(bound);
        var augment = SpecResolver.Augment(bound);
        FeatureRules.Check(bound, features, augment, context);
        ModelRules.Check(bound, model, pretrain, context);
        PretrainRules.Check(bound, model, pretrain, context);
        if (followPretrainSpec && pretrain.SpecPath is { } pretrainSpec && !bound.AnyRejected("model.pretrain"))
            PretrainRules.CheckAgainst(bound, model, pretrainSpec, Load(SpecPaths.Resolve(chain.Files[0].Path, pretrainSpec), files, null, followPretrainSpec: false), context);
        TrainingRules.Check(bound, data, train, evaluation, context);
        if (dataFileExists is not null) DataFileRules.Check(bound, chain.Files[0].Path, data, pretrain, dataFileExists, context);
        if (context.HasErrors) return Finish(null, diagnostics, chain);

        ShapeInfo shapes;
        try
        {
            shapes = ShapeInference.Infer(model);
        }
        catch (OverflowException)
        {
            context.Report(DiagnosticCatalog.OutOfRange, bound.SpanOf("model.width", "model.size"),
                "the model is too large to count its parameters in 64 bits; reduce width, depth or input size");
            return Finish(null, diagnostics, chain);
        }

        var root = chain.Files[0];
        var spec = new ResolvedSpec(
            merged.Name, root.Path, "", chain.Files.Skip(1).Select(f => f.Path).ToValueList(),
            features, model, pretrain, data, augment, train, evaluation, shapes);
        return Finish(spec with { SpecHash = SpecHasher.Hash(spec) }, diagnostics, chain);
    }

    /// <summary>Checks spec <paramref name="text"/> as if it were the file <paramref name="path"/> (which may not extend other specs on disk).</summary>
    public static SpecCompilation Compile(string text, string path) =>
        Load(path, new InMemoryFileSystem(new[] { new KeyValuePair<string, string>(path, text) }));

    private static SpecCompilation Finish(ResolvedSpec? spec, List<Diagnostic> diagnostics, SpecChain chain)
    {
        var ordered = diagnostics
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ToValueList();
        return new SpecCompilation(spec, ordered, chain);
    }
}
