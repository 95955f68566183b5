using System.Globalization;
using static TorchSharp.torch;

namespace AstDsl.Network.Checkpoints;

/// <summary>
/// Moves state dicts between the official AST key names (<c>v.*</c>, <c>mlp_head.*</c>, fused <c>qkv</c>) and
/// Hugging Face's <c>ASTForAudioClassification</c> (<c>audio_spectrogram_transformer.*</c>, <c>classifier.*</c>, separate
/// query/key/value). Both directions use the same name table, so official -> HF -> official is the identity; tensors
/// are only renamed, split along rows or concatenated, never changed.
/// </summary>
public static class HuggingFaceLayout
{
    /// <summary>Prefix of every backbone key in a Hugging Face AST state dict.</summary>
    public const string BackbonePrefix = "audio_spectrogram_transformer.";

    private const string OfficialBlock = "v.blocks.";
    private const string HfBlock = BackbonePrefix + "encoder.layer.";
    private const string OfficialQkv = "attn.qkv.";
    private static readonly string[] HfQkv = ["attention.attention.query.", "attention.attention.key.", "attention.attention.value."];

    // Official name (or prefix ending in '.') <-> Hugging Face name, outside the blocks.
    private static readonly (string Official, string Hf)[] Top =
    [
        ("v.cls_token", BackbonePrefix + "embeddings.cls_token"),
        ("v.dist_token", BackbonePrefix + "embeddings.distillation_token"),
        ("v.pos_embed", BackbonePrefix + "embeddings.position_embeddings"),
        ("v.patch_embed.proj.", BackbonePrefix + "embeddings.patch_embeddings.projection."),
        ("v.norm.", BackbonePrefix + "layernorm."),
        ("mlp_head.0.", "classifier.layernorm."),
        ("mlp_head.1.", "classifier.dense."),
    ];

    // The same inside block i (after "v.blocks.i." / "audio_spectrogram_transformer.encoder.layer.i.").
    private static readonly (string Official, string Hf)[] Block =
    [
        ("norm1.", "layernorm_before."),
        ("attn.proj.", "attention.output.dense."),
        ("norm2.", "layernorm_after."),
        ("mlp.fc1.", "intermediate.dense."),
        ("mlp.fc2.", "output.dense."),
    ];

    /// <summary>True when <paramref name="stateDict"/> uses Hugging Face names.</summary>
    public static bool IsHuggingFace(IReadOnlyDictionary<string, Tensor> stateDict) =>
        stateDict.Keys.Any(k => k.StartsWith(BackbonePrefix, StringComparison.Ordinal));

    /// <summary>The official-layout state dict of a Hugging Face one (query/key/value fused into qkv).</summary>
    /// <exception cref="CheckpointException">A key has no official counterpart, or a q/k/v part is missing.</exception>
    public static Dictionary<string, Tensor> ToOfficial(IReadOnlyDictionary<string, Tensor> hf, string sourcePath)
    {
        CheckpointException Foreign(string key) =>
            new(sourcePath, $"key '{key}' is not part of a Hugging Face ASTForAudioClassification.");
        var result = new Dictionary<string, Tensor>();
        var qkvParts = new Dictionary<string, Tensor?[]>();
        foreach (var (key, value) in hf)
        {
            if (Rename(key, Top, t => t.Hf, t => t.Official) is { } top) { result[top] = value; continue; }
            if (!TrySplitBlock(key, HfBlock, out var index, out var rest))
                throw Foreign(key);
            var part = Array.FindIndex(HfQkv, q => rest.StartsWith(q, StringComparison.Ordinal));
            if (part >= 0)
            {
                var slot = $"{OfficialBlock}{index}.{OfficialQkv}{rest[HfQkv[part].Length..]}";
                (qkvParts.TryGetValue(slot, out var parts) ? parts : qkvParts[slot] = new Tensor?[3])[part] = value;
                continue;
            }
            result[$"{OfficialBlock}{index}.{Rename(rest, Block, t => t.Hf, t => t.Official) ?? throw Foreign(key)}"] = value;
        }
        foreach (var (slot, parts) in qkvParts)
        {
            if (parts.Any(p => p is null))
                throw new CheckpointException(sourcePath, $"'{slot}' needs query, key and value, but the checkpoint lacks some of them.");
            result[slot] = cat(parts!, 0);
        }
        return result;
    }

    /// <summary>The Hugging Face-layout state dict of an official one (qkv split into query/key/value; unused ImageNet heads dropped).</summary>
    /// <exception cref="CheckpointException">A key has no Hugging Face counterpart.</exception>
    public static Dictionary<string, Tensor> FromOfficial(IReadOnlyDictionary<string, Tensor> official, string sourcePath)
    {
        CheckpointException Foreign(string key) =>
            new(sourcePath, $"key '{key}' has no place in a Hugging Face ASTForAudioClassification.");
        var result = new Dictionary<string, Tensor>();
        foreach (var (key, value) in official)
        {
            if (Transfer.AstStateDict.IsUnusedImageNetHead(key)) continue;
            if (Rename(key, Top, t => t.Official, t => t.Hf) is { } top) { result[top] = value; continue; }
            if (!TrySplitBlock(key, OfficialBlock, out var index, out var rest))
                throw Foreign(key);
            var prefix = $"{HfBlock}{index}.";
            if (rest.StartsWith(OfficialQkv, StringComparison.Ordinal))
            {
                var parts = value.chunk(3, 0);
                for (var i = 0; i < 3; i++) result[prefix + HfQkv[i] + rest[OfficialQkv.Length..]] = parts[i];
                continue;
            }
            result[prefix + (Rename(rest, Block, t => t.Official, t => t.Hf) ?? throw Foreign(key))] = value;
        }
        return result;
    }

    private static string? Rename(string key, (string Official, string Hf)[] table,
        Func<(string Official, string Hf), string> from, Func<(string Official, string Hf), string> to)
    {
        foreach (var entry in table)
        {
            var source = from(entry);
            if (source.EndsWith('.') ? key.StartsWith(source, StringComparison.Ordinal) : key == source)
                return to(entry) + key[source.Length..];
        }
        return null;
    }

    private static bool TrySplitBlock(string key, string prefix, out int index, out string rest)
    {
        index = -1;
        rest = "";
        if (!key.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var dot = key.IndexOf('.', prefix.Length);
        if (dot < 0 || !int.TryParse(key.AsSpan(prefix.Length, dot - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index))
            return false;
        rest = key[(dot + 1)..];
        return true;
    }
}
