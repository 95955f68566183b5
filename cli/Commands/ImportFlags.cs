using System.CommandLine;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;

namespace AstDsl.Cli.Commands;

/// <summary>
/// The options that fill in what a released checkpoint (official AST .pth/.safetensors, Hugging Face folder) does not
/// store, shared by every command that loads one. They are ignored for AstDsl .astckpt files and run folders, which
/// carry all of it.
/// </summary>
public sealed class ImportFlags
{
    private readonly Option<FileInfo?> _labels = new("--labels") { Description = "class_labels_indices.csv naming the outputs of a released checkpoint." };
    private readonly Option<double?> _mean = new("--mean") { Description = "Fbank mean of the training data (default: the official AudioSet -4.2677393)." };
    private readonly Option<double?> _std = new("--std") { Description = "Fbank standard deviation of the training data (default: the official AudioSet 4.5689974)." };
    private readonly Option<int?> _targetLength = new("--target-length") { Description = "Frames the checkpoint was trained on (default 1024, AudioSet; ESC-50 512, Speech Commands 128)." };
    private readonly Option<int?> _melBins = new("--mel-bins") { Description = "Mel bins the checkpoint was trained on (default 128)." };
    private readonly Option<int?> _fstride = new("--fstride") { Description = "Frequency stride, if the position embeddings leave it ambiguous." };
    private readonly Option<int?> _tstride = new("--tstride") { Description = "Time stride, if the position embeddings leave it ambiguous." };
    private readonly Option<int?> _heads = new("--heads") { Description = "Attention heads (default: the DeiT/ViT preset for the width: 192 -> 3, 384 -> 6, 768 -> 12)." };
    private readonly Option<string?> _activation = new("--activation") { Description = "sigmoid (multi-label) or softmax (default: sigmoid for 527 AudioSet outputs, else softmax)." };
    private readonly Option<string?> _convention = new("--convention") { Description = "official or hf: whose LayerNorm epsilons and front end the weights expect (default: by layout)." };

    private readonly bool _withLabels;

    /// <summary>The flags; <paramref name="withLabels"/> false for commands whose own <c>--labels</c> serves both purposes.</summary>
    public ImportFlags(bool withLabels = true) => _withLabels = withLabels;

    /// <summary>Every option, to add to a command.</summary>
    public IEnumerable<Option> All =>
        (_withLabels ? [_labels] : Array.Empty<Option>()).Concat([_mean, _std, _targetLength, _melBins, _fstride, _tstride, _heads, _activation, _convention]);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>The import options the user gave (<c>--labels</c> only when this instance owns it).</summary>
    /// <exception cref="ArgumentException">An unknown activation or convention name.</exception>
    public ModelImportOptions Read(ParseResult result) => new()
    {
        LabelCsv = _withLabels ? result.GetValue(_labels)?.FullName : null,
        Mean = result.GetValue(_mean),
        Std = result.GetValue(_std),
        TargetLength = result.GetValue(_targetLength),
        MelBins = result.GetValue(_melBins),
        FStride = result.GetValue(_fstride),
        TStride = result.GetValue(_tstride),
        Heads = result.GetValue(_heads),
        Activation = result.GetValue(_activation) switch
        {
            null => null,
            "sigmoid" => LossKind.Bce,
            "softmax" => LossKind.Ce,
            var other => throw new ArgumentException($"--activation {other}: use sigmoid (multi-label) or softmax (single-label)."),
        },
        Convention = result.GetValue(_convention) switch
        {
            null => null,
            "official" => WeightConvention.Official,
            "hf" => WeightConvention.HuggingFace,
            var other => throw new ArgumentException($"--convention {other}: use official (YuanGongND/ast) or hf (Hugging Face transformers)."),
        },
    };
}
