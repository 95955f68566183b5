using AstDsl.Model;
using AstDsl.Models.Generated;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Model.Tests;

/// <summary>The six parity cases of shared/golden (section B): tiny224 DeiT transferred by the official code.</summary>
public static class GoldenCases
{
    public const string DeitSafetensors = "deit_tiny_distilled_random.safetensors";
    public const string DeitPth = "deit_tiny_distilled_random.pth";

    private static readonly Dictionary<string, (int Labels, int FStride, int TStride, int Frames)> Cases = new()
    {
        ["as1024"] = (527, 10, 10, 1024),
        ["esc512"] = (50, 10, 10, 512),
        ["sc128"] = (35, 10, 10, 128),
        ["nooverlap100"] = (10, 16, 16, 100),
        ["dense6"] = (7, 6, 6, 100),
        ["asym"] = (3, 13, 8, 100),
    };

    private static readonly Lazy<Dictionary<string, Tensor>> Deit = new(() => Golden.Load(DeitSafetensors));

    // The networks tests/Model/Specs/golden_*.ast generate for the same configurations.
    private static readonly Dictionary<string, Func<AstNetwork>> GeneratedNetworks = new()
    {
        ["as1024"] = () => new GoldenAs1024Network(),
        ["esc512"] = () => new GoldenEsc512Network(),
        ["sc128"] = () => new GoldenSc128Network(),
        ["nooverlap100"] = () => new GoldenNooverlap100Network(),
        ["dense6"] = () => new GoldenDense6Network(),
        ["asym"] = () => new GoldenAsymNetwork(),
    };

    public static IEnumerable<object[]> Names => Cases.Keys.Select(k => new object[] { k });

    /// <summary>Every case with both networks: the hand-written <see cref="AstModel"/> and the one its spec generates.</summary>
    public static IEnumerable<object[]> NamesAndNetworks => Cases.Keys.SelectMany(k => new[] { new object[] { k, false }, new object[] { k, true } });

    /// <summary>A fresh network of case <paramref name="name"/>: generated from its spec, or the hand-written model.</summary>
    public static AstNetwork Network(string name, bool generated) => generated ? GeneratedNetworks[name]() : new AstModel(Options(name));

    /// <summary>The ImageNet checkpoint A (timm key names).</summary>
    public static IReadOnlyDictionary<string, Tensor> DeitStateDict => Deit.Value;

    public static AstOptions Options(string name)
    {
        var c = Cases[name];
        return AstOptions.ForSize(ModelSize.Tiny224, c.Labels) with
        {
            FStride = c.FStride, TStride = c.TStride, InputTDim = c.Frames, InputFDim = 128,
        };
    }

    public static Dictionary<string, Tensor> CaseFile(string name) => Golden.Load($"ast_{name}.safetensors");

    /// <summary>The official model's full state dict: every A tensor under 'v.', overridden by the case file's stored ones.</summary>
    public static Dictionary<string, Tensor> FullStateDict(Dictionary<string, Tensor> caseFile)
    {
        var full = DeitStateDict.ToDictionary(kv => "v." + kv.Key, kv => kv.Value);
        foreach (var (key, value) in caseFile)
            if (key.StartsWith("v.", StringComparison.Ordinal) || key.StartsWith("mlp_head.", StringComparison.Ordinal))
                full[key] = value;
        return full;
    }
}
