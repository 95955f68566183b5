using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AstDsl.Audio;
using AstDsl.Training.Errors;

namespace AstDsl.Training.Checkpoints;

/// <summary>
/// The checkpoint container: magic, format version, JSON header length and header, the binary sections in header
/// order, and a SHA-256 of everything before it. Written to a temporary file, flushed to disk and renamed, so the
/// final name only ever holds a complete file; a truncated or altered file fails the checksum on reading.
/// </summary>
public static class CheckpointFile
{
    /// <summary>Current layout version.</summary>
    public const int FormatVersion = 1;
    private const int HashLength = 32;
    private const int PreambleLength = 8 + 4 + 8;

    /// <summary>Writes <paramref name="header"/> and <paramref name="sections"/> (names and order as in the header) atomically.</summary>
    public static void Write(string path, CheckpointHeader header, IReadOnlyList<(string Name, byte[] Data)> sections)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var described = header with { Sections = sections.Select(s => new CheckpointSection(s.Name, s.Data.LongLength)).ToArray() };
        var json = JsonSerializer.SerializeToUtf8Bytes(described, CheckpointJson.Options);
        var temp = $"{full}.tmp-{Environment.ProcessId}";
        Runs.RunFiles.Write(full, () => WriteThenRename(full, temp, json, sections));
    }

    private static void WriteThenRename(string full, string temp, byte[] json, IReadOnlyList<(string Name, byte[] Data)> sections)
    {
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                void Put(ReadOnlySpan<byte> bytes)
                {
                    file.Write(bytes);
                    hash.AppendData(bytes);
                }
                Span<byte> number = stackalloc byte[8];
                Put(CheckpointFileKind.AstDslMagic);
                BinaryPrimitives.WriteInt32LittleEndian(number, FormatVersion);
                Put(number[..4]);
                BinaryPrimitives.WriteInt64LittleEndian(number, json.LongLength);
                Put(number);
                Put(json);
                foreach (var (_, data) in sections) Put(data);
                file.Write(hash.GetHashAndReset());
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads and verifies a checkpoint file.</summary>
    /// <exception cref="NotACheckpointException">The file is something else (a PyTorch .pth, safetensors, other bytes, a folder, a device).</exception>
    /// <exception cref="CorruptCheckpointException">The file is an AstDsl checkpoint that is truncated or altered.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static (CheckpointHeader Header, IReadOnlyDictionary<string, byte[]> Sections) Read(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"checkpoint {path} does not exist; pass a .astckpt file from a run's checkpoints folder.", path);
        var bytes = InputFile.ReadAllBytes(path, Array.MaxLength, problem => new NotACheckpointException(path, problem));
        if (!bytes.AsSpan().StartsWith(CheckpointFileKind.AstDslMagic)) throw new NotACheckpointException(path, CheckpointFileKind.Detect(path));
        if (bytes.Length < PreambleLength + HashLength)
            throw new CorruptCheckpointException(path, $"it is truncated: {bytes.Length} bytes, fewer than the {PreambleLength + HashLength} of an empty checkpoint");
        var body = bytes.AsSpan(0, bytes.Length - HashLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
            throw new CorruptCheckpointException(path, $"its SHA-256 checksum does not match its contents ({bytes.Length} bytes), so it was cut short or altered");
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
            throw new NotACheckpointException(path, $"it is an intact AstDsl checkpoint of format version {version}, and this build reads version {FormatVersion} (use the AstDsl version that wrote it)");
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (headerLength < 0 || headerLength > body.Length - PreambleLength)
            throw new CorruptCheckpointException(path, $"its header length {headerLength} does not fit in the file");
        var header = ParseHeader(path, body.Slice(PreambleLength, (int)headerLength));
        var sections = new Dictionary<string, byte[]>();
        var offset = PreambleLength + headerLength;
        foreach (var section in header.Sections)
        {
            if (offset + section.Length > body.Length)
                throw new CorruptCheckpointException(path, $"section '{section.Name}' runs past the end of the file");
            sections[section.Name] = body.Slice((int)offset, (int)section.Length).ToArray();
            offset += section.Length;
        }
        return (header, sections);
    }

    private static CheckpointHeader ParseHeader(string path, ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointHeader>(json, CheckpointJson.Options)
                   ?? throw new CorruptCheckpointException(path, "its header is empty");
        }
        catch (JsonException e)
        {
            // The checksum matched, so the file is as it was written: another build wrote a header this one cannot read.
            throw new NotACheckpointException(path, $"its header cannot be read by this build ({e.Message}); it starts {Encoding.UTF8.GetString(json[..Math.Min(json.Length, 80)])}");
        }
    }
}
