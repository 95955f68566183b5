using System.Text.Json.Nodes;
using AstDsl.Audio.Features;
using AstDsl.Network;
using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Inference;
using TorchSharp.PyBridge;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>
/// Released checkpoints used directly: official-layout state dicts (written here from the golden weights, in the
/// layouts the releases use) and Hugging Face folders load through the loader of astc infer/eval and give the
/// official forward's logits.
/// </summary>
public sealed class CheckpointImportTests : IDisposable
{
    private static readonly AstOptions Sc128 = AstOptions.ForSize(ModelSize.Tiny224, 35) with { InputTDim = 128 };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, Tensor> CaseFile(string name) => Golden.Load($"ast_{name}.safetensors");

    private string WriteOfficialPth(string name, Dictionary<string, Tensor> caseFile)
    {
        // As the released audioset_10_10_0.4593.pth: a DataParallel state dict, every key prefixed 'module.'.
        var path = Path.Combine(_dir.Path, $"{name}.pth");
        StateDictFile.Write(path, GoldenStateDict.Full(caseFile).ToDictionary(kv => "module." + kv.Key, kv => kv.Value));
        return path;
    }

    private static void AssertGoldenLogits(LoadedCheckpoint loaded, Dictionary<string, Tensor> caseFile, string what)
    {
        using var model = loaded.CreateModel();
        using var noGrad = no_grad();
        TensorAssert.RelativelyClose(model.forward(caseFile["input"]), caseFile["output"], 1e-5, what + " output");
        TensorAssert.Close(model.Head(caseFile["probe_head_input"]), caseFile["probe_head_output"], 1e-5, what + " probe head");
    }

    [Fact]
    public void Official_pth_loads_with_inferred_shape_and_gives_the_golden_logits()
    {
        var caseFile = CaseFile("as1024");
        var path = WriteOfficialPth("audioset_10_10", caseFile);

        var loaded = ModelSource.Load(path);

        var metadata = loaded.Metadata;
        Assert.Equal(AstOptions.ForSize(ModelSize.Tiny224, 527), metadata.Model);
        Assert.Equal(LossKind.Bce, metadata.Loss);
        Assert.Equal(new FeatureSettings(), metadata.Features);
        Assert.Equal(new[]
        {
            $"imported from {path} (official AST layout)",
            "input 128 mel bins x 1024 frames, as the official AudioSet models (--target-length/--mel-bins for checkpoints trained on other input)",
            "3 attention heads: the DeiT/ViT preset for width 192 (checkpoints do not store heads; --heads overrides)",
            "patch grid 12 x 101 (stride 10 x 10) from 1214 position-embedding rows on 128 mel bins x 1024 frames",
            "normalisation mean -4.2677393 / std 4.5689974: the official AudioSet values, as none were given (--mean/--std)",
            "no label names: outputs show as 'class N' (--labels class_labels_indices.csv names the 527 classes)",
            "activation sigmoid (multi-label): 527 outputs are AudioSet's classes (--activation softmax overrides)",
            "numerics: official AST (LayerNorm eps 1E-06 backbone / 1E-05 head; waveform mean removed before the fbank)",
        }, metadata.Notes);
        AssertGoldenLogits(loaded, caseFile, "as1024 .pth");
    }

    [Fact]
    public void Wrapped_checkpoint_with_labels_imports_to_an_astckpt_with_the_same_logits()
    {
        var caseFile = CaseFile("esc512");
        var source = Path.Combine(_dir.Path, "esc50.pth");
        using (var stream = File.Create(source))
            PyTorchPickler.PickleStateDict(stream, new Dictionary<string, object>
            {
                ["model"] = GoldenStateDict.Full(caseFile).ToDictionary(kv => "module." + kv.Key, kv => (object)kv.Value),
            });
        var csv = Path.Combine(_dir.Path, "esc_labels.csv");
        File.WriteAllLines(csv, new[] { "index,mid,display_name" }.Concat(Enumerable.Range(0, 50).Select(i => $"{i},/m/esc{i},\"sound {i}\"")));

        using (var imported = CheckpointImport.Import(source, new ModelImportOptions { TargetLength = 512, LabelCsv = csv, Mean = -6.6268077, Std = 5.358466 }))
            TrainingCheckpoint.SaveWeights(Path.Combine(_dir.Path, "esc50.astckpt"), imported.Model, imported.Metadata);
        var loaded = TrainingCheckpoint.Load(Path.Combine(_dir.Path, "esc50.astckpt"));

        Assert.Equal(50, loaded.Metadata.Model.LabelCount);
        Assert.Equal(50, loaded.Metadata.Model.TDim);
        Assert.Equal("sound 7", loaded.Metadata.LabelName(7));
        Assert.Equal((-6.6268077, 5.358466, 512), (loaded.Metadata.Features.NormMean, loaded.Metadata.Features.NormStd, loaded.Metadata.Features.TargetLength));
        Assert.Equal(LossKind.Ce, loaded.Metadata.Loss);
        Assert.Contains("activation softmax (single-label) for 50 outputs (--activation sigmoid for a multi-label model)", loaded.Metadata.Notes);
        AssertGoldenLogits(loaded, caseFile, "esc512 .astckpt");
    }

    private static JsonNode SafetensorsHeader(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        return JsonNode.Parse(reader.ReadBytes((int)reader.ReadUInt64()))!;
    }

    [Fact]
    public void Label_csv_of_another_size_is_rejected()
    {
        var path = WriteOfficialPth("sc", CaseFile("sc128"));
        var csv = Path.Combine(_dir.Path, "labels.csv");
        File.WriteAllLines(csv, ["index,mid,display_name", "0,a,A", "1,b,B"]);
        var error = Assert.Throws<TrainingConfigurationException>(() =>
            ModelSource.Load(path, new ModelImportOptions { TargetLength = 128, LabelCsv = csv }));
        Assert.Equal($"--labels: {csv} lists 2 classes but the checkpoint has 35 outputs; pass the label CSV it was trained with.", error.Message);
    }

    [Fact]
    public void Hf_export_round_trips_bit_exact_and_loads_back_with_the_golden_logits()
    {
        var caseFile = CaseFile("as1024");
        var folder = Path.Combine(_dir.Path, "hf");
        var caveats = HuggingFaceExport.Write(ModelSource.Load(WriteOfficialPth("as", caseFile)), folder);
        Assert.Equal(2, caveats.Count);

        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "config.json")))!;
        Assert.Equal(("ASTForAudioClassification", 192, 12, 3, 768), ((string)config["architectures"]![0]!, (int)config["hidden_size"]!,
            (int)config["num_hidden_layers"]!, (int)config["num_attention_heads"]!, (int)config["intermediate_size"]!));
        Assert.Equal((10, 10, 1024, 128, 16, 1e-6), ((int)config["frequency_stride"]!, (int)config["time_stride"]!, (int)config["max_length"]!,
            (int)config["num_mel_bins"]!, (int)config["patch_size"]!, (double)config["layer_norm_eps"]!));
        Assert.Equal(("LABEL_526", "multi_label_classification", "official"),
            ((string)config["id2label"]!["526"]!, (string)config["problem_type"]!, (string)config["astdsl_convention"]!));
        var extractor = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "preprocessor_config.json")))!;
        Assert.Equal((-4.2677393, 4.5689974, 1024), ((double)extractor["mean"]!, (double)extractor["std"]!, (int)extractor["max_length"]!));
        Assert.Equal("pt", (string)SafetensorsHeader(Path.Combine(folder, "model.safetensors"))["__metadata__"]!["format"]!);

        var back = HuggingFaceLayout.ToOfficial(StateDictFile.Read(Path.Combine(folder, "model.safetensors")), folder);
        foreach (var (key, value) in GoldenStateDict.Full(caseFile).Where(kv => !AstStateDict.IsUnusedImageNetHead(kv.Key)))
            TensorAssert.Equal(back[key], value, key);
        Assert.Equal(159 - 4, back.Count);

        var reloaded = ModelSource.Load(folder);
        Assert.Equal(WeightConvention.Official, reloaded.Metadata.Model.Convention);
        AssertGoldenLogits(reloaded, caseFile, "as1024 via HF folder");
    }

    [Fact]
    public void Hf_folder_of_transformers_runs_hf_numerics()
    {
        var caseFile = CaseFile("sc128");
        var folder = Path.Combine(_dir.Path, "ast-finetuned-speech-commands");
        Directory.CreateDirectory(folder);
        StateDictFile.Write(Path.Combine(folder, "model.safetensors"), HuggingFaceLayout.FromOfficial(GoldenStateDict.Full(caseFile), "sc128"));
        // As transformers writes it: ASTConfig fields, eps 1e-12, no AstDsl marker.
        new HuggingFaceConfig { HiddenSize = 192, NumAttentionHeads = 3, IntermediateSize = 768, MaxLength = 128 }.Write(folder);

        var loaded = ModelSource.Load(folder);

        Assert.Equal(Sc128 with { Convention = WeightConvention.HuggingFace }, loaded.Metadata.Model);
        Assert.False(loaded.Metadata.Features.RemoveWaveformMean);
        Assert.Equal("numerics: Hugging Face (LayerNorm eps 1E-12 backbone / 1E-12 head; waveform mean kept before the fbank)",
            loaded.Metadata.ConventionSummary());
        using var model = loaded.CreateModel();
        using var reference = new AstModel(Sc128 with { Convention = WeightConvention.HuggingFace });
        AstStateDict.Load(reference, GoldenStateDict.Full(caseFile), "sc128");
        reference.eval();
        using var noGrad = no_grad();
        TensorAssert.Equal(model.forward(caseFile["input"]), reference.forward(caseFile["input"]), "HF folder vs official layout, HF numerics");
        // Same weights under the official numerics: the official logits.
        var official = ModelSource.Load(folder, new ModelImportOptions { Convention = WeightConvention.Official });
        AssertGoldenLogits(official, caseFile, "sc128 HF folder, --convention official");
    }

    [Fact]
    public void Infer_classifies_a_wav_with_a_released_checkpoint()
    {
        var caseFile = CaseFile("sc128");
        var path = WriteOfficialPth("speechcommands", caseFile);
        var wav = Golden.PathOf("speech16k.wav");

        using var classifier = new ClipClassifier(path, "cpu", new ModelImportOptions { TargetLength = 128 });
        var result = classifier.Classify(wav, top: 5);

        using var reference = new AstModel(Sc128);
        AstStateDict.Load(reference, GoldenStateDict.Full(caseFile), "sc128");
        reference.eval();
        using var pipeline = new ClipPipeline(FeatureOptions.ToPipeline(classifier.Metadata.Features));
        using var noGrad = no_grad();
        // 190 frames: windows at 0 and 190 - 128 = 62; 35 single-label outputs, so the clip score is their mean softmax.
        var windows = stack(new[] { 0, 62 }.Select(s => pipeline.Normalize(pipeline.PadOrCut(pipeline.Features(pipeline.Load(wav))[s..]))).ToArray());
        var expected = reference.forward(windows).softmax(-1).mean([0L]);
        Assert.Equal(2, result.Windows.Count);
        Assert.Equal(5, result.Top.Count);
        foreach (var score in result.Top)
            Assert.Equal(expected[score.Index].item<float>(), score.Probability, 1e-6f);
        Assert.Equal(expected.argmax().item<long>(), result.Top[0].Index);
    }

    [Fact]
    public void Front_end_keeps_the_waveform_mean_when_the_convention_asks()
    {
        // stereo44k has DC offsets; the official loader subtracts one global mean, the HF extractor none.
        var wav = Golden.PathOf("stereo44k.wav");
        using var official = new ClipPipeline();
        using var hf = new ClipPipeline(new ClipPipelineOptions { RemoveWaveformMean = false });
        using var centred = official.Load(wav);
        using var kept = hf.Load(wav);
        TensorAssert.Close(centred.Samples, Golden.Load("fbank.safetensors")["stereo44k_waveform"][0], 1e-7, "official");
        var offset = (kept.Samples - centred.Samples).mean().item<float>();
        TensorAssert.Close(kept.Samples - offset, centred.Samples, 1e-6, "HF = official + the global mean");
        Assert.True(Math.Abs(offset) > 1e-3, $"offset {offset}");
    }
}
