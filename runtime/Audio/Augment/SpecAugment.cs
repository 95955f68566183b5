using static TorchSharp.torch;

namespace AstDsl.Audio.Augment;

/// <summary>
/// SpecAugment masks with torchaudio's FrequencyMasking / TimeMasking semantics (iid_masks off, one mask per call):
/// width w = U * maxWidth, start = floor(U' * (size - w)), the bins [start, start + floor(w)) set to 0. The official
/// loader masks the raw log-mel (before normalisation), on the (mel bins, frames) layout.
/// </summary>
public static class SpecAugment
{
    /// <summary>The range [Start, Start + Width) one mask covers; Width is 0 when nothing is masked.</summary>
    public readonly record struct Span(long Start, long Width);

    /// <summary>Draws a mask along an axis of length <paramref name="size"/>, with widths in [0, maxWidth).</summary>
    public static Span Draw(Random rng, int maxWidth, long size)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (maxWidth < 1 || size < 1) return new Span(0, 0);
        var value = rng.NextDouble() * maxWidth;
        var start = (long)Math.Floor(rng.NextDouble() * (size - value));
        var end = start + (long)value;
        // torchaudio compares an arange with [start, end); clipping to the axis gives the same cells.
        var clippedStart = Math.Clamp(start, 0, size);
        return new Span(clippedStart, Math.Clamp(end, 0, size) - clippedStart);
    }

    /// <summary>Zeroes one random band of mel bins of a (frames, mel bins) feature matrix, in place; returns the band.</summary>
    public static Span MaskFrequency(Tensor features, int maxWidth, Random rng) => Mask(features, 1, maxWidth, rng);

    /// <summary>Zeroes one random run of frames of a (frames, mel bins) feature matrix, in place; returns the run.</summary>
    public static Span MaskTime(Tensor features, int maxWidth, Random rng) => Mask(features, 0, maxWidth, rng);

    private static Span Mask(Tensor features, int dim, int maxWidth, Random rng)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() != 2)
            throw new ArgumentException($"expected (frames, mel bins), got [{string.Join(", ", features.shape)}]", nameof(features));
        var span = Draw(rng, maxWidth, features.shape[dim]);
        if (span.Width > 0)
            using (var region = features.narrow(dim, span.Start, span.Width))
                region.zero_();
        return span;
    }
}
