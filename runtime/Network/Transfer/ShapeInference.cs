using System.Globalization;
using AstDsl.Network.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>What a state dict cannot tell about its model: the training input size, and optionally strides and heads.</summary>
public sealed record ShapeHints
{
    /// <summary>Input length in frames the checkpoint was trained on (the official AudioSet models: 1024).</summary>
    public int Frames { get; init; } = 1024;
    /// <summary>Mel bins of the training input.</summary>
    public int MelBins { get; init; } = 128;
    /// <summary>Frequency stride if known (e.g. from a Hugging Face config); otherwise derived from the position embeddings.</summary>
    public int? FStride { get; init; }
    /// <summary>Time stride if known; otherwise derived.</summary>
    public int? TStride { get; init; }
    /// <summary>Attention heads; official checkpoints do not store them, so the ViT preset for the width is used when null.</summary>
    public int? Heads { get; init; }
    /// <summary>Numerical convention the weights follow.</summary>
    public WeightConvention Convention { get; init; } = WeightConvention.Official;
}

/// <summary>A model shape read off a state dict, with one sentence per value that was assumed rather than read.</summary>
/// <param name="Options">The shape.</param>
/// <param name="Notes">What was derived or defaulted, for the user to see.</param>
public sealed record InferredShape(AstOptions Options, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the shape of an AST from an official-layout state dict (keys <c>v.*</c>, <c>mlp_head.*</c>): width and patch
/// size from <c>v.patch_embed.proj.weight</c>, depth from the block indices, MLP ratio from <c>fc1</c>, the token kind
/// from <c>v.dist_token</c>, the label count from <c>mlp_head.1.weight</c>, and the strides from the number of
/// position-embedding rows for the given input size (<see cref="PatchGridSearch"/>). Heads are not stored anywhere:
/// they come from the hints or from the DeiT/ViT preset of the width.
/// </summary>
public static class ShapeInference
{
    /// <summary>Heads of the DeiT/ViT presets by width (tiny, small, base).</summary>
    public static readonly IReadOnlyDictionary<int, int> PresetHeads = new Dictionary<int, int> { [192] = 3, [384] = 6, [768] = 12 };

    private const string BlockPrefix = "v.blocks.";

    /// <summary>The shape of the model behind <paramref name="stateDict"/>.</summary>
    /// <exception cref="CheckpointException">A needed tensor is missing or has an impossible shape.</exception>
    public static InferredShape Infer(IReadOnlyDictionary<string, Tensor> stateDict, ShapeHints hints, string sourcePath)
    {
        var notes = new List<string>();
        var patchWeight = ParameterCopy.Required(stateDict, "v.patch_embed.proj.weight", sourcePath, "the patch projection, (D, 1, 16, 16)");
        if (patchWeight.dim() != 4 || patchWeight.shape[1] != 1 || patchWeight.shape[2] != patchWeight.shape[3])
            throw new CheckpointException(sourcePath,
                $"'v.patch_embed.proj.weight' has shape [{string.Join(", ", patchWeight.shape)}]; an AST has (D, 1, p, p). " +
                "(A timm ImageNet DeiT/ViT has 3 input channels: use it with pretrain imagenet in a spec.)");
        var width = (int)patchWeight.shape[0];
        var patch = (int)patchWeight.shape[2];
        var depth = Depth(stateDict, sourcePath);
        var hidden = ParameterCopy.Required(stateDict, $"{BlockPrefix}0.mlp.fc1.weight", sourcePath, "the first MLP layer").shape[0];
        var labels = ParameterCopy.Required(stateDict, "mlp_head.1.weight", sourcePath, "the classifier head's Linear, (labels, D)").shape[0];
        var distilled = stateDict.ContainsKey("v.dist_token");
        var special = distilled ? 2 : 1;
        var positions = ParameterCopy.Required(stateDict, "v.pos_embed", sourcePath, "the position embeddings, (1, tokens, D)").shape[1];

        var (fs, ts) = PatchGridSearch.FindStrides(positions - special,
            new GridQuery(hints.MelBins, hints.Frames, patch, hints.FStride, hints.TStride), sourcePath,
            "Pass the input length it was trained on with --target-length (AudioSet 1024, ESC-50 512, Speech Commands 128) and --mel-bins if not 128.");
        var heads = Heads(width, hints.Heads, sourcePath, notes);
        var options = new AstOptions
        {
            Size = SizePresets.FromShape(width, depth, heads),
            LabelCount = (int)labels, InputFDim = hints.MelBins, InputTDim = hints.Frames, FPatch = patch, TPatch = patch,
            FStride = fs, TStride = ts, Width = width, Depth = depth, Heads = heads,
            MlpRatio = MlpRatio(hidden, width, sourcePath), DistillationToken = distilled, Convention = hints.Convention,
        };
        if (hints.FStride is null || hints.TStride is null)
            notes.Add(string.Format(CultureInfo.InvariantCulture,
                "patch grid {0} x {1} (stride {2} x {3}) from {4} position-embedding rows on {5} mel bins x {6} frames",
                options.FDim, options.TDim, fs, ts, positions, hints.MelBins, hints.Frames));
        try
        {
            return new InferredShape(options.Validate(), notes);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(sourcePath, $"the inferred shape is not a valid AST: {e.Message}", e);
        }
    }

    private static int Depth(IReadOnlyDictionary<string, Tensor> stateDict, string sourcePath)
    {
        var depth = stateDict.Keys.Where(k => k.StartsWith(BlockPrefix, StringComparison.Ordinal))
            .Select(k => int.Parse(k.AsSpan(BlockPrefix.Length, k.IndexOf('.', BlockPrefix.Length) - BlockPrefix.Length), CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Max() + 1;
        return depth > 0 ? depth : throw new CheckpointException(sourcePath, "has no transformer blocks ('v.blocks.N.*'); is it an AST checkpoint?");
    }

    private static int Heads(int width, int? given, string sourcePath, List<string> notes)
    {
        if (given is { } heads) return heads;
        if (PresetHeads.TryGetValue(width, out var preset))
        {
            notes.Add($"{preset} attention heads: the DeiT/ViT preset for width {width} (checkpoints do not store heads; --heads overrides)");
            return preset;
        }
        throw new CheckpointException(sourcePath,
            $"has width {width}, which is none of the DeiT/ViT presets ({string.Join(", ", PresetHeads.Select(p => $"{p.Key}: {p.Value} heads"))}); " +
            "checkpoints do not store the number of attention heads, so pass it with --heads.");
    }

    private static int MlpRatio(long hidden, int width, string sourcePath) =>
        hidden % width == 0
            ? (int)(hidden / width)
            : throw new CheckpointException(sourcePath, $"its MLP hidden width {hidden} is not a multiple of the embedding width {width}.");
}
