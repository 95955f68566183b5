using AstDsl.Network;
using AstDsl.Network.Checkpoints;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Checkpoints;

/// <summary>
/// Writes a model as a Hugging Face <c>ASTForAudioClassification</c> folder: <c>model.safetensors</c> (HF key names,
/// split query/key/value), <c>config.json</c> (shape, strides, input size, labels, activation) and
/// <c>preprocessor_config.json</c> (ASTFeatureExtractor with the model's normalisation).
/// </summary>
public static class HuggingFaceExport
{
    /// <summary>Name of the weight file inside the folder.</summary>
    public const string WeightFile = "model.safetensors";

    /// <summary>Writes <paramref name="checkpoint"/> into <paramref name="folder"/>; returns what does not carry over exactly.</summary>
    /// <exception cref="CheckpointException">The model cannot be expressed as an HF AST (no distillation token, rectangular patches, frequency/time position embeddings).</exception>
    public static IReadOnlyList<string> Write(LoadedCheckpoint checkpoint, string folder)
    {
        var metadata = checkpoint.Metadata;
        var shape = metadata.Model;
        if (!shape.DistillationToken)
            throw new CheckpointException(checkpoint.Path,
                "has only a class token; Hugging Face's ASTForAudioClassification always has a distillation token, so it cannot hold this model.");
        if (shape.FPatch != shape.TPatch || shape.Position != PositionKind.Grid)
            throw new CheckpointException(checkpoint.Path,
                $"has {shape.FPatch} x {shape.TPatch} patches with {LanguageWords.Of(shape.Position)} position embeddings; Hugging Face's ASTForAudioClassification " +
                "has square patches and one grid of position embeddings, so it cannot hold this model.");
        Directory.CreateDirectory(folder);
        var weights = checkpoint.StateDict();
        try
        {
            var path = Path.Combine(folder, WeightFile);
            StateDictFile.Write(path, HuggingFaceLayout.FromOfficial(weights, checkpoint.Path));
            SafetensorsMetadata.Add(path, new Dictionary<string, string> { ["format"] = "pt" });
        }
        finally
        {
            foreach (var tensor in weights.Values) tensor.Dispose();
        }
        // Without stored names, transformers' own placeholders (LABEL_i), which an import recognises as no names.
        var labels = Enumerable.Range(0, shape.LabelCount)
            .Select(i => metadata.Labels.Count > 0 ? metadata.LabelName(i) : $"LABEL_{i}").ToArray();
        HuggingFaceConfig.From(shape, labels, metadata.Loss == LossKind.Bce).Write(folder);
        var features = metadata.Features;
        new HuggingFaceFeatureConfig
        {
            MaxLength = features.TargetLength, NumMelBins = features.MelBins, SamplingRate = features.SampleRate,
            Mean = features.NormMean, Std = features.NormStd,
        }.Write(folder);
        return Caveats(shape, features);
    }

    private static IReadOnlyList<string> Caveats(AstOptions shape, FeatureSettings features)
    {
        var notes = new List<string>();
        if (shape.Convention == WeightConvention.Official)
            notes.Add($"config.json layer_norm_eps is the official backbone's {shape.BackboneLayerNormEps:G}; transformers applies it to the classifier LayerNorm too " +
                      $"(official {shape.HeadLayerNormEps:G}), which moves logits by about 1e-5 relative. AstDsl reads the folder back with the official epsilons.");
        if (features.RemoveWaveformMean)
            notes.Add("ASTFeatureExtractor does not subtract the waveform mean as the official loader did for these weights; audio with a DC offset gets slightly different features there.");
        if (features.Window != WindowKind.Hanning || features.FrameShiftMs != 10 || features.FrameLengthMs != 25)
            notes.Add($"the model was trained with a {LanguageWords.Of(features.Window)} window, {features.FrameLengthMs} ms frames every {features.FrameShiftMs} ms; ASTFeatureExtractor uses hanning, 25 ms, 10 ms.");
        return notes;
    }
}
