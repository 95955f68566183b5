using System.Globalization;
using System.Text.Json;
using AstDsl.Tagging;
using Google.Protobuf;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Evaluation;
using Onnx;
using static TorchSharp.torch;

namespace AstDsl.Export;

/// <summary>
/// Writes a trained AST as an ONNX model (opset 17, symbolic batch): from log-mel features, or with
/// <c>frontEnd</c> from 16 kHz mono samples through the Kaldi fbank. Outputs are <c>logits</c> and the pooled
/// <c>embedding</c> (plus the normalised <c>features</c> when the front end is included); labels, activation and
/// front-end settings go into the metadata properties.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The ONNX operator set the graph uses (LayerNormalization and DFT need 17).</summary>
    public const int Opset = 17;

    /// <summary>Exports a checkpoint file, a run folder's best weights or a released checkpoint, loaded exactly as <c>astc infer</c> loads them.</summary>
    public static void ExportCheckpoint(string checkpointOrRun, string onnxPath, bool frontEnd, ModelImportOptions? import = null)
    {
        var loaded = ModelSource.Load(checkpointOrRun, import);
        var weights = loaded.StateDict();
        try
        {
            Export(ExportDescription.From(loaded.Metadata), weights, onnxPath, frontEnd, loaded.Path);
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
    }

    /// <summary>Exports <paramref name="stateDict"/> (official key names) as described.</summary>
    /// <param name="description">Shape, front end, labels and activation.</param>
    /// <param name="stateDict">Weights named as the official ASTModel's state dict.</param>
    /// <param name="onnxPath">Output file; written through a temporary file so a failure never leaves half a model.</param>
    /// <param name="frontEnd">Start the graph from samples instead of log-mel features.</param>
    /// <param name="source">Where the weights came from, for error messages.</param>
    public static void Export(ExportDescription description, IReadOnlyDictionary<string, Tensor> stateDict, string onnxPath, bool frontEnd, string source = "the state dict")
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(stateDict);
        var model = Build(description, stateDict, frontEnd, source);
        var full = Path.GetFullPath(onnxPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
            model.WriteTo(stream);
        File.Move(temporary, full, overwrite: true);
    }

    private static ModelProto Build(ExportDescription d, IReadOnlyDictionary<string, Tensor> stateDict, bool frontEnd, string source)
    {
        var network = d.Network.Validate();
        if (frontEnd && (d.Pipeline.TargetLength != network.InputTDim || d.Pipeline.Fbank.MelBins != network.InputFDim))
            throw new ExportException(
                $"the front end makes {d.Pipeline.TargetLength} x {d.Pipeline.Fbank.MelBins} features but the network reads {network.InputTDim} x {network.InputFDim}.");
        var g = new OnnxGraphBuilder();
        var features = OnnxMetadataKeys.Features;
        if (frontEnd)
        {
            FrontEndGraph.Check(d.Pipeline, d.SampleRate);
            g.Graph.Input.Add(OnnxGraphBuilder.FloatValue(OnnxMetadataKeys.WaveformInput, (null, "batch"), (null, "samples")));
            new FrontEndGraph(g, d.Pipeline, d.SampleRate).Append(OnnxMetadataKeys.WaveformInput, features);
            g.Graph.Output.Add(OnnxGraphBuilder.FloatValue(features, (null, "batch"), (network.InputTDim, ""), (network.InputFDim, "")));
        }
        else
        {
            g.Graph.Input.Add(OnnxGraphBuilder.FloatValue(features, (null, "batch"), (network.InputTDim, ""), (network.InputFDim, "")));
        }
        new NetworkGraph(g, network, new StateDictWeights(stateDict, source)).Append(features, OnnxMetadataKeys.Embedding, OnnxMetadataKeys.Logits);
        g.Graph.Output.Add(OnnxGraphBuilder.FloatValue(OnnxMetadataKeys.Logits, (null, "batch"), (network.LabelCount, "")));
        g.Graph.Output.Add(OnnxGraphBuilder.FloatValue(OnnxMetadataKeys.Embedding, (null, "batch"), (network.Width, "")));

        var model = new ModelProto { IrVersion = 8, ProducerName = "astc", ProducerVersion = "0.1.0", Graph = g.Graph, DocString = $"AST '{d.Experiment}'" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in Metadata(d, network.LabelCount))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    private static IEnumerable<(string, string)> Metadata(ExportDescription d, int labelCount)
    {
        var c = CultureInfo.InvariantCulture;
        var labels = Enumerable.Range(0, labelCount).Select(i => d.Labels.FirstOrDefault(l => l.Index == i)).ToArray();
        yield return (OnnxMetadataKeys.Experiment, d.Experiment);
        yield return (OnnxMetadataKeys.Labels, JsonSerializer.Serialize(labels.Select((l, i) => l?.DisplayName ?? $"class {i}")));
        yield return (OnnxMetadataKeys.LabelIds, JsonSerializer.Serialize(labels.Select((l, i) => l?.Mid ?? i.ToString(c))));
        yield return (OnnxMetadataKeys.Activation, d.MultiLabel ? OnnxMetadataKeys.Sigmoid : OnnxMetadataKeys.Softmax);
        yield return (OnnxMetadataKeys.SampleRate, d.SampleRate.ToString(c));
        yield return (OnnxMetadataKeys.MelBins, d.Pipeline.Fbank.MelBins.ToString(c));
        yield return (OnnxMetadataKeys.TargetLength, d.Pipeline.TargetLength.ToString(c));
        yield return (OnnxMetadataKeys.NormMean, d.Pipeline.NormMean.ToString("R", c));
        yield return (OnnxMetadataKeys.NormStd, d.Pipeline.NormStd.ToString("R", c));
        yield return (OnnxMetadataKeys.Window, d.Pipeline.Fbank.Window.ToString().ToLowerInvariant());
        yield return (OnnxMetadataKeys.FrameLengthMs, d.Pipeline.Fbank.FrameLengthMs.ToString("R", c));
        yield return (OnnxMetadataKeys.FrameShiftMs, d.Pipeline.Fbank.FrameShiftMs.ToString("R", c));
        yield return (OnnxMetadataKeys.Channels, d.Pipeline.Channels == Audio.Features.ChannelPolicy.DownmixMono ? OnnxMetadataKeys.Downmix : OnnxMetadataKeys.FirstChannel);
    }
}
