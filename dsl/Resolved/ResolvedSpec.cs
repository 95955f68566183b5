using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Resolved;

/// <summary>
/// A checked experiment: <c>extends</c> flattened, defaults filled in, shapes inferred. Its sections are the experiment
/// contract's records (<c>AstDsl.Contract</c>), the same types the generated code hands to the runtime. Value-equal
/// (lists are <see cref="ValueList{T}"/>), so the source generator can cache on it.
/// </summary>
/// <param name="Name">Experiment name.</param>
/// <param name="SpecPath">Normalised path of the spec.</param>
/// <param name="SpecHash">SHA-256 of the resolved experiment (<see cref="Loading.SpecHasher"/>): comments and layout do not count.</param>
/// <param name="ExtendsChain">Paths of the extended specs, nearest first.</param>
/// <param name="Features">Audio front end.</param>
/// <param name="Model">Network shape.</param>
/// <param name="Pretrain">Initial weights.</param>
/// <param name="Data">Datasets.</param>
/// <param name="Augment">Augmentation.</param>
/// <param name="Train">Optimisation.</param>
/// <param name="Evaluation">Evaluation.</param>
/// <param name="Shapes">Inferred shapes, parameters and FLOPs.</param>
public sealed record ResolvedSpec(
    string Name, string SpecPath, string SpecHash, ValueList<string> ExtendsChain,
    FeatureSettings Features, AstOptions Model, PretrainSettings Pretrain, DataSettings Data, AugmentSettings Augment,
    TrainSettings Train, EvaluationSettings Evaluation, ShapeInfo Shapes)
{
    /// <summary>Folder of the spec; relative paths in the spec resolve against it.</summary>
    public string SpecDirectory => Loading.SpecPaths.Directory(SpecPath);
}
