using AstDsl.Audio.Features;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Experiments;

namespace AstDsl.Export;

/// <summary>
/// What an exporter needs besides the weights: the network shape, the front end the model was trained with, the
/// labels and whether outputs are multi-label (sigmoid) or single-label (softmax).
/// </summary>
public sealed record ExportDescription
{
    /// <summary>Experiment name, stored in the model's metadata.</summary>
    public required string Experiment { get; init; }
    /// <summary>Network shape.</summary>
    public required AstOptions Network { get; init; }
    /// <summary>Front end (fbank settings, target length, normalisation statistics, channel policy).</summary>
    public ClipPipelineOptions Pipeline { get; init; } = new();
    /// <summary>Sample rate the front end expects, in Hz.</summary>
    public int SampleRate { get; init; } = 16000;
    /// <summary>Class labels by output index.</summary>
    public IReadOnlyList<LabelInfo> Labels { get; init; } = Array.Empty<LabelInfo>();
    /// <summary>True for sigmoid outputs (BCE training), false for softmax (CE).</summary>
    public bool MultiLabel { get; init; } = true;

    /// <summary>The description stored in a checkpoint's metadata.</summary>
    public static ExportDescription From(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new ExportDescription
        {
            Experiment = metadata.Experiment,
            Network = metadata.Model,
            Pipeline = FeatureOptions.ToPipeline(metadata.Features),
            SampleRate = metadata.Features.SampleRate,
            Labels = metadata.Labels,
            MultiLabel = metadata.Loss != LossKind.Ce,
        };
    }
}
