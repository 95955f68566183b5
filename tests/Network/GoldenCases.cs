using AstDsl.Network;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>The six parity cases of shared/golden (section B): tiny224 DeiT transferred by the official code.</summary>
public static class GoldenCases
{
    public const string DeitSafetensors = GoldenStateDict.DeitSafetensors;
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

    public static IEnumerable<string> CaseNames => Cases.Keys;

    public static IEnumerable<object[]> Names => Cases.Keys.Select(k => new object[] { k });

    /// <summary>The ImageNet checkpoint A (timm key names).</summary>
    public static IReadOnlyDictionary<string, Tensor> DeitStateDict => GoldenStateDict.DeitStateDict;

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
    public static Dictionary<string, Tensor> FullStateDict(Dictionary<string, Tensor> caseFile) => GoldenStateDict.Full(caseFile);
}
