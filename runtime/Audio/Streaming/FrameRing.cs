using static TorchSharp.torch;

namespace AstDsl.Audio.Streaming;

/// <summary>The most recent <c>capacity</c> feature frames of a stream, in a fixed array: memory does not grow with the stream.</summary>
internal sealed class FrameRing(int capacity, int width)
{
    private readonly float[] _values = new float[capacity * width];
    private int _head; // slot of the oldest frame

    /// <summary>Frames held (at most the capacity).</summary>
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<float> frame)
    {
        var slot = (_head + Count) % capacity;
        frame.CopyTo(_values.AsSpan(slot * width, width));
        if (Count < capacity) Count++;
        else _head = (_head + 1) % capacity;
    }

    /// <summary>The held frames, oldest first, as a new (count, width) tensor.</summary>
    public Tensor Snapshot()
    {
        var ordered = new float[Count * width];
        for (var i = 0; i < Count; i++)
            _values.AsSpan((_head + i) % capacity * width, width).CopyTo(ordered.AsSpan(i * width));
        return tensor(ordered, new long[] { Count, width }, float32);
    }
}
