using System.Globalization;
using System.Text;
using AstDsl.Network.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Training.Inference;

/// <summary>
/// Writes embeddings as NumPy <c>.npy</c> (float32, C order) or <c>.safetensors</c> (tensor "embeddings"), with
/// <c>PATH.index.csv</c> beside it mapping each row to its file.
/// </summary>
public static class EmbeddingFile
{
    /// <summary>Writes <paramref name="embeddings"/> (rows first) and the index; the format follows the extension.</summary>
    public static void Write(string path, Tensor embeddings, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(files);
        if (embeddings.shape[0] != files.Count) throw new ArgumentException($"{embeddings.shape[0]} rows for {files.Count} files");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".safetensors") StateDictFile.Write(path, new Dictionary<string, Tensor> { ["embeddings"] = embeddings });
        else if (extension == ".npy") WriteNpy(path, embeddings);
        else throw new ArgumentException($"--out {path}: use a .npy or .safetensors file name.");
        var index = new StringBuilder("row,file\n");
        for (var i = 0; i < files.Count; i++)
            index.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Quote(files[i])).Append('\n');
        File.WriteAllText(IndexPath(path), index.ToString());
    }

    /// <summary>The index file written beside <paramref name="path"/>.</summary>
    public static string IndexPath(string path) => path + ".index.csv";

    private static void WriteNpy(string path, Tensor embeddings)
    {
        using var cpu = embeddings.detach().to(float32).cpu().contiguous();
        var shape = string.Join("", cpu.shape.Select(d => d.ToString(CultureInfo.InvariantCulture) + ", ")).TrimEnd(' ');
        if (cpu.shape.Length > 1) shape = shape.TrimEnd(',');
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        // Format 1.0: magic, version, little-endian header length, header padded with spaces to a multiple of 64 ending in \n.
        var padded = header.PadRight((header.Length + 11 + 63) / 64 * 64 - 10 - 1) + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(padded.Length & 0xFF), (byte)(padded.Length >> 8)]);
        stream.Write(Encoding.ASCII.GetBytes(padded));
        stream.Write(cpu.bytes);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
