using TorchSharp;

namespace AstDsl.TestSupport;

/// <summary>Official AST state dicts rebuilt from the golden files (section B of shared/golden/README.md).</summary>
public static class GoldenStateDict
{
    /// <summary>The random ImageNet DeiT-tiny checkpoint A (timm key names).</summary>
    public const string DeitSafetensors = "deit_tiny_distilled_random.safetensors";

    private static readonly Lazy<Dictionary<string, torch.Tensor>> Deit = new(() => Golden.Load(DeitSafetensors));

    /// <summary>Checkpoint A's tensors.</summary>
    public static IReadOnlyDictionary<string, torch.Tensor> DeitStateDict => Deit.Value;

    /// <summary>The official model's full state dict of a case: every A tensor under 'v.', overridden by the case file's stored ones.</summary>
    public static Dictionary<string, torch.Tensor> Full(IReadOnlyDictionary<string, torch.Tensor> caseFile)
    {
        var full = DeitStateDict.ToDictionary(kv => "v." + kv.Key, kv => kv.Value);
        foreach (var (key, value) in caseFile)
            if (key.StartsWith("v.", StringComparison.Ordinal) || key.StartsWith("mlp_head.", StringComparison.Ordinal))
                full[key] = value;
        return full;
    }
}
