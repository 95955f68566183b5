namespace AstDsl.Contract;

/// <summary>
/// The numerical conventions a set of AST weights was trained and released under. The two published
/// implementations differ in LayerNorm epsilons (and, in the front end, in whether the waveform mean is removed),
/// so a model must run with the convention of its weights to reproduce their outputs.
/// </summary>
public enum WeightConvention
{
    /// <summary>The official YuanGongND/ast code: LayerNorm eps 1e-6 in the timm backbone, 1e-5 in the head.</summary>
    Official,
    /// <summary>Hugging Face <c>ASTForAudioClassification</c>: one LayerNorm eps (config <c>layer_norm_eps</c>, 1e-12) everywhere.</summary>
    HuggingFace,
}
