using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary><see cref="VectorFbank"/> at one vector width: <c>TMath.Count</c> frames of a row per pass.</summary>
internal sealed class LaneFbank<TVector, TMath> : VectorFbank where TVector : struct where TMath : struct, ILaneMath<TVector>
{
    // torch.finfo(torch.float32).eps: the log floor torchaudio uses.
    private const float LogFloor = 1.1920929e-07f;

    private readonly LaneFft<TVector, TMath> _fft;
    // Scratch outlives the call that made it: a clip-by-clip caller would otherwise allocate ~80 KB per thread per clip.
    private readonly ConcurrentBag<Scratch> _scratch = [];

    public LaneFbank(FbankOptions options, int sampleRate) : this(options, sampleRate, new LaneFft<TVector, TMath>(options.FftSize(sampleRate)))
    {
    }

    private LaneFbank(FbankOptions options, int sampleRate, LaneFft<TVector, TMath> fft) : base(options, sampleRate, fft.Bins) => _fft = fft;

    public override int Lanes => TMath.Count;

    public override Tensor Compute(Tensor batch, int threads)
    {
        var rows = (int)batch.shape[0];
        var samples = batch.shape[1];
        var frames = FrameCount(samples);
        var bins = Options.MelBins;
        // Written in place: a managed array copied into a tensor afterwards cost a second pass over the features.
        var output = empty(rows, frames, bins, float32);
        var blocksPerRow = (frames + Lanes - 1) / Lanes;
        var span = (Lanes - 1) * Shift + Size; // samples one block of frames reads
        Parallel.For(0L, (long)rows * blocksPerRow, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => _scratch.TryTake(out var reused) ? reused : new Scratch(Size, _fft.Size, _fft.Bins, bins),
            (block, _, scratch) =>
            {
                var row = block / blocksPerRow;
                var first = (int)(block % blocksPerRow) * Lanes;
                var count = Math.Min(Lanes, frames - first);
                var start = (long)first * Shift;
                var length = (int)Math.Min(span, samples - start);
                // A span cannot be captured by the parallel body, so each block takes its own views of the tensors' memory.
                var signal = MemoryMarshal.Cast<byte, float>(batch.bytes).Slice((int)(row * samples + start), length);
                var target = MemoryMarshal.Cast<byte, float>(output.bytes).Slice((int)((row * frames + first) * bins), count * bins);
                Block(signal, count, scratch, target);
                return scratch;
            }, _scratch.Add);
        return output;
    }

    // The first count frames of signal (a block's samples) into their rows of output.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // as LaneFft.Power
    private void Block(ReadOnlySpan<float> signal, int count, Scratch scratch, Span<float> output)
    {
        var lanes = Lanes;
        var frames = scratch.Frames.Span;
        Transpose(signal, count, MemoryMarshal.Cast<TVector, float>(frames));
        var z = scratch.Z.Span;
        Condition(frames, z);
        var power = scratch.Power.Span;
        _fft.Power(z, power);
        if (!Options.UsePower)
            for (var k = 0; k < power.Length; k++) power[k] = TMath.Sqrt(power[k]);

        var mel = scratch.Mel.Span;
        var floor = TMath.Broadcast(LogFloor);
        for (var m = 0; m < mel.Length; m++)
        {
            TVector sum = default;
            var weights = Weights[m];
            var bins = power.Slice(FirstBin[m], weights.Length);
            for (var k = 0; k < weights.Length; k++) sum = TMath.Add(sum, TMath.Multiply(bins[k], TMath.Broadcast(weights[k])));
            mel[m] = Options.UseLog ? TMath.LogAtLeast(sum, floor) : sum;
        }
        var width = mel.Length;
        ref var value = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<TVector, float>(mel)[..(width * lanes)]);
        ref var target = ref MemoryMarshal.GetReference(output[..(count * width)]);
        for (var l = 0; l < count; l++)
            for (var m = 0; m < width; m++) Unsafe.Add(ref target, l * width + m) = Unsafe.Add(ref value, m * lanes + l);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called from Block, which would otherwise run it unoptimised for the first ~100 ms
    // Frame l of signal into lane l of every vector. References instead of indexing keep bounds checks out of this
    // scalar loop; the slices taken first prove every offset in range.
    private void Transpose(ReadOnlySpan<float> signal, int count, Span<float> lanes)
    {
        var width = Lanes;
        if (count < width) lanes.Clear(); // lanes past the signal's last frame would otherwise hold stale samples
        ref var lane = ref MemoryMarshal.GetReference(lanes[..(Size * width)]);
        for (var l = 0; l < count; l++)
        {
            ref var frame = ref MemoryMarshal.GetReference(signal.Slice(l * Shift, Size));
            for (var n = 0; n < Size; n++) Unsafe.Add(ref lane, n * width + l) = Unsafe.Add(ref frame, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // as Transpose
    // DC removal, pre-emphasis and window in one pass, written to the FFT's input slots; the same float operations in
    // the same order as Kaldi's three passes (x -= mean; x[n] -= c x[n-1], x[0] -= c x[0]; x *= window).
    private void Condition(ReadOnlySpan<TVector> frames, Span<TVector> z)
    {
        var mean = default(TVector);
        if (Options.RemoveDcOffset)
        {
            foreach (var v in frames) mean = TMath.Add(mean, v);
            mean = TMath.Divide(mean, TMath.Broadcast(Size));
        }
        var c = TMath.Broadcast((float)Options.Preemphasis);
        var slots = _fft.Slots;
        var window = Window.AsSpan(0, frames.Length);
        var previous = TMath.Subtract(frames[0], mean);
        for (var n = 0; n < frames.Length; n++)
        {
            var current = TMath.Subtract(frames[n], mean);
            z[slots[n]] = TMath.Multiply(TMath.Subtract(current, TMath.Multiply(previous, c)), TMath.Broadcast(window[n]));
            previous = current;
        }
        for (var n = frames.Length; n < slots.Length; n++) z[slots[n]] = default;
    }

    // Per-thread buffers, reused for every block the thread computes.
    private sealed class Scratch(int size, int fftSize, int fftBins, int melBins)
    {
        public AlignedBuffer<TVector> Frames { get; } = new(size);
        public AlignedBuffer<TVector> Z { get; } = new(fftSize);
        public AlignedBuffer<TVector> Power { get; } = new(fftBins);
        public AlignedBuffer<TVector> Mel { get; } = new(melBins);
    }
}
