using System.Buffers.Binary;

namespace AstDsl.Network.Checkpoints;

/// <summary>What a checkpoint path holds, recognised by content (never by file extension alone).</summary>
public enum StateDictFormat
{
    /// <summary>None of the layouts below (possibly an AstDsl .astckpt, which its own reader recognises).</summary>
    Unknown,
    /// <summary>A safetensors file: 8-byte little-endian header length, then a JSON header starting with '{'.</summary>
    Safetensors,
    /// <summary>A <c>torch.save</c> zip archive (<c>.pth</c>, <c>.pt</c>, <c>.bin</c>).</summary>
    TorchZip,
    /// <summary>A Hugging Face model folder: <c>config.json</c> next to <c>model.safetensors</c> or <c>pytorch_model.bin</c>.</summary>
    HuggingFaceFolder,
}

/// <summary>Recognises <see cref="StateDictFormat"/>s from the first bytes of a file or the contents of a folder.</summary>
public static class StateDictProbe
{
    /// <summary>The file Hugging Face keeps a model's configuration in.</summary>
    public const string HuggingFaceConfigFile = "config.json";
    /// <summary>Weight files of a Hugging Face folder, in the order they are preferred.</summary>
    public static readonly IReadOnlyList<string> HuggingFaceWeightFiles = ["model.safetensors", "pytorch_model.bin"];

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The format of <paramref name="path"/> (a file or a folder); <see cref="StateDictFormat.Unknown"/> when it is neither.</summary>
    public static StateDictFormat Detect(string path)
    {
        if (Directory.Exists(path))
            return File.Exists(Path.Combine(path, HuggingFaceConfigFile)) && HuggingFaceWeightFile(path) is not null
                ? StateDictFormat.HuggingFaceFolder
                : StateDictFormat.Unknown;
        if (!File.Exists(path)) return StateDictFormat.Unknown;
        Span<byte> head = stackalloc byte[9];
        long length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length) return StateDictFormat.Unknown;
        }
        if (head[..4].SequenceEqual(ZipMagic)) return StateDictFormat.TorchZip;
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(head);
        return headerLength >= 2 && headerLength <= (ulong)(length - 8) && head[8] == (byte)'{'
            ? StateDictFormat.Safetensors
            : StateDictFormat.Unknown;
    }

    /// <summary>The weight file of a Hugging Face folder, or null when it has none.</summary>
    public static string? HuggingFaceWeightFile(string folder) =>
        HuggingFaceWeightFiles.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
