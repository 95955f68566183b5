using System.Buffers.Binary;
using System.Text;

namespace AstDsl.Audio.Tests.Wav;

/// <summary>Builds raw RIFF pieces for malformed-file tests.</summary>
internal static class WavBytes
{
    public static byte[] Chunk(string id, byte[] body)
    {
        var bytes = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)body.Length);
        body.CopyTo(bytes, 8);
        return bytes;
    }

    public static void FixRiffSize(byte[] bytes) =>
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));

    public static byte[] With(byte[] bytes, int offset, params byte[] patch)
    {
        var copy = bytes.ToArray();
        patch.CopyTo(copy, offset);
        return copy;
    }
}
