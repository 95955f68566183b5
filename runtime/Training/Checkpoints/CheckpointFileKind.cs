using System.IO.Compression;
using System.Text;
using AstDsl.Audio;

namespace AstDsl.Training.Checkpoints;

/// <summary>What a file given as a checkpoint looks like, judged from its first bytes.</summary>
public enum CheckpointFileFormat
{
    /// <summary>An AstDsl <c>.astckpt</c> (starts with its signature; whether it is intact is checked on reading).</summary>
    AstDsl,
    /// <summary>A PyTorch <c>torch.save</c> zip (<c>.pth</c>/<c>.pt</c> since PyTorch 1.6).</summary>
    PyTorchZip,
    /// <summary>A PyTorch file in the legacy pickle format.</summary>
    PyTorchPickle,
    /// <summary>A safetensors file.</summary>
    Safetensors,
    /// <summary>An empty file.</summary>
    Empty,
    /// <summary>Anything else.</summary>
    Unknown,
}

/// <summary>Which family a foreign state dict belongs to, from its key names.</summary>
public enum StateDictFamily
{
    /// <summary>No key names recognised.</summary>
    Unknown,
    /// <summary>An official AST model (<c>v.patch_embed...</c>, e.g. the AudioSet checkpoints, or weights exported by AstDsl).</summary>
    Ast,
    /// <summary>A timm ViT/DeiT ImageNet model (<c>patch_embed.proj.weight</c> at the top level).</summary>
    ImageNetVit,
}

/// <summary>
/// Tells an AstDsl checkpoint from files that are not one (PyTorch <c>.pth</c>, safetensors, random bytes), so that a
/// foreign file is named for what it is, with how to use it, instead of being called damaged. One small place to teach
/// more formats.
/// </summary>
/// <param name="Format">The container format.</param>
/// <param name="Family">For a foreign state dict, the model family its key names reveal.</param>
/// <param name="Length">File length in bytes.</param>
/// <param name="Head">Its first bytes (up to 16), for describing unknown content.</param>
public sealed record CheckpointFileKind(CheckpointFileFormat Format, StateDictFamily Family, long Length, byte[] Head)
{
    /// <summary>The AstDsl checkpoint signature.</summary>
    public static ReadOnlySpan<byte> AstDslMagic => "ASTCKPT\n"u8;

    // Key names sit near the start: in a torch.save zip, data.pkl is stored (uncompressed) first; in safetensors, the
    // JSON header comes first.
    private const int ScanBytes = 4 << 20;

    /// <summary>Looks at the first bytes of <paramref name="path"/> (never more than a few MiB; for a zip, its pickle).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CheckpointFileKind Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[ScanBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var length = stream.CanSeek ? stream.Length : read;
        var kind = Classify(buffer.AsSpan(0, read), Math.Max(length, read));
        return kind.Format == CheckpointFileFormat.PyTorchZip && kind.Family == StateDictFamily.Unknown && stream.CanSeek
            ? kind with { Family = ZipFamily(stream) }
            : kind;
    }

    // Writers that compress the zip's entries (TorchSharp.PyBridge does) hide the key names from a plain scan.
    private static StateDictFamily ZipFamily(Stream stream)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var pickle = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal));
            if (pickle is null) return StateDictFamily.Unknown;
            using var entry = pickle.Open();
            var buffer = new byte[ScanBytes];
            return FamilyOf(buffer.AsSpan(0, entry.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)));
        }
        catch (InvalidDataException)
        {
            return StateDictFamily.Unknown; // a damaged zip: the container format is all that can be told
        }
    }

    /// <summary>Classifies a file from its first bytes <paramref name="head"/> and its <paramref name="length"/>.</summary>
    public static CheckpointFileKind Classify(ReadOnlySpan<byte> head, long length)
    {
        var format = FormatOf(head);
        var family = format is CheckpointFileFormat.PyTorchZip or CheckpointFileFormat.PyTorchPickle or CheckpointFileFormat.Safetensors
            ? FamilyOf(head)
            : StateDictFamily.Unknown;
        return new CheckpointFileKind(format, family, length, head[..Math.Min(16, head.Length)].ToArray());
    }

    /// <summary>What the file is, for a sentence "it is ...".</summary>
    public string Description => Format switch
    {
        CheckpointFileFormat.AstDsl => "an AstDsl checkpoint",
        CheckpointFileFormat.Empty => "an empty file (0 bytes)",
        CheckpointFileFormat.PyTorchZip => $"a PyTorch checkpoint (torch.save zip, {InputFile.Size(Length)}){FamilyText}",
        CheckpointFileFormat.PyTorchPickle => $"a PyTorch checkpoint (legacy pickle, {InputFile.Size(Length)}){FamilyText}",
        CheckpointFileFormat.Safetensors => $"a safetensors file ({InputFile.Size(Length)}){FamilyText}",
        _ => $"not a checkpoint format AstDsl knows ({InputFile.Size(Length)} starting with {Hex(Head)})",
    };

    /// <summary>How to use such a file, found at <paramref name="path"/>, with AstDsl.</summary>
    public string Advice(string path) => Family switch
    {
        StateDictFamily.Ast => $"To train from these weights, name the file in a spec's model block: pretrain audioset \"{path}\". {AstDslCheckpoints}",
        StateDictFamily.ImageNetVit => $"To train from these ImageNet weights, name the file in a spec's model block: pretrain imagenet \"{path}\". {AstDslCheckpoints}",
        _ => AstDslCheckpoints,
    };

    /// <summary>What commands that take a checkpoint accept.</summary>
    public const string AstDslCheckpoints = "Commands that take a checkpoint need one written by astc run (a run folder or a file in its checkpoints/ folder), an official AST .pth/.safetensors or a Hugging Face model folder.";

    private string FamilyText => Family switch
    {
        StateDictFamily.Ast => " holding official AST weights",
        StateDictFamily.ImageNetVit => " holding timm ViT/DeiT ImageNet weights",
        _ => "",
    };

    private static CheckpointFileFormat FormatOf(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) return CheckpointFileFormat.Empty;
        if (head.StartsWith(AstDslMagic)) return CheckpointFileFormat.AstDsl;
        if (head.StartsWith("PK\x03\x04"u8)) return CheckpointFileFormat.PyTorchZip;
        if (head.Length >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5) return CheckpointFileFormat.PyTorchPickle;
        // safetensors: an 8-byte little-endian header length, then the JSON header.
        if (head.Length >= 10 && head[8] == (byte)'{' && head[9] == (byte)'"' && BitConverter.ToUInt64(head) < (ulong)ScanBytes * 64)
            return CheckpointFileFormat.Safetensors;
        return CheckpointFileFormat.Unknown;
    }

    private static StateDictFamily FamilyOf(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("v.patch_embed.proj.weight"u8) >= 0) return StateDictFamily.Ast;
        if (head.IndexOf("patch_embed.proj.weight"u8) >= 0) return StateDictFamily.ImageNetVit;
        return StateDictFamily.Unknown;
    }

    private static string Hex(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(8)) text.Append(text.Length == 0 ? "" : " ").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.Length == 0 ? "nothing" : text.ToString();
    }
}
