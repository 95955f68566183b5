using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>Official <-> Hugging Face ASTForAudioClassification key mapping.</summary>
public sealed class HuggingFaceLayoutTests
{
    [Fact]
    public void Official_to_hf_to_official_is_bit_exact()
    {
        var official = GoldenCases.FullStateDict(GoldenCases.CaseFile("as1024"));
        var hf = HuggingFaceLayout.FromOfficial(official, "as1024");
        var back = HuggingFaceLayout.ToOfficial(hf, "as1024");

        // The unused ImageNet heads (v.head.*, v.head_dist.*) have no HF counterpart and are dropped.
        var kept = official.Where(kv => !AstStateDict.IsUnusedImageNetHead(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(kept.Keys.Order(), back.Keys.Order());
        foreach (var (key, value) in kept) TensorAssert.Equal(back[key], value, key);
        // 12 blocks x (qkv weight + bias split into three) adds 2 x 2 x 12 keys.
        Assert.Equal(kept.Count + 48, hf.Count);
    }

    [Fact]
    public void Hf_names_and_qkv_rows_are_those_of_transformers()
    {
        var official = GoldenCases.FullStateDict(GoldenCases.CaseFile("sc128"));
        var hf = HuggingFaceLayout.FromOfficial(official, "sc128");
        const string layer = "audio_spectrogram_transformer.encoder.layer.3.";
        var qkv = official["v.blocks.3.attn.qkv.weight"];
        TensorAssert.Equal(hf[layer + "attention.attention.query.weight"], qkv[..192], "query rows");
        TensorAssert.Equal(hf[layer + "attention.attention.key.weight"], qkv[192..384], "key rows");
        TensorAssert.Equal(hf[layer + "attention.attention.value.bias"], official["v.blocks.3.attn.qkv.bias"][384..], "value bias");
        TensorAssert.Equal(hf[layer + "attention.output.dense.weight"], official["v.blocks.3.attn.proj.weight"], "attention output");
        TensorAssert.Equal(hf[layer + "layernorm_before.weight"], official["v.blocks.3.norm1.weight"], "norm1");
        TensorAssert.Equal(hf[layer + "layernorm_after.bias"], official["v.blocks.3.norm2.bias"], "norm2");
        TensorAssert.Equal(hf[layer + "intermediate.dense.weight"], official["v.blocks.3.mlp.fc1.weight"], "fc1");
        TensorAssert.Equal(hf[layer + "output.dense.bias"], official["v.blocks.3.mlp.fc2.bias"], "fc2");
        TensorAssert.Equal(hf["audio_spectrogram_transformer.embeddings.distillation_token"], official["v.dist_token"], "dist token");
        TensorAssert.Equal(hf["audio_spectrogram_transformer.embeddings.position_embeddings"], official["v.pos_embed"], "positions");
        TensorAssert.Equal(hf["audio_spectrogram_transformer.embeddings.patch_embeddings.projection.weight"], official["v.patch_embed.proj.weight"], "patch");
        TensorAssert.Equal(hf["audio_spectrogram_transformer.layernorm.weight"], official["v.norm.weight"], "final norm");
        TensorAssert.Equal(hf["classifier.layernorm.bias"], official["mlp_head.0.bias"], "head norm");
        TensorAssert.Equal(hf["classifier.dense.weight"], official["mlp_head.1.weight"], "head linear");
    }

    [Fact]
    public void Same_logits_from_hf_layout_with_the_same_convention()
    {
        var caseFile = GoldenCases.CaseFile("sc128");
        var hf = HuggingFaceLayout.FromOfficial(GoldenCases.FullStateDict(caseFile), "sc128");
        using var model = new AstModel(GoldenCases.Options("sc128"));
        AstStateDict.Load(model, HuggingFaceLayout.ToOfficial(hf, "hf sc128"), "hf sc128");
        model.eval();
        using var noGrad = no_grad();
        TensorAssert.RelativelyClose(model.forward(caseFile["input"]), caseFile["output"], 1e-5, "sc128 output from HF layout");
    }

    [Fact]
    public void Hf_convention_runs_every_layernorm_with_eps_1e12()
    {
        var caseFile = GoldenCases.CaseFile("sc128");
        using var model = new AstModel(GoldenCases.Options("sc128") with { Convention = WeightConvention.HuggingFace });
        AstStateDict.Load(model, GoldenCases.FullStateDict(caseFile), "sc128");
        model.eval();
        var norms = model.modules().OfType<TorchSharp.Modules.LayerNorm>().ToList();
        Assert.Equal(2 * 12 + 2, norms.Count);
        using var noGrad = no_grad();
        // The head probe's tiny inputs make the eps visible: 1e-12 instead of 1e-5 moves it by far more than 1e-5.
        var probe = model.Head(caseFile["probe_head_input"]);
        Assert.True(TensorAssert.MaxAbsDiff(probe, caseFile["probe_head_output"]) > 1e-2);
        using var exact = nn.functional.layer_norm(caseFile["probe_head_input"], [192], caseFile["mlp_head.0.weight"], caseFile["mlp_head.0.bias"], 1e-12);
        TensorAssert.Close(probe, nn.functional.linear(exact, caseFile["mlp_head.1.weight"], caseFile["mlp_head.1.bias"]), 1e-5, "head with eps 1e-12");
    }

    [Fact]
    public void A_foreign_key_is_named()
    {
        var hf = new Dictionary<string, Tensor> { ["audio_spectrogram_transformer.pooler.dense.weight"] = zeros(2, 2) };
        var error = Assert.Throws<CheckpointException>(() => HuggingFaceLayout.ToOfficial(hf, "model.safetensors"));
        Assert.Equal("model.safetensors: key 'audio_spectrogram_transformer.pooler.dense.weight' is not part of a Hugging Face ASTForAudioClassification.", error.Message);
    }
}
