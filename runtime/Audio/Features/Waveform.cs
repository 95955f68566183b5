using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>A mono signal ready for the filterbank, and its rate. Owns the tensor.</summary>
/// <param name="Samples">(samples) float32 tensor.</param>
/// <param name="SampleRate">Samples per second.</param>
public sealed record Waveform(Tensor Samples, int SampleRate) : IDisposable
{
    /// <summary>Frees the samples.</summary>
    public void Dispose() => Samples.Dispose();
}
