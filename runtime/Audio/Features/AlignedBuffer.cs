using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AstDsl.Audio.Features;

/// <summary>
/// A buffer of <typeparamref name="T"/> starting on a 64-byte boundary. Managed arrays are only 8-byte aligned, and a
/// 512-bit vector array off the boundary splits every load and store across two cache lines: measured 1.8x slower
/// FFTs, varying run to run with where the array happened to land.
/// </summary>
internal sealed class AlignedBuffer<T> where T : struct
{
    private const int Alignment = 64;
    private readonly byte[] _bytes;
    private readonly int _offset;

    /// <summary>A zeroed buffer of <paramref name="length"/> elements.</summary>
    public AlignedBuffer(int length)
    {
        Length = length;
        // Bytes, not T: the array's start is only 8-byte aligned, which need not be a whole number of elements from
        // the boundary. The pinned object heap never moves its arrays, so the alignment found here holds for good.
        _bytes = GC.AllocateArray<byte>(length * Unsafe.SizeOf<T>() + Alignment, pinned: true);
        var handle = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
        var misalignment = (int)(handle.AddrOfPinnedObject() % Alignment);
        handle.Free();
        _offset = (Alignment - misalignment) % Alignment;
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>The aligned elements.</summary>
    public Span<T> Span => MemoryMarshal.Cast<byte, T>(_bytes.AsSpan(_offset, Length * Unsafe.SizeOf<T>()));
}
