using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace AstDsl.Network.Checkpoints;

/// <summary>
/// Adds a <c>__metadata__</c> map to the header of a safetensors file. Hugging Face transformers refuses
/// <c>model.safetensors</c> files whose metadata lacks <c>"format": "pt"</c>.
/// </summary>
public static class SafetensorsMetadata
{
    /// <summary>Rewrites <paramref name="path"/> with <paramref name="metadata"/> in its header; tensor data is copied unchanged.</summary>
    public static void Add(string path, IReadOnlyDictionary<string, string> metadata)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = JsonNode.Parse(bytes.AsSpan(8, headerLength))!.AsObject();
        var map = new JsonObject();
        foreach (var (key, value) in metadata) map[key] = value;
        header["__metadata__"] = map;
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // Keep the data block 8-byte aligned, as the format recommends: pad the header with spaces.
        var padded = (json.Length + 7) / 8 * 8;
        var output = new byte[8 + padded + bytes.Length - 8 - headerLength];
        BinaryPrimitives.WriteUInt64LittleEndian(output, (ulong)padded);
        json.CopyTo(output, 8);
        output.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        bytes.AsSpan(8 + headerLength).CopyTo(output.AsSpan(8 + padded));
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temp, output);
        File.Move(temp, path, overwrite: true);
    }
}
