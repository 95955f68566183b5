using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AstDsl.Audio.Features;

namespace AstDsl.Audio.Tests.Features;

public sealed class AlignedBufferTests
{
    // The address of the first element (the buffer is on the pinned heap, so it stays put while we look).
    private static long Address<T>(Span<T> span) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref span[0]);

    [Fact]
    public void Buffers_of_every_lane_width_start_on_a_cache_line_and_are_zeroed()
    {
        for (var i = 0; i < 20; i++) // allocations land at different offsets
        {
            var wide = new AlignedBuffer<Vector512<float>>(257 + i);
            Assert.Equal(257 + i, wide.Span.Length);
            Assert.Equal(0, Address(wide.Span) % 64);
            Assert.True(wide.Span.IndexOfAnyExcept(default(Vector512<float>)) < 0);
            Assert.Equal(0, Address(new AlignedBuffer<Vector256<float>>(3 + i).Span) % 64);
            Assert.Equal(0, Address(new AlignedBuffer<Vector128<float>>(5 + i).Span) % 64);
        }
    }
}
